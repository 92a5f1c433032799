import Foundation
import GongwenModel

/// The data rows of one CSV table, keyed by field, with the Excel row number of each.
public struct TableRows: Sendable {
    public struct Row: Sendable {
        /// The row as Excel numbers it (the header row of a typical file is 1).
        public var number: Int
        public var values: [String: String]
    }

    public var file: String
    public var rows: [Row]
    /// 1-based column of each field key.
    public var columns: [String: Int]

    func origin(of row: Row) -> RecordOrigin {
        RecordOrigin(file: file, row: row.number, columns: columns)
    }
}

/// Reads a CSV table whose columns are found by title (codec stage: bytes → text → records → keyed rows).
struct CSVTableReader {
    var matcher: HeaderMatcher
    /// What the table is, for messages: 申报表 / 计划表 / 获奖名单.
    var tableName: (chinese: String, english: String)

    static func isBlank(_ record: CSVParser.Record) -> Bool {
        record.fields.allSatisfy { TextNormalization.trimmed($0).isEmpty }
    }

    /// The header is the first row that names at least half of the required columns: forms often carry a
    /// title, a 附件 label or a 推荐单位 line above it.
    func headerIndex(in records: [CSVParser.Record]) -> Int? {
        let requiredCount = matcher.columns.filter(\.required).count
        return records.prefix(20).firstIndex { record in
            let (indexes, _, _) = matcher.match(record.fields)
            return indexes.count * 2 >= requiredCount && !indexes.isEmpty
        } ?? records.firstIndex { !Self.isBlank($0) }
    }

    func read(_ data: Data, file: String) -> (TableRows?, [Diagnostic]) {
        let place = SourceLocation(file: file)
        guard let (text, _) = TextDecoding.decode(data) else {
            let (chinese, english) = TextDecoding.refusal(data)
            // A stray byte in an otherwise UTF-8 file is placed at its line, so it can be found and fixed.
            let line = TextDecoding.suspectedEncoding(of: data) == nil ? TextDecoding.firstInvalidUTF8(data)?.line : nil
            let at = line.map { SourceLocation(file: file, row: $0) } ?? place
            return (nil, [Diagnostic(.error, "file.encoding", at: at, chinese: chinese, english: english)])
        }
        let records: [CSVParser.Record]
        do {
            records = try CSVParser().records(in: text)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "csv.unterminated-quote", at: SourceLocation(file: file, row: error.line),
                        chinese: "第\(error.line)行开始的引号没有闭合，文件其余部分无法读取",
                        english: "the quoted field starting on line \(error.line) is never closed")
                ]
            )
        }
        let isBlank = Self.isBlank
        guard let headerIndex = headerIndex(in: records) else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "table.empty", at: place, chinese: "\(tableName.chinese)为空，没有表头",
                        english: "the \(tableName.english) is empty")
                ]
            )
        }
        var diagnostics = DiagnosticLimit()
        let (indexes, missing, unknown) = matcher.match(records[headerIndex].fields)
        let headerRow = headerIndex + 1
        for column in missing {
            diagnostics.append(
                Diagnostic(
                    .error, "table.missing-column",
                    at: SourceLocation(file: file, row: headerRow, field: column.titles[0]),
                    chinese: "\(tableName.chinese)缺少“\(column.titles[0])”列",
                    english: "the \(tableName.english) has no \"\(column.titles[0])\" column"))
        }
        for (index, title) in unknown {
            diagnostics.append(
                Diagnostic(
                    .warning, "table.unknown-column",
                    at: SourceLocation(file: file, row: headerRow, column: index + 1, field: title),
                    chinese: "无法识别的列“\(title)”，该列内容不会被读取",
                    english: "column \"\(title)\" is not one gongwen knows; its values are not read"))
        }
        guard missing.isEmpty else { return (nil, diagnostics.diagnostics) }

        var rows: [TableRows.Row] = []
        for (offset, record) in records.enumerated().dropFirst(headerIndex + 1) where !isBlank(record) {
            var values: [String: String] = [:]
            for (key, index) in indexes {
                values[key] = index < record.fields.count ? TextNormalization.trimmed(record.fields[index]) : ""
            }
            let named = Set(indexes.values)
            for (index, value) in record.fields.enumerated()
            where !named.contains(index) && !TextNormalization.trimmed(value).isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, "table.value-outside-columns",
                        at: SourceLocation(file: file, row: offset + 1, column: index + 1),
                        chinese: "单元格“\(value)”不属于任何已知列，未读取",
                        english: "cell \"\(value)\" lies outside the known columns and is not read"))
            }
            rows.append(TableRows.Row(number: offset + 1, values: values))
        }
        let columns = indexes.mapValues { $0 + 1 }
        return (TableRows(file: file, rows: rows, columns: columns), diagnostics.diagnostics)
    }
}
