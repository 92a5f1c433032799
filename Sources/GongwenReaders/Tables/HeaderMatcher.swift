import GongwenModel

/// Finds the columns of a table by their titles, as people actually type them.
///
/// Titles are compared after removing spaces and line breaks (the printed form breaks 统一社会信用代码 over
/// two lines) and any parenthesised annotation such as `(与公章一致)` or `（公章）`, in ASCII or full-width
/// brackets. Each field may have several accepted titles (申报单位名称 / 申报单位).
struct HeaderMatcher {
    struct Column {
        var key: String
        var titles: [String]
        var required: Bool
    }

    var columns: [Column]

    /// The folded form of a title.
    static func fold(_ title: String) -> String {
        var result = ""
        var depth = 0
        for character in TextNormalization.halfWidth(title) {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default:
                if depth == 0, !character.isWhitespace { result.append(character) }
            }
        }
        return result
    }

    /// Maps field keys to 0-based column indexes for `header`; returns also the keys of required columns that
    /// are missing and the titles that match nothing.
    func match(_ header: [String]) -> (indexes: [String: Int], missing: [Column], unknown: [(Int, String)]) {
        var indexes: [String: Int] = [:]
        var unknown: [(Int, String)] = []
        for (index, title) in header.enumerated() {
            let folded = Self.fold(title)
            guard !folded.isEmpty else { continue }
            if let column = columns.first(where: { $0.titles.map(Self.fold).contains(folded) }),
                indexes[column.key] == nil
            {
                indexes[column.key] = index
            } else {
                unknown.append((index, title))
            }
        }
        let missing = columns.filter { $0.required && indexes[$0.key] == nil }
        return (indexes, missing, unknown)
    }
}
