import Foundation
import GongwenModel

/// Reads a returned selection workbook (`gongwen plan draft`, marked by the office): one decision per row,
/// matched to its declaration by 统一社会信用代码 and 项目名称. Columns are found by their titles, so a clerk who
/// moved or hid one does no harm; every other column is information only and not read.
public enum SelectionWorkbookReader {
    static let matcher = HeaderMatcher(columns: [
        .init(key: "creditCode", titles: ["统一社会信用代码", "信用代码"], required: true),
        .init(key: "projectName", titles: ["项目名称"], required: true),
        .init(key: "mark", titles: ["是否列入", "列入计划", "筛选结果"], required: true),
        .init(key: "reason", titles: ["理由", "不列入理由", "说明"], required: false),
    ])

    /// The decisions, with an error for every row that cannot be one (a mark that is not 列入/不列入, a project
    /// decided twice with different marks). `file` names the workbook in diagnostics.
    public static func read(_ data: Data, file: String) -> ([SelectionDecision], [Diagnostic]) {
        let rows: [SheetRow]
        do {
            rows = try XLSXReader.firstSheet(data)
        } catch {
            return (
                [],
                [
                    Diagnostic(
                        .error, "selection.unreadable", at: SourceLocation(file: file), chinese: error.chinese,
                        english: error.english)
                ]
            )
        }
        guard
            let headerIndex = rows.prefix(20).firstIndex(where: { matcher.match($0.texts).missing.isEmpty })
        else {
            return (
                [],
                [
                    Diagnostic(
                        .error, "selection.no-header", at: SourceLocation(file: file),
                        chinese: "找不到表头（须有 统一社会信用代码、项目名称、是否列入 三列）",
                        english: "no header row with 统一社会信用代码, 项目名称 and 是否列入 was found")
                ]
            )
        }
        let (indexes, _, _) = matcher.match(rows[headerIndex].texts)
        let columns = indexes.mapValues { $0 + 1 }
        var decisions: [SelectionDecision] = []
        var diagnostics: [Diagnostic] = []
        var seen: [ProjectKey: SelectionDecision] = [:]
        for row in rows[(headerIndex + 1)...] {
            func value(_ key: String) -> String {
                columns[key].flatMap { row.cells[$0]?.text }.map(TextNormalization.trimmed) ?? ""
            }
            let origin = RecordOrigin(file: file, row: row.number, columns: columns)
            let (code, name, markText) = (value("creditCode"), value("projectName"), value("mark"))
            if code.isEmpty, name.isEmpty {
                if !markText.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error, "selection.no-project", at: origin.location(of: "mark", titled: "是否列入"),
                            chinese: "此行标记了“\(markText)”，但没有统一社会信用代码和项目名称",
                            english: "this row is marked \"\(markText)\" but names no project"))
                }
                continue
            }
            var mark: SelectionMark?
            if !markText.isEmpty {
                mark = SelectionMark(typed: markText)
                if mark == nil {
                    diagnostics.append(
                        Diagnostic(
                            .error, "selection.mark", at: origin.location(of: "mark", titled: "是否列入"),
                            chinese: "“\(markText)”不是“列入”或“不列入”（项目“\(name)”）",
                            english: "\"\(markText)\" is not 列入 or 不列入 (project \"\(name)\")"))
                    continue
                }
            }
            let decision = SelectionDecision(
                creditCode: code, projectName: name, mark: mark, reason: value("reason"), origin: origin)
            if let earlier = seen[decision.projectKey] {
                if earlier.mark != decision.mark {
                    diagnostics.append(
                        Diagnostic(
                            .error, "selection.conflict", at: origin.location(of: "mark", titled: "是否列入"),
                            chinese:
                                "项目“\(name)”在第 \(earlier.origin.row) 行已标记为“\(earlier.mark?.rawValue ?? "")”，此处又标记为“\(markText)”",
                            english:
                                "project \"\(name)\" is marked \"\(earlier.mark?.rawValue ?? "")\" in row \(earlier.origin.row) and \"\(markText)\" here"
                        ))
                }
                continue
            }
            seen[decision.projectKey] = decision
            decisions.append(decision)
        }
        return (decisions, diagnostics)
    }
}

/// The selection record, `selection.csv` in the campaign folder: every declared project with its 计划编号 (if
/// it ever had one), its result and the reason. gongwen writes it whole; it is data, kept in the history.
public enum SelectionRecordFile {
    public static let name = "selection.csv"
    static let header = ["计划编号", "推荐单位", "申报单位名称", "统一社会信用代码", "项目名称", "结果", "理由"]
    static let matcher = HeaderMatcher(columns: [
        .init(key: "planNumber", titles: ["计划编号"], required: true),
        .init(key: "recommender", titles: ["推荐单位"], required: false),
        .init(key: "applicant", titles: ["申报单位名称"], required: false),
        .init(key: "creditCode", titles: ["统一社会信用代码"], required: true),
        .init(key: "projectName", titles: ["项目名称"], required: true),
        .init(key: "result", titles: ["结果"], required: true),
        .init(key: "reason", titles: ["理由"], required: false),
    ])

    public static func read(_ data: Data, file: String) -> ([SelectionRecordEntry], [Diagnostic]) {
        let reader = CSVTableReader(matcher: matcher, tableName: ("筛选记录", "selection record"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard let table else { return ([], diagnostics) }
        return (
            table.rows.map { row in
                func value(_ key: String) -> String { row.values[key] ?? "" }
                return SelectionRecordEntry(
                    planNumber: value("planNumber"), creditCode: value("creditCode"),
                    projectName: value("projectName"), applicant: value("applicant"),
                    recommender: value("recommender"), result: value("result"), reason: value("reason"))
            }, diagnostics
        )
    }

    /// UTF-8 with a byte-order mark and CRLF line ends, as the campaign's other tables.
    public static func encode(_ entries: [SelectionRecordEntry]) -> Data {
        var text = "\u{FEFF}" + DataFileCSV.line(header, lineEnd: "\r\n")
        for entry in entries {
            text += DataFileCSV.line(
                [
                    entry.planNumber, entry.recommender, entry.applicant, entry.creditCode, entry.projectName,
                    entry.result, entry.reason,
                ], lineEnd: "\r\n")
        }
        return Data(text.utf8)
    }
}
