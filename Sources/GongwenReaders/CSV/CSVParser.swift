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
    ///
    /// Works on UTF-8 bytes: the syntax (comma, quote, CR, LF) is ASCII, which never occurs inside another
    /// character's bytes, and a field without quotes is one slice of the text (a quarter of a 100,000-row read
    /// went into building fields scalar by scalar).
    public func records(in text: String) throws(Failure) -> [Record] {
        let bytes = text.utf8
        var records: [Record] = []
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        var recordStart = index
        let comma: UInt8 = 0x2C
        let quote: UInt8 = 0x22
        let carriageReturn: UInt8 = 0x0D
        let lineFeed: UInt8 = 0x0A

        func isEnd(_ byte: UInt8) -> Bool { byte == comma || byte == carriageReturn || byte == lineFeed }

        while true {
            // One field, starting at `index`.
            var field: String
            if index < bytes.endIndex, bytes[index] == quote {
                let quoteLine = line
                var collected: [UInt8] = []
                index = bytes.index(after: index)
                var closed = false
                while index < bytes.endIndex {
                    let byte = bytes[index]
                    index = bytes.index(after: index)
                    if byte == quote {
                        if index < bytes.endIndex, bytes[index] == quote {
                            collected.append(quote)
                            index = bytes.index(after: index)
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if byte == lineFeed
                            || (byte == carriageReturn && (index == bytes.endIndex || bytes[index] != lineFeed))
                        {
                            line += 1
                        }
                        collected.append(byte)
                    }
                }
                guard closed else { throw Failure(line: quoteLine) }
                // Text after the closing quote belongs to the field, quotes included (as Excel reads it).
                while index < bytes.endIndex, !isEnd(bytes[index]) {
                    collected.append(bytes[index])
                    index = bytes.index(after: index)
                }
                field = String(decoding: collected, as: UTF8.self)
            } else {
                let start = index
                while index < bytes.endIndex, !isEnd(bytes[index]) { index = bytes.index(after: index) }
                field = String(text[start..<index])
            }
            fields.append(field)
            guard index < bytes.endIndex else { break }
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == comma { continue }
            // A line end: CRLF, LF or a lone CR ends the record.
            if byte == carriageReturn, index < bytes.endIndex, bytes[index] == lineFeed {
                index = bytes.index(after: index)
            }
            records.append(Record(fields: fields, line: recordLine, range: recordStart..<index))
            fields = []
            recordStart = index
            line += 1
            recordLine = line
            if index == bytes.endIndex { return records }
        }
        // The text ends inside a record (no final line end): keep it unless it is nothing at all.
        if fields != [""] || recordStart < bytes.endIndex && text[recordStart...].utf8.first == quote {
            records.append(Record(fields: fields, line: recordLine, range: recordStart..<bytes.endIndex))
        }
        return records
    }
}
