import Foundation
import GongwenReaders
import Testing

/// The byte-level CSV parser against the scalar-level one it replaced, on seeded random text: same records,
/// same lines, same ranges, same failures.
struct CSVParserDifferentialTests {
    /// The parser as it was before it worked on bytes (kept as the reference).
    struct ReferenceParser {
        func records(in text: String) throws(CSVParser.Failure) -> [(
            fields: [String], line: Int, range: Range<String.Index>
        )] {
            var records: [(fields: [String], line: Int, range: Range<String.Index>)] = []
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
                records.append((fields: fields, line: recordLine, range: recordStart..<end))
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
            if inQuotes { throw CSVParser.Failure(line: quoteLine) }
            if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord(at: scalars.endIndex) }
            return records
        }
    }

    @Test func randomTextParsesAsTheReferenceDoes() throws {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", ",", "\"", "\r\n", "\n", "\r", "天津", " ", "\"\"", "é\u{301}", "x,y"]
        for _ in 0..<5_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let reference = Result { try ReferenceParser().records(in: text) }
            let ours = Result { try CSVParser().records(in: text) }
            switch (reference, ours) {
            case (.success(let expected), .success(let found)):
                #expect(found.map(\.fields) == expected.map(\.fields), "\(text.debugDescription)")
                #expect(found.map(\.line) == expected.map(\.line), "\(text.debugDescription)")
                #expect(found.map(\.range) == expected.map(\.range), "\(text.debugDescription)")
            case (.failure(let expected), .failure(let found)):
                #expect((expected as? CSVParser.Failure) == (found as? CSVParser.Failure), "\(text.debugDescription)")
            default:
                Issue.record("\(text.debugDescription): reference \(reference), ours \(ours)")
            }
        }
    }
}
