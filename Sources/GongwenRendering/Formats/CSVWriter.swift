import Foundation
import GongwenOOXML
import GongwenTemplates

/// Writes CSV for people who open it in Excel or WPS: the escaping belongs to this writer, never to a template.
///
/// - UTF-8 with a byte-order mark: Excel on zh-CN Windows reads a file without it as GBK and shows mojibake.
/// - RFC 4180: CRLF line ends; a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
/// - Formula injection (OWASP "CSV Injection"): a field starting with `=`, `+`, `-`, `@`, tab or CR would be run
///   as a formula by Excel; it gets a leading apostrophe, so it shows as the text it is.
/// - Long digit strings: Excel turns `111201160000876524` into 1.11201E+17 and `0226670795` into 226670795.
///   A field of 12 or more digits, or of digits with a leading zero, is written after a tab, which Excel keeps
///   as text; readers that trim (ours does) get the digits back.
public struct CSVWriter: Sendable {
    public static let byteOrderMark = "\u{FEFF}"

    public init() {}

    public func document(header: [String], rows: [[String]]) -> String {
        var text = Self.byteOrderMark
        text += line(header)
        for row in rows { text += line(row) }
        return text
    }

    /// The same document written into `sink` in pieces of about a megabyte, the rows made as they are written
    /// (the consolidated table's 100,000 rows are never one string).
    public func write<Rows: Sequence>(header: [String], rows: Rows, to sink: any ZipSink) throws
    where Rows.Element == [String] {
        var piece: [UInt8] = []
        piece.reserveCapacity(1 << 20 + 1 << 16)
        piece += Self.byteOrderMark.utf8
        piece += line(header).utf8
        for row in rows {
            piece += line(row).utf8
            if piece.count >= 1 << 20 {
                try piece.withUnsafeBytes { try sink.write($0) }
                piece.removeAll(keepingCapacity: true)
            }
        }
        try piece.withUnsafeBytes { try sink.write($0) }
    }

    public func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public func field(_ raw: String) -> String {
        var value = TemplateValues.clean(raw)
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        } else if Self.isFragileNumber(value) {
            value = "\t" + value
        }
        // Bytes, not characters: a comma that carries a combining mark is still a comma to Excel's parser.
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    static func isFragileNumber(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return value.utf8.count >= 12 || (value.utf8.count > 1 && value.hasPrefix("0"))
    }
}
