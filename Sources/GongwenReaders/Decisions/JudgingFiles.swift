import Foundation
import GongwenModel

/// The judging's files in the campaign folder, under `judging/`: the scores as the judges gave them
/// (scores.csv, one row per judge and project), and what gongwen made of them — the ranking (ranking.csv), the
/// recommenders' results (recommenders.csv) and the proposed award list (awards-proposed.csv, in awards.csv's
/// columns, which `gongwen judging adopt` makes the award list). They are data: every write is a recorded
/// change.
public enum JudgingFiles {
    public static let folder = "judging"
    public static let scores = "judging/scores.csv"
    public static let ranking = "judging/ranking.csv"
    public static let recommenders = "judging/recommenders.csv"
    public static let proposedAwards = "judging/awards-proposed.csv"

    /// `8.5`, `8`, `8.25`: hundredths as a person writes the score.
    public static func points(_ value: Hundredths) -> String {
        let sign = value < 0 ? "-" : ""
        let whole = abs(value) / 100
        let fraction = abs(value) % 100
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }

    static func file(_ header: [String], _ rows: [[String]]) -> Data {
        var text = "\u{FEFF}" + DataFileCSV.line(header, lineEnd: "\r\n")
        for row in rows { text += DataFileCSV.line(row, lineEnd: "\r\n") }
        return Data(text.utf8)
    }

    /// scores.csv: 评委, 计划编号, 项目名称, then one column per criterion.
    public static func encodeScores(_ judges: [JudgeScores], rules: ScoringRules, plan: [PlanEntry]) -> Data {
        var rows: [[String]] = []
        for judge in judges {
            for entry in plan {
                guard let values = judge.scores[entry.planNumber] else { continue }
                rows.append([judge.judge, entry.planNumber, entry.projectName] + values.map(points))
            }
        }
        return file(["评委", "计划编号", "项目名称"] + rules.criteria.map(\.name), rows)
    }

    /// The scores kept by earlier imports, by judge (criteria matched by name; a file made under other rules
    /// is not read, and an error says so).
    public static func decodeScores(_ data: Data, file: String, rules: ScoringRules) -> ([JudgeScores], [Diagnostic]) {
        let matcher = HeaderMatcher(
            columns: [
                .init(key: "judge", titles: ["评委"], required: true),
                .init(key: "planNumber", titles: ["计划编号"], required: true),
            ]
                + rules.criteria.enumerated().map {
                    .init(key: "c\($0.offset)", titles: [$0.element.name], required: true)
                })
        let reader = CSVTableReader(matcher: matcher, tableName: ("评分记录", "score record"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard let table, !diagnostics.hasErrors else { return ([], diagnostics) }
        var order: [String] = []
        var byJudge: [String: [String: [Hundredths]]] = [:]
        var problems = diagnostics
        for row in table.rows {
            let judge = row.values["judge"] ?? ""
            let values = rules.criteria.indices.compactMap {
                ScoringWorkbookReader.score(row.values["c\($0)"] ?? "")
            }
            guard values.count == rules.criteria.count else {
                problems.append(
                    Diagnostic(
                        .error, "scores.invalid", at: table.origin(of: row).location(of: "judge", titled: "评委"),
                        chinese: "评分记录此行的分数不完整", english: "this row of the score record is incomplete"))
                continue
            }
            if byJudge[judge] == nil { order.append(judge) }
            byJudge[judge, default: [:]][row.values["planNumber"] ?? ""] = values
        }
        return (order.map { JudgeScores(judge: $0, file: file, scores: byJudge[$0] ?? [:]) }, problems)
    }

    public static func encodeRanking(_ ranked: [RankedProject], judges: [String]) -> Data {
        file(
            ["排名", "计划编号", "项目名称", "申报单位名称", "推荐单位"] + judges.map { "\($0)合计" } + ["计入评委数", "结果（平均分）", "建议等级"],
            ranked.map { project in
                [String(project.rank), project.planNumber, project.projectName, project.applicant, project.recommender]
                    + project.judgeTotals.map(points)
                    + [String(project.aggregateCount), aggregate(project), project.level ?? ""]
            })
    }

    /// The aggregate to two decimals (rounded half up; the ranking compares the exact fractions).
    public static func aggregate(_ project: RankedProject) -> String {
        let count = max(1, project.aggregateCount)
        let rounded = (project.aggregateSum * 2 + count) / (2 * count)
        return points(rounded)
    }

    public static func encodeRecommenders(_ results: [RecommenderResult]) -> Data {
        file(
            ["推荐单位", "获奖项目数", "得分", "建议优秀推荐单位"],
            results.map {
                [$0.recommender.name, String($0.awarded), String($0.points), $0.proposed ? "是" : ""]
            })
    }

    /// The proposed awards in awards.csv's columns.
    public static func encodeAwards(_ awards: [Award]) -> Data {
        file(
            ["类别", "等级", "统一社会信用代码", "项目名称", "小组名称", "所在单位", "推荐单位"],
            awards.map {
                [$0.category.title, $0.level, $0.creditCode, $0.projectName, $0.groupName, $0.unit, $0.recommender]
            })
    }
}

/// A CSV file of gongwen's own (a decision's record) read back as its header and rows, for the build to show it.
public enum RecordTableFile {
    public static func read(_ data: Data) -> (header: [String], rows: [[String]])? {
        guard let (text, _) = TextDecoding.decode(data), let records = try? CSVParser().records(in: text),
            let header = records.first?.fields
        else { return nil }
        let rows = records.dropFirst().map(\.fields).filter { fields in
            fields.contains { !TextNormalization.trimmed($0).isEmpty }
        }
        return (header, rows)
    }
}
