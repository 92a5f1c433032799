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

    /// Leading and trailing whitespace (including the ideographic space and no-break space) removed.
    public static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
            let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
