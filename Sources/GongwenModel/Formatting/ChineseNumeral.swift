/// Chinese numerals and the four levels of 层次序数.
public enum ChineseNumeral {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The reading form of a whole number from 0 to 99,999,999: 十, 十一, 二十, 一百零五, 一千零一十.
    /// Inside this form a gap is written 零 (一百零一); 〇 (U+3007) belongs to the digit-by-digit form
    /// (二〇一九年), which 公文 dates no longer use. A leading 一十 is read 十 (10–19).
    public static func text(_ number: Int) -> String {
        precondition((0..<100_000_000).contains(number), "ChineseNumeral covers 0…99,999,999")
        if number == 0 { return "零" }
        if number >= 10_000 {
            let high = number / 10_000
            let low = number % 10_000
            var result = text(high) + "万"
            if low > 0 { result += (low < 1000 ? "零" : "") + belowTenThousand(low, leadingTen: false) }
            return result
        }
        return belowTenThousand(number, leadingTen: true)
    }

    private static func belowTenThousand(_ number: Int, leadingTen: Bool) -> String {
        let units: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var result = ""
        var pendingZero = false
        for (unit, name) in units {
            let digit = number / unit % 10
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result += "零" }
            pendingZero = false
            if !(leadingTen && result.isEmpty && unit == 10 && digit == 1) {
                result.append(digits[digit])
            }
            result += name
        }
        return result
    }

    /// The levels of 层次序数 (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.
    public enum Level: Sendable {
        /// `一、` set in 黑体.
        case first
        /// `（一）` set in 楷体, full-width parentheses and no punctuation after them.
        case second
        /// `1.` set in 仿宋.
        case third
        /// `（1）` set in 仿宋.
        case fourth
    }

    /// The ordinal for `number` (from 1) at `level`.
    public static func ordinal(_ number: Int, level: Level) -> String {
        switch level {
        case .first: text(number) + "、"
        case .second: "（" + text(number) + "）"
        case .third: "\(number)."
        case .fourth: "（\(number)）"
        }
    }
}
