/// Where a diagnostic points: a file, and inside it a row, a column and a field, as far as they are known.
///
/// Rows and columns are the ones the user sees in Excel: row 1 is the header row of a table, column 1 is A.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: Int?
    /// The field's name as the user knows it: a column title (统一社会信用代码) or a YAML key path.
    public var field: String?
    /// Tables name columns by letter as Excel does; text files such as YAML by number.
    public var columnAsLetter: Bool

    public init(file: String, row: Int? = nil, column: Int? = nil, field: String? = nil, columnAsLetter: Bool = true) {
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.columnAsLetter = columnAsLetter
    }

    /// `declarations.csv:12:C (统一社会信用代码)`: file, row, Excel column letter, field.
    public var description: String {
        var text = file
        if let row { text += ":\(row)" }
        if let column { text += ":" + (columnAsLetter ? Self.columnLetters(column) : String(column)) }
        if let field { text += " (\(field))" }
        return text
    }

    /// Excel's column letters for a 1-based column number: 1 → A, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

/// One finding about the campaign's data, with its place and a message in Chinese and English.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public var chinese: String { self == .error ? "错误" : "警告" }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// A stable identifier, e.g. `credit-code.checksum`, for tests and for anyone filtering a report.
    public var code: String
    public var location: SourceLocation
    public var chinese: String
    public var english: String
    /// How many findings this one stands for: 1, or the count of an "and N more" summary (`DiagnosticLimit`).
    public var represents = 1

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, chinese: String, english: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.chinese = chinese
        self.english = english
    }

    /// `declarations.csv:12:C (统一社会信用代码): 错误 error [credit-code.checksum] 校验位不符… / check…`
    public var description: String {
        "\(location): \(severity.chinese) \(severity.rawValue) [\(code)] \(chinese) / \(english)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
