import Foundation
import GongwenModel

/// Turns a text file's bytes into a string, detecting the encodings Chinese offices produce.
///
/// Order: a UTF-8 byte-order mark (what we and modern Excel write) is removed; UTF-16 marks are honoured;
/// bytes that are valid UTF-8 are UTF-8; anything else is read as GB18030, the superset of GBK/GB2312 that
/// older Excel on zh-CN Windows saves as "CSV (逗号分隔)". GB18030 maps every byte sequence, so this never
/// fails silently on a Chinese file; a file that is neither is reported by the caller as undecodable.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 (BOM)"
        case utf16 = "UTF-16"
        case gb18030 = "GB18030"
    }

    /// Foundation's code for GB18030 on every platform (kCFStringEncodingGB_18030_2000 with the NS bit).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, .utf8WithBOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 is two bytes a unit: an odd count is not UTF-16 (and corelibs Foundation traps on it).
            guard data.count % 2 == 0 else { return nil }
            return String(data: data, encoding: .utf16).map { ($0, .utf16) }
        }
        if let text = String(data: data, encoding: .utf8) {
            return (text, .utf8)
        }
        return String(data: data, encoding: gb18030).map { ($0, .gb18030) }
    }
}
