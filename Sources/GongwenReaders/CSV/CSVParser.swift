import GongwenModel

/// An RFC 4180 reader that remembers where each record starts.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift because diagnostics need the physical line of
/// every record and of an unterminated quote, which neither reports. Accepts CRLF, LF and lone CR line ends,
/// quoted fields holding commas, doubled quotes and line breaks. Lenient where Excel is: a quote inside an
/// unquoted field is kept as a character.
public struct CSVParser: Sendable {
    public struct Record: Equatable, Sendable {
        public var fields: [String]
        /// 1-based line on which the record starts.
        public var line: Int
        /// The record's text in the parsed string, its line end included: what an editor of the file keeps
        /// byte for byte when it rewrites other rows.
        public var range: Range<String.Index>
    }

    public struct Failure: Error, Equatable, Sendable {
        /// The line on which the unterminated quoted field begins.
        public var line: Int

        public init(line: Int) {
            self.line = line
        }
    }

    public init() {}

    /// Every record of `text`, blank lines included as records with one empty field.
    public func records(in text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var recordStart = index

        func endRecord(at end: String.Index) {
            fields.append(String(field))
            records.append(Record(fields: fields, line: recordLine, range: recordStart..<end))
            fields = []
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            recordStart = end
        }
        func peek(_ position: String.Index) -> Unicode.Scalar? {
            position < scalars.endIndex ? scalars[position] : nil
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if peek(index) == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && peek(index) != "\n") { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldWasQuoted = false
            case "\r", "\n":
                if scalar == "\r", peek(index) == "\n" { index = scalars.index(after: index) }
                endRecord(at: index)
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes { throw Failure(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord(at: scalars.endIndex) }
        return records
    }
}
