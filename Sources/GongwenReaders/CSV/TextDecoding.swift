import Foundation
import GongwenModel

/// Turns a text file's bytes into a string, detecting the encodings Chinese offices produce, and back.
///
/// Order: byte-order marks (UTF-8, UTF-32, UTF-16) are honoured; UTF-16 and UTF-32 without a mark are known by
/// their zero bytes (a CSV is mostly digits, commas and line ends); bytes that are valid UTF-8 are UTF-8;
/// anything else is read as GB18030, the superset of GBK/GB2312 that older Excel on zh-CN Windows saves as
/// "CSV (逗号分隔)". GB18030 maps almost every byte sequence, so Big5 (Traditional Chinese) and Shift-JIS
/// (Japanese) files would decode into nonsense: when too many double-byte pairs fall outside GB2312's rows of
/// 汉字 and punctuation, the file is refused and the encoding it most likely has is named.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 (BOM)"
        case utf16 = "UTF-16"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
        case utf32 = "UTF-32"
        case gb18030 = "GB18030"

        var foundation: String.Encoding {
            switch self {
            case .utf8, .utf8WithBOM: .utf8
            case .utf16: .utf16
            case .utf16LittleEndian: .utf16LittleEndian
            case .utf16BigEndian: .utf16BigEndian
            case .utf32: .utf32
            case .gb18030: TextDecoding.gb18030
            }
        }
    }

    /// Foundation's code for GB18030 on every platform (kCFStringEncodingGB_18030_2000 with the NS bit).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, .utf8WithBOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            guard data.count % 4 == 0 else { return nil }
            return String(data: data, encoding: .utf32).map { ($0, .utf32) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 is two bytes a unit: an odd count is not UTF-16 (and corelibs Foundation traps on it).
            guard data.count % 2 == 0 else { return nil }
            return String(data: data, encoding: .utf16).map { ($0, .utf16) }
        }
        if let wide = unmarkedWideEncoding(data) {
            return String(data: data, encoding: wide.foundation).map { ($0, wide) }
        }
        if let text = String(data: data, encoding: .utf8) {
            return (text, .utf8)
        }
        guard looksLikeGB2312Text(data) else { return nil }
        return String(data: data, encoding: gb18030).map { ($0, .gb18030) }
    }

    /// The bytes of `text` in `encoding`, as `decode` would read them back (a UTF-8 mark kept, UTF-16 with one).
    public static func encode(_ text: String, as encoding: Encoding) -> Data? {
        switch encoding {
        case .utf8WithBOM: Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.utf8))
        case .utf8: Data(text.utf8)
        case .utf32 where text.isEmpty: Data([0xFF, 0xFE, 0, 0])
        default: text.data(using: encoding.foundation)
        }
    }

    /// A name for an encoding gongwen does not read, for the message that refuses the file.
    public static func suspectedEncoding(of data: Data) -> String? {
        let hasShiftJISLead = data.prefix(4096).contains { (0x81...0x9F).contains($0) }
        if hasShiftJISLead, String(data: data, encoding: .shiftJIS) != nil { return "Shift-JIS（日文 Japanese）" }
        if String(data: data, encoding: big5) != nil { return "Big5（繁体中文 Traditional Chinese）" }
        if String(data: data, encoding: .shiftJIS) != nil { return "Shift-JIS（日文 Japanese）" }
        return nil
    }

    /// Why `data` cannot be read as text, naming the encoding it seems to have: for the refusal's message.
    public static func refusal(_ data: Data) -> (chinese: String, english: String) {
        let advice = "请在 Excel 或 WPS 中另存为“CSV UTF-8”或 GB18030 编码"
        if let name = suspectedEncoding(of: data) {
            return (
                "文件编码似乎是 \(name)，gongwen 只读 UTF-8、UTF-16 和 GB18030；\(advice)",
                "the file seems to be \(name); gongwen reads UTF-8, UTF-16 and GB18030: save it as \"CSV UTF-8\""
            )
        }
        if data.prefix(4096).contains(0) {
            return (
                "文件编码无法识别（含零字节，可能是没有字节顺序标记的 UTF-32 或二进制文件）；\(advice)",
                "unknown encoding (zero bytes: UTF-32 without a byte-order mark, or not text); save it as \"CSV UTF-8\""
            )
        }
        if let bad = firstInvalidUTF8(data) {
            let byte = String(bad.byte, radix: 16, uppercase: true)
            return (
                "第\(bad.line)行第\(bad.column)个字符处有不是 UTF-8 的字节 0x\(byte)，也不像 GB18030 编码；\(advice)",
                "line \(bad.line), character \(bad.column): byte 0x\(byte) is not UTF-8, and the file is not GB18030 text"
            )
        }
        return ("无法识别文件编码（应为UTF-8或GB18030）；\(advice)", "the file is neither UTF-8 nor GB18030 text")
    }

    /// Where `data` stops being UTF-8: the line (from 1), the character within it (from 1) and the byte,
    /// or nil when it is valid UTF-8 (RFC 3629: no overlong forms, surrogates or values past U+10FFFF).
    public static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int, byte: UInt8)? {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let lead = data[index]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return (line, column, lead)
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < data.endIndex else { return (line, column, lead) }
                let byte = data[position]
                let range = offset == 1 ? lower...upper : 0x80...0xBF
                guard range.contains(byte) else { return (line, column, byte) }
            }
            if lead == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// UTF-16 or UTF-32 without a byte-order mark: a CSV's ASCII (digits, commas, line ends) leaves zero bytes
    /// in one position of every unit, which no 8-bit encoding has.
    static func unmarkedWideEncoding(_ data: Data) -> Encoding? {
        let sample = [UInt8](data.prefix(4096))
        guard sample.count >= 4, sample.contains(0) else { return nil }
        func zeroShare(_ position: Int, of width: Int) -> Double {
            let indexes = stride(from: position, to: sample.count - sample.count % width, by: width)
            let count = indexes.count { sample[$0] == 0 }
            return Double(count) / Double(max(1, sample.count / width))
        }
        // UTF-32 is not read without its mark (nothing saves it so); say so rather than guess.
        if data.count % 4 == 0, zeroShare(2, of: 4) > 0.9, zeroShare(3, of: 4) > 0.9 { return nil }
        guard data.count % 2 == 0 else { return nil }
        let even = zeroShare(0, of: 2)
        let odd = zeroShare(1, of: 2)
        if odd > 0.2, even < 0.05 { return .utf16LittleEndian }
        if even > 0.2, odd < 0.05 { return .utf16BigEndian }
        return nil
    }

    /// Whether non-UTF-8 bytes read as GB2312's 汉字 (lead bytes B0–F7) and punctuation (A1–A3), as a
    /// Simplified Chinese file's do. Big5 and Shift-JIS text falls largely on GB2312's kana, Greek, Cyrillic and
    /// empty rows (A4–AF) or outside it.
    static func looksLikeGB2312Text(_ data: Data) -> Bool {
        var common = 0
        var other = 0
        var index = data.startIndex
        while index < data.endIndex {
            let lead = data[index]
            guard lead >= 0x81, lead <= 0xFE, data.index(after: index) < data.endIndex else {
                index = data.index(after: index)
                continue
            }
            let trail = data[data.index(after: index)]
            if (0x30...0x39).contains(trail) {  // a four-byte GB18030 sequence
                other += 1
                index = data.index(index, offsetBy: 4, limitedBy: data.endIndex) ?? data.endIndex
                continue
            }
            let isHanzi = (0xB0...0xF7).contains(lead) && (0xA1...0xFE).contains(trail)
            let isPunctuation = (0xA1...0xA3).contains(lead) && (0xA1...0xFE).contains(trail)
            if isHanzi || isPunctuation { common += 1 } else { other += 1 }
            index = data.index(index, offsetBy: 2)
        }
        return common + other < 8 || Double(other) <= Double(common + other) * 0.2
    }
}
