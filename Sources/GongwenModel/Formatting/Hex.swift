/// Bytes as lower-case hexadecimal, two digits a byte: the form manifest.json's and SHA256SUMS' digests, the
/// OFD's DocID and the web page's tokens take.
public enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
