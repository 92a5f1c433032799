import Foundation
import GongwenModel

/// The campaign's declarations table, edited the way a careful person would edit it by hand: the rows of the
/// recommenders being replaced are taken out, their new rows are added at the end, and every other byte stays
/// as it was — the header, the other recommenders' rows (quotes, spaces, a value like `-40℃…` included), blank
/// lines, line ends and the file's encoding.
///
/// The campaign's data files are data, not exports: no formula guard and no Excel workarounds are applied to
/// them (those belong to the CSV files gongwen writes for people to open).
public struct DeclarationsFileEdit: Sendable {
    public enum Failure: Error, Sendable {
        /// The file cannot be read as a table; the diagnostics say why. An edit never starts on such a file.
        case unreadable([Diagnostic])
        /// The new text cannot be written in the file's encoding.
        case unencodable(TextDecoding.Encoding)
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

    /// Reads `data` (nil: the file does not exist yet, and a new one is started).
    public init(existing data: Data?, file: String) throws(Failure) {
        guard let data else {
            let header = Self.newFileFields.map(\.title)
            text = DataFileCSV.line(header, lineEnd: "\r\n")
            encoding = .utf8WithBOM
            records = [
                CSVParser.Record(fields: header, line: 1, range: text.startIndex..<text.endIndex)
            ]
            headerIndex = 0
            columns = Dictionary(uniqueKeysWithValues: Self.newFileFields.enumerated().map { ($1.rawValue, $0) })
            columnCount = header.count
            lineEnd = "\r\n"
            return
        }
        let reader = CSVTableReader(
            matcher: CampaignTables.declarationMatcher, tableName: ("申报表", "declaration table"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard table != nil, !diagnostics.hasErrors, let (text, encoding) = TextDecoding.decode(data),
            let records = try? CSVParser().records(in: text), let headerIndex = reader.headerIndex(in: records)
        else { throw .unreadable(diagnostics) }
        let (indexes, _, _) = CampaignTables.declarationMatcher.match(records[headerIndex].fields)
        self.text = text
        self.encoding = encoding
        self.records = records
        self.headerIndex = headerIndex
        self.columns = indexes
        self.columnCount = records[headerIndex].fields.count
        let header = text[records[headerIndex].range]
        self.lineEnd = header.hasSuffix("\r\n") ? "\r\n" : header.hasSuffix("\n") ? "\n" : "\r\n"
    }

    /// The edited file: rows whose 推荐单位 `isReplaced` says go are dropped, `added` are appended.
    ///
    /// - Returns: the bytes, and how many data rows were kept (for the caller to compare with what it read).
    public func replacing(rowsWhere isReplaced: (String) -> Bool, with added: [Declaration]) throws(Failure)
        -> (data: Data, keptRows: Int)
    {
        var result = String(text[text.startIndex..<records[headerIndex].range.upperBound])
        var kept = 0
        let recommenderColumn = columns[DeclarationField.recommender.rawValue]
        for record in records.dropFirst(headerIndex + 1) {
            if !CSVTableReader.isBlank(record) {
                let value = recommenderColumn.flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? ""
                if isReplaced(TextNormalization.trimmed(value)) { continue }
                kept += 1
            }
            result += text[record.range]
        }
        if let last = result.unicodeScalars.last, last != "\n", last != "\r" { result += lineEnd }
        for declaration in added {
            var fields = [String](repeating: "", count: columnCount)
            for field in DeclarationField.allCases {
                if let column = columns[field.rawValue], column < fields.count { fields[column] = declaration[field] }
            }
            result += DataFileCSV.line(fields, lineEnd: lineEnd)
        }
        guard let data = TextDecoding.encode(result, as: encoding) else { throw .unencodable(encoding) }
        return (data, kept)
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
