import Foundation
import GongwenModel

/// Reads a judge's returned scoring workbook (`gongwen judging forms`): the judge named above the table, and per
/// 计划编号 a score for every criterion. Every score is checked — a number from 0 to the criterion's maximum,
/// at most two decimals, none blank — and every error names the judge, the project and the criterion.
public enum ScoringWorkbookReader {
    public struct Returned: Sendable {
        /// The judge the workbook names (`评委：…` above the table), if it names one.
        public var judge: String?
        public var scores: JudgeScores
    }

    /// - Parameters:
    ///   - plan: the planned projects (every one must be scored, none other may be).
    public static func read(
        _ data: Data, file: String, rules: ScoringRules, plan: [PlanEntry]
    ) -> (Returned?, [Diagnostic]) {
        let rows: [SheetRow]
        do {
            rows = try XLSXReader.firstSheet(data)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "scoring.unreadable", at: SourceLocation(file: file), chinese: error.chinese,
                        english: error.english)
                ]
            )
        }
        let matcher = HeaderMatcher(
            columns: [.init(key: "planNumber", titles: ["计划编号"], required: true)]
                + rules.criteria.enumerated().map {
                    .init(key: "c\($0.offset)", titles: [$0.element.name], required: true)
                }
                + [.init(key: "projectName", titles: ["项目名称"], required: false)])
        guard let headerIndex = rows.prefix(20).firstIndex(where: { matcher.match($0.texts).missing.isEmpty }) else {
            let names = rules.criteria.map(\.name).joined(separator: "、")
            return (
                nil,
                [
                    Diagnostic(
                        .error, "scoring.no-header", at: SourceLocation(file: file),
                        chinese: "找不到评分表的表头（须有 计划编号 和评分项 \(names)）",
                        english: "no header row with 计划编号 and the criteria \(names) was found")
                ]
            )
        }
        var judge: String?
        for row in rows[..<headerIndex] {
            for text in row.texts {
                let trimmed = TextNormalization.trimmed(text)
                if trimmed.hasPrefix(JudgeScores.label) || trimmed.hasPrefix("评委:") {
                    judge = TextNormalization.trimmed(String(trimmed.dropFirst(3)))
                }
            }
        }
        let who = judge ?? file
        let (indexes, _, _) = matcher.match(rows[headerIndex].texts)
        let columns = indexes.mapValues { $0 + 1 }
        let planned = Dictionary(plan.map { ($0.planNumber, $0) }, uniquingKeysWith: { a, _ in a })
        var scores: [String: [Hundredths]] = [:]
        var diagnostics: [Diagnostic] = []
        for row in rows[(headerIndex + 1)...] {
            let number = columns["planNumber"].flatMap { row.cells[$0]?.text }.map(TextNormalization.trimmed) ?? ""
            let origin = RecordOrigin(file: file, row: row.number, columns: columns)
            guard !number.isEmpty else {
                if rules.criteria.indices.contains(where: { columns["c\($0)"].flatMap { row.cells[$0] } != nil }) {
                    diagnostics.append(
                        Diagnostic(
                            .error, "scoring.no-project", at: origin.location(of: "planNumber", titled: "计划编号"),
                            chinese: "评委“\(who)”：此行有评分但没有计划编号", english: "judge \(who): this row has scores but no 计划编号"
                        ))
                }
                continue
            }
            guard let entry = planned[number] else {
                diagnostics.append(
                    Diagnostic(
                        .error, "scoring.unknown-project", at: origin.location(of: "planNumber", titled: "计划编号"),
                        chinese: "评委“\(who)”：计划编号“\(number)”不在计划表中",
                        english: "judge \(who): plan number \"\(number)\" is not in the plan"))
                continue
            }
            guard scores[number] == nil else {
                diagnostics.append(
                    Diagnostic(
                        .error, "scoring.duplicate", at: origin.location(of: "planNumber", titled: "计划编号"),
                        chinese: "评委“\(who)”：项目 \(number)“\(entry.projectName)”评了两次",
                        english: "judge \(who): project \(number) \"\(entry.projectName)\" is scored twice"))
                continue
            }
            var values: [Hundredths] = []
            for (index, criterion) in rules.criteria.enumerated() {
                let cell = columns["c\(index)"].flatMap { row.cells[$0] }
                let text = cell.map { TextNormalization.trimmed($0.text) } ?? ""
                let place = origin.location(of: "c\(index)", titled: criterion.name)
                let project = "项目 \(number)“\(entry.projectName)”"
                guard let value = score(text) else {
                    diagnostics.append(
                        Diagnostic(
                            .error, text.isEmpty ? "scoring.blank" : "scoring.not-number", at: place,
                            chinese: "评委“\(who)”，\(project)，评分项“\(criterion.name)”："
                                + (text.isEmpty ? "未评分" : "“\(text)”不是分数（至多两位小数）"),
                            english: "judge \(who), project \(number), criterion \(criterion.name): "
                                + (text.isEmpty ? "no score" : "\"\(text)\" is not a score (two decimals at most)")))
                    continue
                }
                guard value >= 0, value <= criterion.points * 100 else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "scoring.out-of-range", at: place,
                            chinese: "评委“\(who)”，\(project)，评分项“\(criterion.name)”：\(text) 分超出 0–\(criterion.points) 分",
                            english:
                                "judge \(who), project \(number), criterion \(criterion.name): \(text) is outside 0–\(criterion.points)"
                        ))
                    continue
                }
                values.append(value)
            }
            if values.count == rules.criteria.count { scores[number] = values } else { scores[number] = [] }
        }
        for entry in plan where scores[entry.planNumber] == nil {
            diagnostics.append(
                Diagnostic(
                    .error, "scoring.missing-project", at: SourceLocation(file: file, field: "计划编号"),
                    chinese: "评委“\(who)”：缺少项目 \(entry.planNumber)“\(entry.projectName)”的评分",
                    english: "judge \(who): project \(entry.planNumber) \"\(entry.projectName)\" is not scored"))
        }
        scores = scores.filter { !$0.value.isEmpty }
        return (Returned(judge: judge, scores: JudgeScores(judge: who, file: file, scores: scores)), diagnostics)
    }

    /// A score in hundredths: a number with at most two decimals (Excel's 8.5 may come back as 8.4999999999).
    public static func score(_ text: String) -> Hundredths? {
        let folded = TextNormalization.folded(text, uppercased: false)
        guard !folded.isEmpty, let value = Double(folded), value.isFinite else { return nil }
        let hundredths = (value * 100).rounded()
        guard abs(value * 100 - hundredths) < 1e-6, abs(hundredths) < 1e9 else { return nil }
        return Int(hundredths)
    }
}

/// A value guarded by a lock, for results handed back from concurrent work.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// The projects of earlier years' campaigns (campaign.yaml `history:`), for the originality check.
public enum HistoryReader {
    /// Reads each folder's campaign.yaml and declarations. A folder that cannot be read is a warning naming it:
    /// the check goes on with the years it has.
    public static func read(_ folders: [String], relativeTo campaign: URL) -> ([ProjectReference], [Diagnostic]) {
        // Each year read on its own thread (a year of 100,000 declarations takes about a second to read), and
        // kept only as the references the check needs.
        let years = Locked(
            [(projects: [ProjectReference], problem: Diagnostic?)](repeating: ([], nil), count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let url = URL(fileURLWithPath: folders[index], relativeTo: campaign).standardizedFileURL
            let read = CampaignReader().read(folder: url)
            guard let data = read.data else {
                let problem = Diagnostic(
                    .warning, "history.unreadable",
                    at: SourceLocation(file: CampaignReader.defaultFiles.campaign, field: "history[\(index + 1)]"),
                    chinese: "历年活动“\(folders[index])”无法读取，未与其比对：" + (read.diagnostics.errors.first?.chinese ?? ""),
                    english: "the earlier campaign \"\(folders[index])\" cannot be read and was not compared: "
                        + (read.diagnostics.errors.first?.english ?? ""))
                years.withLock { $0[index].problem = problem }
                return
            }
            let projects = data.declarations.map { ProjectReference($0, year: data.campaign.year) }
            years.withLock { $0[index].projects = projects }
        }
        let all = years.withLock { $0 }
        let projects = all.flatMap(\.projects)
        let diagnostics = all.compactMap(\.problem)
        return (projects, diagnostics)
    }
}
