/// The office's scoring rules for the September judging (方案 §五(五): "邀请专家对项目成果进行集中评选"): the
/// criteria with their maximum points, how the judges' totals are combined and how ties are broken. Read from
/// `judging/scoring.yaml` in the templates folder; the built-in one follows the QC-result judging tables of
/// Chinese quality competitions (选题 … 发表, 100 points).
public struct ScoringRules: Sendable, Equatable {
    public struct Criterion: Sendable, Equatable {
        public var name: String
        /// Maximum points; a score is a number from 0 to this, in steps of 0.01 at the finest.
        public var points: Int
        public var guidance: String

        public init(name: String, points: Int, guidance: String = "") {
            self.name = name
            self.points = points
            self.guidance = guidance
        }
    }

    /// How a project's judges' totals become its result.
    public enum Aggregate: String, Sendable, Equatable {
        /// The mean of every judge's total.
        case mean
        /// With five judges or more, the mean without one highest and one lowest total; otherwise the mean.
        case trimmedMean = "trimmed_mean"
    }

    public var title: String
    public var criteria: [Criterion]
    public var aggregate: Aggregate
    /// Criteria whose summed scores break a tie of aggregates, in order; then the earlier 计划编号.
    public var tieBreak: [String]

    public init(title: String, criteria: [Criterion], aggregate: Aggregate, tieBreak: [String] = []) {
        self.title = title
        self.criteria = criteria
        self.aggregate = aggregate
        self.tieBreak = tieBreak
    }

    public var totalPoints: Int { criteria.map(\.points).reduce(0, +) }
}

/// A score in hundredths of a point: 8.5 is 850. Whole numbers, so that sums and comparisons are exact and
/// anyone can recompute the ranking from the workbooks' cells and get the same order.
public typealias Hundredths = Int

/// One judge's returned workbook, read: per 计划编号, a score per criterion (in the rules' order).
public struct JudgeScores: Sendable, Equatable {
    /// The label of the judge's line above a scoring sheet's table (`评委：张三`): written and read by it.
    public static let label = "评委："

    public var judge: String
    public var file: String
    public var scores: [String: [Hundredths]]

    public init(judge: String, file: String, scores: [String: [Hundredths]]) {
        self.judge = judge
        self.file = file
        self.scores = scores
    }
}

/// One planned project's place in the judging.
public struct RankedProject: Sendable, Equatable {
    public var planNumber: String
    public var creditCode: String
    public var projectName: String
    public var applicant: String
    public var recommender: String
    /// Each judge's total, in the order of campaign.yaml's judges.
    public var judgeTotals: [Hundredths]
    /// The aggregate as a fraction of hundredths: numerator / denominator (the judges counted).
    public var aggregateSum: Hundredths
    public var aggregateCount: Int
    /// 1 for the best; no two projects share a rank (ties are broken by the stated rule).
    public var rank = 0
    /// The proposed award level, if the quotas reach this rank.
    public var level: String?

    /// The aggregate in points, for showing (two decimals).
    public var aggregate: Double { Double(aggregateSum) / Double(max(1, aggregateCount)) / 100 }
}

/// A recommender's result in the judging, for 优秀推荐单位.
public struct RecommenderResult: Sendable, Equatable {
    public var recommender: Recommender
    /// Sum over its awarded projects of the level's points (the highest level counts as many points as there are
    /// levels with quotas, the next one less, …).
    public var points: Int
    public var awarded: Int
    public var proposed: Bool
}

/// Ranking and proposal from the judges' scores: pure, so the rule is one place and tested.
public enum JudgingRanking {
    /// The planned projects ranked. `judges` in campaign.yaml's order; every judge has scored every project
    /// (the importer has checked).
    public static func rank(
        plan: [PlanEntry], declarations: [ProjectKey: Declaration], judges: [JudgeScores], rules: ScoringRules,
        quotas: [AwardQuota]
    ) -> [RankedProject] {
        let tieCriteria = rules.tieBreak.compactMap { name in rules.criteria.firstIndex { $0.name == name } }
        var projects: [(project: RankedProject, ties: [Hundredths], position: Int)] = []
        for (position, entry) in plan.enumerated() {
            let declaration = declarations[entry.projectKey]
            let sheets = judges.map { $0.scores[entry.planNumber] ?? [] }
            let totals = sheets.map { $0.reduce(0, +) }
            var sum = totals.reduce(0, +)
            var count = totals.count
            if rules.aggregate == .trimmedMean, count >= 5, let high = totals.max(), let low = totals.min() {
                sum -= high + low
                count -= 2
            }
            let ties = tieCriteria.map { criterion in
                sheets.map { $0.indices.contains(criterion) ? $0[criterion] : 0 }.reduce(0, +)
            }
            projects.append(
                (
                    RankedProject(
                        planNumber: entry.planNumber, creditCode: entry.creditCode, projectName: entry.projectName,
                        applicant: declaration?.applicant ?? "", recommender: declaration?.recommender ?? "",
                        judgeTotals: totals, aggregateSum: sum, aggregateCount: count),
                    ties, position
                ))
        }
        projects.sort { a, b in
            // a.sum/a.count against b.sum/b.count without division.
            let left = a.project.aggregateSum * b.project.aggregateCount
            let right = b.project.aggregateSum * a.project.aggregateCount
            if left != right { return left > right }
            if a.ties != b.ties { return a.ties.lexicographicallyPrecedes(b.ties, by: >) }
            return a.position < b.position
        }
        var ranked = projects.map(\.project)
        let cuts = cumulativeCuts(quotas, count: ranked.count)
        for index in ranked.indices {
            ranked[index].rank = index + 1
            ranked[index].level = cuts.first { index < $0.end }?.level
        }
        return ranked
    }

    /// Per level, the rank (exclusive, 0-based) its places end at: ⌊cumulative share × N⌋, so no level has
    /// more than its quota and rounding never adds up across levels.
    static func cumulativeCuts(_ quotas: [AwardQuota], count: Int) -> [(level: String, end: Int)] {
        var cumulative = 0
        return quotas.map { quota in
            cumulative += quota.percent
            return (quota.level, cumulative * count / 100)
        }
    }

    /// 优秀推荐单位: recommenders by their awarded projects' points (the highest quota level as many points as there
    /// are quota levels, the next one less …), then by the number awarded, then by campaign.yaml's order; the
    /// first `count` with any points are proposed.
    public static func recommenders(
        _ ranked: [RankedProject], campaign: Campaign, quotas: [AwardQuota], count: Int
    ) -> [RecommenderResult] {
        let levelPoints = Dictionary(
            quotas.enumerated().map { ($0.element.level, quotas.count - $0.offset) }, uniquingKeysWith: { a, _ in a })
        var results = campaign.recommenders.map {
            RecommenderResult(recommender: $0, points: 0, awarded: 0, proposed: false)
        }
        let position = Dictionary(
            campaign.recommenders.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for project in ranked {
            guard let level = project.level, let points = levelPoints[level],
                let id = campaign.recommender(named: project.recommender)?.id, let index = position[id]
            else { continue }
            results[index].points += points
            results[index].awarded += 1
        }
        let order = results.indices.sorted { a, b in
            (results[a].points, results[a].awarded, -a) > (results[b].points, results[b].awarded, -b)
        }
        for index in order.prefix(count) where results[index].points > 0 { results[index].proposed = true }
        return order.map { results[$0] }
    }

    /// The proposed awards: 项目成果 at its proposed level, then the proposed 优秀推荐单位.
    public static func proposedAwards(_ ranked: [RankedProject], recommenders: [RecommenderResult]) -> [Award] {
        let origin = RecordOrigin(file: "", row: 0)
        return ranked.compactMap { project in
            project.level.map {
                Award(
                    category: .projectResult, level: $0, creditCode: project.creditCode,
                    projectName: project.projectName, unit: project.applicant, origin: origin)
            }
        }
            + recommenders.filter(\.proposed).map {
                Award(category: .recommender, level: "", recommender: $0.recommender.name, origin: origin)
            }
    }
}
