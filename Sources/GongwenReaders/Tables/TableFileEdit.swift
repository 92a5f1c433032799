import Foundation
import GongwenModel

/// One of the campaign's CSV tables, edited the way a careful person would edit it by hand: a row changed in
/// its place, a row removed, new rows added at the end, and every other byte as it was — the header, the rows
/// not touched (quotes, spaces, a value like `-40℃…` included), columns gongwen does not know, blank lines,
/// line ends and the file's encoding.
///
/// The campaign's data files are data, not exports: no formula guard and no Excel workarounds are applied to
/// them (those belong to the CSV files gongwen writes for people to open).
public struct TableFileEdit: Sendable {
    public enum Failure: Error, Sendable {
        /// The file cannot be read as a table; the diagnostics say why. An edit never starts on such a file.
        case unreadable([Diagnostic])
        /// The new text cannot be written in the file's encoding.
        case unencodable(TextDecoding.Encoding)
    }

    /// What becomes of one data row, decided from its values by field key.
    public enum RowEdit: Sendable {
        case keep
        case remove
        /// Rewritten with these values (by field key; a column not named keeps its value).
        case replace([String: String])
    }

    /// Which of the campaign's tables, with the titles its columns may have.
    public enum Table: Sendable {
        case declarations, plan, awards

        var matcher: HeaderMatcher {
            switch self {
            case .declarations: CampaignTables.declarationMatcher
            case .plan: CampaignTables.planMatcher
            case .awards: CampaignTables.awardMatcher
            }
        }

        /// The columns (field key, title) of a file this table starts with, when there is none yet.
        var newFile: [(key: String, title: String)] {
            switch self {
            case .declarations: TableFileEdit.newFileFields.map { ($0.rawValue, $0.title) }
            case .plan:
                [
                    ("planNumber", "计划编号"), ("applicant", "申报单位名称"), ("creditCode", "统一社会信用代码"),
                    ("projectName", "项目名称"),
                ]
            case .awards:
                [
                    ("category", "类别"), ("level", "等级"), ("creditCode", "统一社会信用代码"), ("projectName", "项目名称"),
                    ("groupName", "小组名称"), ("unit", "所在单位"), ("recommender", "推荐单位"),
                ]
            }
        }

        var names: (String, String) {
            switch self {
            case .declarations: ("申报表", "declaration table")
            case .plan: ("计划表", "plan table")
            case .awards: ("获奖名单", "award list")
            }
        }
    }

    /// gongwen's own column order, for a campaign that has no declarations file yet.
    public static let newFileFields: [DeclarationField] = [
        .serial, .recommender, .applicant, .creditCode, .industry, .district, .projectName, .projectLead, .phone,
        .email, .received,
    ]

    let text: String
    let encoding: TextDecoding.Encoding
    let records: [CSVParser.Record]
    let headerIndex: Int
    /// 0-based column of each field key, from the header.
    let columns: [String: Int]
    let columnCount: Int
    let lineEnd: String

    /// The field keys the file has a column for (a value for any other key is not written).
    public var fieldKeys: Set<String> { Set(columns.keys) }

    /// Reads `data` (nil: the file does not exist yet, and a new declarations file is started).
    public init(existing data: Data?, file: String, table: Table = .declarations) throws(Failure) {
        guard let data else {
            let fields = table.newFile
            let header = fields.map(\.title)
            text = DataFileCSV.line(header, lineEnd: "\r\n")
            encoding = .utf8WithBOM
            records = [
                CSVParser.Record(fields: header, line: 1, range: text.startIndex..<text.endIndex)
            ]
            headerIndex = 0
            columns = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.key, $0) })
            columnCount = header.count
            lineEnd = "\r\n"
            return
        }
        let reader = CSVTableReader(matcher: table.matcher, tableName: table.names)
        let (rows, diagnostics) = reader.read(data, file: file)
        guard rows != nil, !diagnostics.hasErrors, let (text, encoding) = TextDecoding.decode(data),
            let records = try? CSVParser().records(in: text), let headerIndex = reader.headerIndex(in: records)
        else { throw .unreadable(diagnostics) }
        let (indexes, _, _) = table.matcher.match(records[headerIndex].fields)
        self.text = text
        self.encoding = encoding
        self.records = records
        self.headerIndex = headerIndex
        self.columns = indexes
        self.columnCount = records[headerIndex].fields.count
        let header = text[records[headerIndex].range]
        self.lineEnd = header.hasSuffix("\r\n") ? "\r\n" : header.hasSuffix("\n") ? "\n" : "\r\n"
    }

    /// The edited file: each data row as `decide` says (given its values by field key, trimmed), then
    /// `appended` rows (values by field key) at the end.
    ///
    /// - Returns: the bytes, and how many data rows were kept unchanged (for the caller to compare).
    public func rewriting(_ decide: ([String: String]) -> RowEdit, appending appended: [[String: String]] = [])
        throws(Failure) -> (data: Data, keptRows: Int)
    {
        var result = String(text[text.startIndex..<records[headerIndex].range.upperBound])
        var kept = 0
        for record in records.dropFirst(headerIndex + 1) {
            if !CSVTableReader.isBlank(record) {
                var values: [String: String] = [:]
                for (key, column) in columns where column < record.fields.count {
                    values[key] = TextNormalization.trimmed(record.fields[column])
                }
                switch decide(values) {
                case .keep:
                    kept += 1
                case .remove:
                    continue
                case .replace(let replacement):
                    var fields =
                        record.fields + [String](repeating: "", count: max(0, columnCount - record.fields.count))
                    for (key, value) in replacement {
                        if let column = columns[key], column < fields.count { fields[column] = value }
                    }
                    result += DataFileCSV.line(fields, lineEnd: lineEnd)
                    continue
                }
            }
            result += text[record.range]
        }
        if let last = result.unicodeScalars.last, last != "\n", last != "\r" { result += lineEnd }
        for values in appended {
            var fields = [String](repeating: "", count: columnCount)
            for (key, value) in values {
                if let column = columns[key], column < fields.count { fields[column] = value }
            }
            result += DataFileCSV.line(fields, lineEnd: lineEnd)
        }
        guard let data = TextDecoding.encode(result, as: encoding) else { throw .unencodable(encoding) }
        return (data, kept)
    }
}

extension Declaration {
    /// The declaration's values by field key, as a table edit writes them.
    public var fieldValues: [String: String] {
        Dictionary(uniqueKeysWithValues: DeclarationField.allCases.map { ($0.rawValue, self[$0]) })
    }
}

/// RFC 4180 lines for data files: quoted only where the syntax needs it, values otherwise untouched.
enum DataFileCSV {
    static func line(_ fields: [String], lineEnd: String) -> String {
        fields.map { value in
            let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",") + lineEnd
    }
}
