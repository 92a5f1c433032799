/// A 发文字号 such as `津滨质量组办〔2019〕5号`.
///
/// GB/T 9704-2012 §7.2.5: the issuer's code, the full four-digit year in 六角括号 〔〕 (U+3014/U+3015, not
/// 【】 or []), the serial number in Arabic numerals without 第 and without zero padding, then 号.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    public let prefix: String
    public let year: Int
    public let serial: Int

    public init(prefix: String, year: Int, serial: Int) {
        self.prefix = prefix
        self.year = year
        self.serial = serial
    }

    public var description: String { "\(prefix)\u{3014}\(year)\u{3015}\(serial)号" }
}
