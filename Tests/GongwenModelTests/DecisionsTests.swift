import GongwenModel
import GongwenTestSupport
import Testing

struct ProjectNameSimilarityTests {
    @Test func aRenamedProjectIsTheSameNameOnceNormalised() {
        #expect(ProjectNameSimilarity.score("提高XX产品合格率", "关于提高XX产品的合格率项目") == 1)
        #expect(ProjectNameSimilarity.score("降低精馏工序单位产品综合能耗", "2018年降低精馏工序单位产品综合能耗") == 1)
        #expect(ProjectNameSimilarity.score("提高ＡＢ线合格率", "提高ab线合格率") == 1, "full width and case folded")
    }

    @Test func projectsThatOnlyShareTheTradesWordsAreNotAlike() {
        #expect(ProjectNameSimilarity.score("降低曲轴加工尺寸超差率", "降低数控主轴加工尺寸超差率") < ProjectNameSimilarity.threshold)
        #expect(ProjectNameSimilarity.score("降低曲轴加工尺寸超差率", "降低凸轮轴加工尺寸超差率") < ProjectNameSimilarity.threshold)
        #expect(ProjectNameSimilarity.score("提高锅炉热效率", "提高焊接一次合格率") < ProjectNameSimilarity.threshold)
    }

    @Test func namesWhoseNumbersDifferAreNeverAlike() {
        #expect(ProjectNameSimilarity.score("降低3号机组煤耗", "降低4号机组煤耗") == 0)
        #expect(ProjectNameSimilarity.score("提高焊接一次合格率（课题12）", "提高焊接一次合格率（课题13）") == 0)
        #expect(ProjectNameSimilarity.score("降低2019年3号机组煤耗", "降低3号机组煤耗") == 1, "a year is not a number")
    }

    @Test func droppingOneWordOfElevenCharactersIsAtTheThreshold() {
        let score = ProjectNameSimilarity.score("提高A产品一次交验合格率", "提高A产品交验合格率")
        #expect(abs(score - 0.8) < 1e-9)
    }
}

struct OriginalityIndexTests {
    static func reference(_ name: String, year: Int = 2018, code: String = "91120116MA0N7Y375G") -> ProjectReference {
        ProjectReference(
            year: year, projectName: name, applicant: "天津某公司", creditCode: code, recommender: "开发区市场监管局",
            origin: RecordOrigin(file: "declarations.csv", row: 2))
    }

    /// Seeded fuzzing: the prefix-filtered index finds exactly the pairs that comparing every pair finds.
    @Test func theIndexFindsWhatComparingEveryPairFinds() {
        var generator = SeededGenerator(seed: 25)
        let verbs = ["提高", "降低", "缩短", "减少", "关于提高", "提升"]
        let objects = ["焊接", "一次", "合格率", "装配", "返工率", "换型", "时间", "单位", "能耗", "检测", "周期", "包装", "破损", "的", "设备"]
        func name() -> String {
            verbs[Int(generator.next() % UInt64(verbs.count))]
                + (0..<Int(2 + generator.next() % 4)).map { _ in objects[Int(generator.next() % UInt64(objects.count))]
                }
                .joined()
        }
        let history = (0..<400).map { _ in Self.reference(name()) }
        let index = OriginalityIndex(history)
        for _ in 0..<200 {
            let probe = name()
            let expected = history.indices.filter {
                ProjectNameSimilarity.score(probe, history[$0].projectName) >= ProjectNameSimilarity.threshold - 1e-9
            }
            #expect(Set(index.matches(for: probe).map(\.index)) == Set(expected), "\(probe)")
        }
    }

    @Test func findingsNameTheEarlierYearAndSkipTheDuplicateChecksPairs() {
        let declarations = [
            Declaration(
                applicant: "天津某公司", creditCode: "91120116MA0N7Y375G", industry: "制造业", district: "保税区",
                projectName: "提高XX产品合格率", projectLead: "王伟", phone: "13800000000", email: "a@b.cn",
                recommender: "BSQ", origin: RecordOrigin(file: "declarations.csv", row: 2)),
            Declaration(
                applicant: "天津某公司", creditCode: "91120116MA0N7Y375G", industry: "制造业", district: "保税区",
                projectName: "提高XX产品合格率", projectLead: "王伟", phone: "13800000000", email: "a@b.cn",
                recommender: "BSQ", origin: RecordOrigin(file: "declarations.csv", row: 3)),
            Declaration(
                applicant: "天津另一公司", creditCode: "91120116MA0PC8HU0F", industry: "制造业", district: "保税区",
                projectName: "降低锅炉排烟温度", projectLead: "王伟", phone: "13800000000", email: "a@b.cn",
                recommender: "BSQ", origin: RecordOrigin(file: "declarations.csv", row: 4)),
        ]
        let history = OriginalityIndex([Self.reference("关于提高XX产品的合格率项目"), Self.reference("提高锅炉热效率")])
        let findings = OriginalityCheck.findings(declarations: declarations, year: 2019, history: history)
        #expect(findings.map(\.declaration) == [0, 1], "same key twice is the duplicate check's; 锅炉 not alike")
        #expect(findings.allSatisfy { $0.isEarlierYear && $0.sameApplicant && $0.match.year == 2018 })
        let diagnostics = OriginalityCheck.diagnostics(findings, declarations: declarations)
        #expect(diagnostics.first?.chinese.contains("2018年") == true)
        #expect(diagnostics.first?.location.row == 2)
        #expect(diagnostics.first?.severity == .warning)
    }
}

struct PlanNumberingTests {
    @Test func numbersAreMadeAndReadBackByTheRule() {
        let rule = PlanNumbering(pattern: "BHZLGG-{year}-{n:3}")
        #expect(rule.number(7, year: 2019) == "BHZLGG-2019-007")
        #expect(rule.number(1234, year: 2019) == "BHZLGG-2019-1234")
        #expect(rule.sequence(of: "BHZLGG-2019-044", year: 2019) == 44)
        #expect(rule.sequence(of: "BHZLGG-2018-044", year: 2019) == nil)
        #expect(rule.sequence(of: "自定-1", year: 2019) == nil)
        #expect(!PlanNumbering(pattern: "BH-{year}").isValid)
        #expect(!PlanNumbering(pattern: "{n}-{n}").isValid)
    }
}

struct PlanSelectionTests {
    static func data(plan: [PlanEntry]) -> CampaignData {
        let deadline = CalendarDate(year: 2019, month: 4, day: 22) ?? CalendarDate(year: 2019, month: 1, day: 1)
        guard let deadline else { preconditionFailure("2019-04-22 is a date") }
        var campaign = Campaign(
            title: "2019年滨海新区质量攻关活动", year: 2019, area: "滨海新区",
            organizer: Organization(name: "办公室", shortName: "办公室", host: ""), coOrganizer: "",
            documentNumberPrefix: "津滨质量组办", contact: Contact(email: "a@b.cn", phone: "1"),
            declarationDeadline: deadline, signatory: "办公室",
            recommenders: ["A", "B"].map {
                Recommender(id: $0, name: "推荐单位\($0)", kind: "企业", head: "", preparer: "", phone: "", date: nil)
            })
        campaign.decisions.planNumbering = PlanNumbering(pattern: "P-{year}-{n:3}")
        // B's projects come first in the data; numbering follows campaign.yaml's order of recommenders.
        let declarations = [("B", "乙一"), ("A", "甲一"), ("A", "甲二"), ("B", "乙二")].enumerated().map {
            Declaration(
                applicant: "公司", creditCode: "91120116MA0N7Y375G", industry: "", district: "", projectName: $1.1,
                projectLead: "", phone: "", email: "", recommender: $1.0,
                origin: RecordOrigin(file: "declarations.csv", row: $0 + 2))
        }
        return CampaignData(campaign: campaign, declarations: declarations, plan: plan)
    }

    static func mark(_ name: String, _ mark: SelectionMark?, reason: String = "") -> SelectionDecision {
        SelectionDecision(
            creditCode: "91120116MA0N7Y375G", projectName: name, mark: mark, reason: reason,
            origin: RecordOrigin(file: "筛选表.xlsx", row: 5))
    }

    @Test func newlySelectedProjectsAreNumberedInRecommenderOrder() {
        let result = PlanSelection.apply(
            [Self.mark("乙一", .selected), Self.mark("甲二", .selected), Self.mark("甲一", .notSelected, reason: "雷同")],
            to: Self.data(plan: []), record: [])
        #expect(result.plan.map(\.planNumber) == ["P-2019-001", "P-2019-002"])
        #expect(result.plan.map(\.projectName) == ["甲二", "乙一"])
        #expect(result.record.first { $0.projectName == "甲一" }?.reason == "雷同")
    }

    @Test func selectingOneMoreLaterKeepsEveryEarlierNumberAndNeverReusesOne() {
        let first = PlanSelection.apply(
            [Self.mark("甲一", .selected), Self.mark("甲二", .selected), Self.mark("乙一", .selected)],
            to: Self.data(plan: []), record: [])
        // 甲二 leaves the plan, 乙二 enters: 甲二's number stays in the record and is not given to 乙二.
        let second = PlanSelection.apply(
            [Self.mark("甲二", .notSelected, reason: "撤回"), Self.mark("乙二", .selected)],
            to: Self.data(plan: first.plan), record: first.record)
        let numbers = Dictionary(uniqueKeysWithValues: second.plan.map { ($0.projectName, $0.planNumber) })
        #expect(numbers == ["甲一": "P-2019-001", "乙一": "P-2019-003", "乙二": "P-2019-004"])
        #expect(second.removed.map(\.projectName) == ["甲二"])
        #expect(second.record.first { $0.projectName == "甲二" }?.planNumber == "P-2019-002")
        // Blank marks keep the state a project had.
        let third = PlanSelection.apply(
            [Self.mark("甲一", nil)], to: Self.data(plan: second.plan), record: second.record)
        #expect(third.plan == second.plan)
        #expect(third.unmarked == 1)
    }

    @Test func aMarkOnAProjectThatWasNotDeclaredIsFound() {
        let unknown = PlanSelection.unknownProjects([Self.mark("丙", .selected)], in: Self.data(plan: []))
        #expect(unknown.map(\.projectName) == ["丙"])
    }
}

struct JudgingRankingTests {
    static let rules = ScoringRules(
        title: "评分表", criteria: [.init(name: "选题", points: 40), .init(name: "效果", points: 60)],
        aggregate: .trimmedMean, tieBreak: ["效果"])

    static func plan(_ count: Int) -> [PlanEntry] {
        (1...count).map {
            PlanEntry(
                planNumber: "P-\($0)", creditCode: "91120116MA0N7Y375G", projectName: "项目\($0)",
                origin: RecordOrigin(file: "plan.csv", row: $0 + 1))
        }
    }

    @Test func fiveJudgesDropTheHighestAndLowestTotalAndQuotasAreFloors() {
        let plan = Self.plan(10)
        // Project n gets 50 + n from four judges; judge 5 gives project 1 a total of 100 (dropped as highest).
        let judges = (0..<5).map { judge in
            JudgeScores(
                judge: "评委\(judge)", file: "",
                scores: Dictionary(
                    uniqueKeysWithValues: plan.enumerated().map { index, entry in
                        let total = judge == 4 && index == 0 ? 100 : 50 + index + 1
                        return (entry.planNumber, [2000, (total - 20) * 100])
                    }))
        }
        let ranked = JudgingRanking.rank(
            plan: plan, declarations: [:], judges: judges, rules: Self.rules,
            quotas: [AwardQuota(level: "一等奖", percent: 10), AwardQuota(level: "二等奖", percent: 25)])
        #expect(ranked.map(\.planNumber) == (1...10).reversed().map { "P-\($0)" })
        #expect(ranked.last?.aggregateCount == 3)
        #expect(ranked.last?.aggregateSum == 3 * 5100)
        #expect(ranked.map(\.level) == ["一等奖", "二等奖", "二等奖"] + Array(repeating: nil, count: 7))
    }

    @Test func equalResultsAreRankedByTheTieBreakCriterionThenPlanOrder() {
        let plan = Self.plan(3)
        let judges = [
            JudgeScores(
                judge: "甲", file: "", scores: ["P-1": [3000, 5000], "P-2": [2000, 6000], "P-3": [3000, 5000]])
        ]
        let ranked = JudgingRanking.rank(
            plan: plan, declarations: [:], judges: judges, rules: Self.rules, quotas: [])
        #expect(ranked.map(\.planNumber) == ["P-2", "P-1", "P-3"])
        #expect(ranked.map(\.rank) == [1, 2, 3])
    }
}
