/// Diagnostics bounded per file and code, so a table of a million garbage rows lists the first 200 of each kind
/// of problem and then says how many more there are, in flat memory, instead of printing 8 million lines.
///
/// Every finding is still counted: the summary line (`diagnostics.more`) carries the number it stands for, and
/// `Array<Diagnostic>.findingCount` adds them up, so "the data has N errors" stays true.
public struct DiagnosticLimit: Sendable {
    /// How many findings of one code in one file are listed.
    public static let perFileAndCode = 200

    private struct Key: Hashable, Sendable {
        var file: String
        var code: String
    }

    private var listed: [Diagnostic] = []
    private var counts: [Key: Int] = [:]
    private var order: [Key] = []
    private var severities: [Key: Diagnostic.Severity] = [:]

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        let key = Key(file: diagnostic.location.file, code: diagnostic.code)
        let count = counts[key, default: 0] + diagnostic.represents
        counts[key] = count
        if count <= Self.perFileAndCode {
            listed.append(diagnostic)
            return
        }
        if severities[key] == nil { order.append(key) }
        severities[key] = max(severities[key] ?? diagnostic.severity, diagnostic.severity)
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public static func += (limit: inout DiagnosticLimit, diagnostics: some Sequence<Diagnostic>) {
        limit.append(contentsOf: diagnostics)
    }

    /// The listed findings, then one summary for each file and code that went over the limit.
    public var diagnostics: [Diagnostic] {
        listed
            + order.compactMap { key in
                guard let severity = severities[key], let count = counts[key] else { return nil }
                let more = count - Self.perFileAndCode
                let number = Self.grouped(more)
                var summary = Diagnostic(
                    severity, "diagnostics.more", at: SourceLocation(file: key.file),
                    chinese: "另有 \(number) 处同类问题 [\(key.code)] 未列出", english: "and \(number) more [\(key.code)]")
                summary.represents = more
                return summary
            }
    }

    /// 999800 → "999,800".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// The number of findings, counting each "and N more" line as the N it stands for.
    public var findingCount: Int { reduce(0) { $0 + $1.represents } }

    /// The same findings bounded per file and code.
    public var limited: [Diagnostic] {
        var limit = DiagnosticLimit()
        limit += self
        return limit.diagnostics
    }
}
