/// Character folding shared by the checks and the importer.
public enum TextNormalization {
    /// Full-width ASCII forms (U+FF01…U+FF5E) to their half-width forms, and the ideographic space to a space.
    /// Chinese input methods type ０-９, Ａ-Ｚ and －, which look right and compare wrong.
    public static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Unicode's White_Space property (PropList.txt: 0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028, 2029,
    /// 202F, 205F, 3000), without the property table lookup `properties.isWhitespace` makes for each scalar —
    /// a tenth of checking 100,000 declarations went to that lookup, for Chinese text that is never space. A
    /// test compares the two over every scalar.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `text` with full-width forms made half-width, whitespace removed and, if asked, ASCII letters upper-cased:
    /// the form two spellings of one credit code or project name share. One pass, and no copy at all for the
    /// usual text that needs none (this runs for every declaration, plan entry and award).
    public static func folded(_ text: String, uppercased: Bool) -> String {
        func needsChange(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 {
                return value == 0x20 || (0x09...0x0D).contains(value) || (uppercased && (0x61...0x7A).contains(value))
            }
            return (0xFF01...0xFF5E).contains(value) || isWhitespace(scalar)
        }
        guard text.unicodeScalars.contains(where: needsChange) else { return text }
        let slow = halfWidth(text).filter { !$0.isWhitespace }
        return uppercased ? slow.uppercased() : slow
    }

    /// Leading and trailing whitespace (including the ideographic space and no-break space) removed.
    public static func trimmed(_ text: String) -> String {
        // The usual field starts and ends with a character that is not a space: nothing to copy.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20,
            last < 0x80
        {
            return text
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            !isWhitespace(first), !isWhitespace(last), !isCombining(last)
        {
            return text
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
            let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }

    /// A scalar that joins the character before it, which a trim must look at as part of that character.
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D || scalar.value == 0xFE0F
    }
}
