/// A calendar day without time or time zone: campaign deadlines and 成文日期 are days, and a `Date` would make
/// the output depend on the machine's zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the day exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the forms people type: `2019-04-22`, `2019/4/22`, `2019.4.22`, `2019年4月22日`, and `20190422`.
    public init?(parsing text: String) {
        let text = TextNormalization.trimmed(TextNormalization.halfWidth(text))
        if text.count == 8, text.allSatisfy(\.isASCIIDigit), let number = Int(text) {
            self.init(year: number / 10000, month: number / 100 % 100, day: number % 100)
            return
        }
        var fields: [String] = []
        var current = ""
        for character in text {
            if character.isASCIIDigit {
                current.append(character)
            } else if "-/.年月日".contains(character), !current.isEmpty {
                fields.append(current)
                current = ""
            } else {
                return nil
            }
        }
        if !current.isEmpty { fields.append(current) }
        // Years are never abbreviated (GB/T 9704 §7.3.5.4: not “19年”), so a two-digit year is refused.
        let numbers = fields.compactMap { Int($0) }
        guard numbers.count == 3, fields[0].count == 4, fields[1].count <= 2, fields[2].count <= 2,
            text.last.map({ $0.isASCIIDigit || $0 == "日" }) == true
        else { return nil }
        let parts = numbers
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// GB/T 9704-2012 §7.3.5.4: Arabic numerals, full year, no zero padding, e.g. `2019年4月8日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// `2019年4月`, for certificates and headings that name a month.
    public var chineseMonth: String { "\(year)年\(month)月" }

    /// GB/T 15835 extended form for tables: `2019-04-08`, zero-padded.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
