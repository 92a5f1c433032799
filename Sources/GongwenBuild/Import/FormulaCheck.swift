import GongwenModel

/// Returned forms come from outside: a name that starts like a spreadsheet formula (`=`, `+`, `-`, `@`, also
/// after a tab or carriage return, which the reader trims) is a payload, not a name (OWASP "CSV Injection").
/// The campaign's data files are written back as they are read, so such a value would reach every CSV and
/// workbook the office opens; the import rejects its row instead, naming row and field.
enum FormulaCheck {
    /// The text fields a name goes in, and the e-mail (a local part may legally start with `=`); codes and
    /// phones have checks of their own, which a formula fails.
    static let fields: [DeclarationField] = [.applicant, .projectName, .projectLead, .industry, .district, .email]

    static func findings(_ declaration: Declaration) -> [Diagnostic] {
        fields.compactMap { field in
            let value = declaration[field]
            guard let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { return nil }
            let shown = String(value.prefix(20))
            return Diagnostic(
                .error, "import.formula", at: declaration.origin.location(of: field),
                chinese: "\(field.title)“\(shown)”以 = + - @ 开头，是电子表格公式而不是名称，该行未导入",
                english: "\(field.english) \"\(shown)\" starts like a spreadsheet formula (= + - @); row not imported")
        }
    }
}
