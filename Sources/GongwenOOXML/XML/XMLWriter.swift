/// The one place OOXML text is escaped. It writes UTF-8 bytes into a buffer and hands them to `flush` in
/// chunks, so a worksheet of a million rows never sits in memory.
///
/// - XML escaping: `&`, `<`, `>` in text; also `"` and line breaks in attribute values.
/// - XML 1.0 §2.2 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF: they are removed (Excel
///   and Word refuse a part holding them).
/// - SpreadsheetML (ECMA-376 Part 1 §22.9.2.19, ST_Xstring): Excel decodes `_xHHHH_` in strings as a
///   character, so a literal `_x0041_` is written `_x005F_x0041_` (escaping its underscore) to survive.
public struct XMLWriter {
    public internal(set) var buffer: [UInt8] = []
    let flushThreshold: Int
    /// A failure met by `yieldIfFull`, thrown by the next `flushAll`.
    var pendingFailure: (any Error)?
    let flush: (([UInt8]) throws -> Void)?

    /// A writer that keeps everything (for small parts).
    public init() {
        flushThreshold = .max
        flush = nil
        buffer.reserveCapacity(4096)
    }

    /// A writer that passes its bytes on whenever `threshold` bytes have gathered.
    public init(flushEvery threshold: Int = 1 << 16, to flush: @escaping ([UInt8]) throws -> Void) {
        flushThreshold = threshold
        self.flush = flush
        buffer.reserveCapacity(threshold + 4096)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a line break, as Office writes it.
    public mutating func declaration() {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
    }

    /// Markup written as is: element and attribute names, never data.
    public mutating func raw(_ markup: String) {
        buffer.append(contentsOf: markup.utf8)
    }

    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        buffer.append(0x3C)
        raw(name)
        writeAttributes(attributes)
        buffer.append(0x3E)
    }

    public mutating func close(_ name: String) {
        buffer.append(0x3C)
        buffer.append(0x2F)
        raw(name)
        buffer.append(0x3E)
    }

    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        buffer.append(0x3C)
        raw(name)
        writeAttributes(attributes)
        buffer.append(0x2F)
        buffer.append(0x3E)
    }

    /// `<name attributes>text</name>`.
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String, spreadsheet: Bool = false
    ) {
        open(name, attributes)
        self.text(text, spreadsheet: spreadsheet)
        close(name)
    }

    mutating func writeAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            buffer.append(0x20)
            raw(key)
            buffer.append(0x3D)
            buffer.append(0x22)
            escape(value, attribute: true, spreadsheet: false)
            buffer.append(0x22)
        }
    }

    /// Escaped character data.
    public mutating func text(_ text: String, spreadsheet: Bool = false) {
        escape(text, attribute: false, spreadsheet: spreadsheet)
    }

    /// Whether `text` needs `xml:space="preserve"` to keep its edges: XML readers may drop leading and trailing
    /// whitespace of `<t>` and `<w:t>` otherwise.
    public static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        return isSpace(first) || isSpace(last)
    }

    mutating func escape(_ text: String, attribute: Bool, spreadsheet: Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Fast path: most cells hold nothing to escape, and are copied in one go.
            if !bytes.contains(where: { Self.needsCare($0, spreadsheet: spreadsheet) }) {
                buffer.append(contentsOf: bytes)
                return
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x26: buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22 where attribute: buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                case 0x0A where attribute: buffer.append(contentsOf: [0x26, 0x23, 0x31, 0x30, 0x3B])  // &#10;
                case 0x0D where attribute: buffer.append(contentsOf: [0x26, 0x23, 0x31, 0x33, 0x3B])  // &#13;
                case 0x09 where attribute: buffer.append(contentsOf: [0x26, 0x23, 0x39, 0x3B])  // &#9;
                case 0x09, 0x0A, 0x0D: buffer.append(byte)
                case 0x00...0x1F, 0x7F: break  // forbidden by XML 1.0 (0x7F is allowed but invisible noise)
                case 0xEF
                where index + 2 < count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    index += 2  // U+FFFE, U+FFFF
                case 0x5F where spreadsheet && Self.startsEscape(bytes, at: index):
                    buffer.append(contentsOf: Array("_x005F_".utf8))  // the underscore itself, escaped
                default: buffer.append(byte)
                }
                index += 1
            }
        }
    }

    /// Whether `byte` may need more than copying: markup, controls, the lead of U+FFFE/U+FFFF, and in
    /// SpreadsheetML the underscore of an `_xHHHH_` sequence.
    @inline(__always)
    static func needsCare(_ byte: UInt8, spreadsheet: Bool) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x7F || byte == 0xEF
            || (spreadsheet && byte == 0x5F)
    }

    /// Bytes written as they are (markup prepared by the caller).
    public mutating func raw(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// `_xHHHH_` starting at `index`.
    static func startsEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F else { return false }
        return (2...5).allSatisfy { offset in
            let byte = bytes[index + offset]
            return (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }

    /// Passes the gathered bytes on when over the threshold (streaming writers call this between rows).
    public mutating func flushIfNeeded() throws {
        if buffer.count >= flushThreshold { try flushAll() }
    }

    /// Hands the buffer on when it is full, from code that cannot throw (a table's row loop): a failure is
    /// kept, later writes are dropped, and `flushAll` throws it at the end.
    public mutating func yieldIfFull() {
        guard buffer.count >= flushThreshold, pendingFailure == nil else { return }
        do {
            try flushAll()
        } catch {
            pendingFailure = error
            buffer.removeAll()
        }
    }

    public mutating func flushAll() throws {
        if let pendingFailure { throw pendingFailure }
        guard let flush, !buffer.isEmpty else { return }
        try flush(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The text written (for small parts and tests).
    public var string: String { String(decoding: buffer, as: UTF8.self) }
}
