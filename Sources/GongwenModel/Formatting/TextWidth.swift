/// How wide a line of a table cell prints, so that a value that must stay on one line (a credit code, a phone
/// number with its 转 extension, an e-mail address) can be set at a size that fits its cell instead of being
/// broken mid-value ("zhiliang@binrui.c / om.cn" is copied wrong and read wrong).
///
/// Latin text is measured with the advance widths of Times New Roman, the Latin face every gongwen table names;
/// its stand-ins (Liberation Serif, TeX Gyre Termes, Nimbus Roman) are metric-compatible, so Word, WPS,
/// LibreOffice and a browser break the same way. The widths are Adobe's Times-Roman AFM (thousandths of an em).
/// Chinese characters and full-width forms are one em, as every CJK face sets them. The table is fixed here, not
/// read from a font file, so the same data gives the same bytes on every machine.
public enum TextWidth {
    /// Advance widths of U+0020…U+007E in Times-Roman, thousandths of an em.
    static let latin: [UInt16] = [
        250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,  // space … /
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,  // 0 … ?
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,  // @ … O
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,  // P … _
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,  // ` … o
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,  // p … ~
    ]

    /// The width of `text` in ems: ASCII from the Times table, anything else as a full em (CJK, full-width
    /// forms), which errs on the side of a smaller size rather than an overflowing cell; plus a quarter em
    /// where a Chinese character meets a Latin letter or digit, the space Word (`w:autoSpaceDE`/`DN`, on by
    /// default) and LibreOffice put there (`022-66201234转8012` is two such gaps wider than its characters).
    public static func ems(_ text: some StringProtocol) -> Double {
        var thousandths = 0
        var previous = Kind.other
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value >= 0x20 else { continue }
            let isASCII = value <= 0x7E
            let kind: Kind =
                isASCII
                ? (Self.isLatinLetterOrDigit(value) ? .latin : .other)
                : value >= 0x2E80 && scalar.properties.isAlphabetic ? .ideograph : .other
            if (previous == .ideograph && kind == .latin) || (previous == .latin && kind == .ideograph) {
                thousandths += 250
            }
            thousandths += isASCII ? Int(latin[value - 0x20]) : 1000
            previous = kind
        }
        return Double(thousandths) / 1000
    }

    enum Kind { case ideograph, latin, other }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        let value = Int(scalar.value)
        if value >= 0x2E80 && scalar.properties.isAlphabetic { return .ideograph }
        if value <= 0x7E && isLatinLetterOrDigit(value) { return .latin }
        return .other
    }

    /// A–Z, a–z, 0–9: the ASCII characters that are Alphabetic in Unicode, and the digits (a table lookup of
    /// the Unicode property per character was a tenth of a large build).
    @inline(__always)
    static func isLatinLetterOrDigit(_ value: Int) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    /// The quarter em Word and LibreOffice put between `before` and `after` when one is a Chinese character
    /// and the other a Latin letter or digit (0 otherwise).
    public static func gap(between before: Character?, and after: Character?) -> Double {
        guard let before = before?.unicodeScalars.last, let after = after?.unicodeScalars.first else { return 0 }
        let pair = (kind(before), kind(after))
        return pair == (.ideograph, .latin) || pair == (.latin, .ideograph) ? 0.25 : 0
    }

    /// The separators people put between two phone numbers in one cell.
    static let separators: Set<Character> = [" ", "、", "，", "；", "/", ",", ";"]

    /// The lines a one-line value is set on: one for a credit code or an e-mail address; for two phone numbers
    /// in one cell (`18571614716/022-25201234`), one line each, the separator kept at the end of the first
    /// (a space too, so the lines read back together are the value), so that no renderer breaks a number after
    /// its hyphen.
    public static func lines(_ text: String) -> [String] {
        // Nearly every value is ASCII without a separator or a line end: one line, found without walking its
        // characters.
        if !text.isEmpty,
            text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x20 && $0 != 0x2F && $0 != 0x2C && $0 != 0x3B })
        {
            return [text]
        }
        var lines: [String] = []
        var current = ""
        for character in text {
            if character.isNewline || separators.contains(character) {
                if !character.isNewline { current.append(character) }
                if current.contains(where: { !separators.contains($0) }) {
                    lines.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [text] : lines
    }

    /// The largest size, in half points from `preferred` down to `minimum`, at which the widest of `text`'s
    /// ``lines(_:)`` fits `width` points. Below `minimum` a line wraps; that is for the value's cell to allow.
    public static func fittingSize(_ text: String, width: Double, preferred: Double, minimum: Double = 7) -> Double {
        let widest = lines(text).map { ems($0) }.max() ?? 0
        guard widest > 0 else { return preferred }
        let fit = (width / widest * 2 + 1e-9).rounded(.down) / 2  // 1e-9: an exact fit is a fit
        return max(minimum, min(preferred, fit))
    }
}
