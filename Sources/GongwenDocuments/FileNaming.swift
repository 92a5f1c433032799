/// Output file names built from data (recommender names, recipients).
///
/// Names must survive Windows, macOS and Linux, zip archives and e-mail: the characters `/ \ : * ? " < > |`
/// and control characters are replaced, leading dots and trailing dots or spaces are removed (Windows drops
/// them), and the name is cut to a length every file system accepts.
public enum FileNaming {
    /// The longest name kept, in characters; 255 bytes is the usual limit and a CJK character is 3 in UTF-8.
    public static let maximumLength = 60

    public static func safe(_ text: String) -> String {
        var result = ""
        for character in text {
            if "/\\:*?\"<>|".contains(character)
                || character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            {
                result.append("_")
            } else {
                result.append(character)
            }
        }
        result = String(result.drop { $0 == "." || $0 == " " })
        while let last = result.last, last == "." || last == " " { result.removeLast() }
        if result.count > maximumLength { result = String(result.prefix(maximumLength)) }
        return result.isEmpty ? "_" : result
    }
}
