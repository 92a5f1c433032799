/// File names made from data (a recommender's or a winner's name), safe on Windows, macOS and Linux.
///
/// - Characters Windows forbids (`/ \ : * ? " < > |`) and control characters become `_`.
/// - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are dropped: in a name they
///   only serve to disguise it (`合同\u{202E}fdp.exe` shows as 合同exe.pdf).
/// - Leading and trailing dots and spaces go (Windows drops them; a leading dot hides a file).
/// - The name is cut to 60 characters and to `maximumBytes` of UTF-8, at a character boundary, so that a prefix
///   and an extension still fit in the 255 bytes most file systems allow a name (ext4, APFS, NTFS in UTF-16).
///   One character can be many bytes: an emoji is 4, a letter with 300 combining marks is 601, so a character
///   that does not fit whole is cut to its base scalar.
public enum FileNaming {
    /// The longest name kept, in characters.
    public static let maximumLength = 60
    /// The longest name kept, in UTF-8 bytes: 255 less room for a number prefix and an extension.
    public static let maximumBytes = 200

    static let bidiControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    public static func safe(_ text: String) -> String {
        var result = ""
        for character in text {
            let scalars = character.unicodeScalars.filter { !bidiControls.contains($0.value) }
            guard let first = scalars.first else { continue }
            if "/\\:*?\"<>|".unicodeScalars.contains(first)
                || scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            {
                result.append("_")
            } else {
                result.unicodeScalars.append(contentsOf: scalars)
            }
        }
        result = String(result.drop { $0 == "." || $0 == " " })
        while let last = result.last, last == "." || last == " " { result.removeLast() }
        if result.count > maximumLength { result = String(result.prefix(maximumLength)) }
        result = cut(result, toBytes: maximumBytes)
        return result.isEmpty ? "_" : result
    }

    /// The longest prefix of `text` within `limit` UTF-8 bytes, cut between characters where possible and else
    /// after a character's base scalar (dropping the combining marks that do not fit).
    static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            if bytes + size <= limit {
                result.append(character)
                bytes += size
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarSize = String(scalar).utf8.count
                guard bytes + scalarSize <= limit else { break }
                result.unicodeScalars.append(scalar)
                bytes += scalarSize
            }
            break
        }
        return result
    }
}
