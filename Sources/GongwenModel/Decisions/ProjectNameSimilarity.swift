/// How alike two project names are, for the 方案's requirement "注重原创…不得与历年项目雷同" (§四): a renamed
/// project ("关于提高XX产品的合格率项目" for last year's "提高XX产品合格率") must be found, a project that only
/// shares the usual words of the trade ("降低曲轴加工尺寸超差率" and "降低数控主轴加工尺寸超差率") must not.
///
/// A name is first reduced to what distinguishes it (``normalized(_:)``); two names are then compared by the
/// Dice coefficient of their sets of character bigrams, 2·|A∩B| / (|A|+|B|) — the usual measure for short
/// Chinese strings, which have no spaces to split words at. Names whose numbers differ are never alike: 3号机组
/// and 4号机组 are different machines; only a year (2018年) is dropped first, since a renamed project often
/// changes just that.
public enum ProjectNameSimilarity {
    /// The Dice coefficient at and above which two names are reported as alike. On the sample campaign's 64
    /// names the highest score of two different names is 0.727 (曲轴 and 数控主轴 加工尺寸超差率); a project that
    /// drops one word of eleven characters ("提高A产品一次交验合格率" → "提高A产品交验合格率") scores 0.80.
    public static let threshold = 0.8

    /// Words that say nothing about which project it is: 关于 … 的 … 项目, and the campaign's own words.
    public static let stopWords = ["质量攻关", "关于", "项目", "课题", "的"]

    /// A name as compared: full-width forms made half-width, ASCII letters upper-cased, years (19xx/20xx, with
    /// 年) and the stop words removed, and only letters and digits kept (punctuation, brackets and spaces go).
    public static func normalized(_ name: String) -> String {
        String(String.UnicodeScalarView(normalizedScalars(name)))
    }

    static let stopWordScalars: [[Unicode.Scalar]] = stopWords.map { Array($0.unicodeScalars) }

    /// ``normalized(_:)`` as scalars, in one pass over the name and one over the result (this runs for every
    /// name of every year: String operations made it a third of the check at 600,000 names).
    static func normalizedScalars(_ name: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(name.unicodeScalars.count)
        for scalar in name.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full-width ASCII forms
            if (0x61...0x7A).contains(value) { value -= 0x20 }  // a-z
            guard let folded = Unicode.Scalar(value), isKept(folded) else { continue }
            scalars.append(folded)
        }
        scalars = removingYears(scalars)
        guard scalars.contains(where: { $0 == "关" || $0 == "项" || $0 == "课" || $0 == "质" || $0 == "的" }) else {
            return scalars
        }
        for word in stopWordScalars { scalars = removing(word, from: scalars) }
        return scalars
    }

    /// Letters and digits: ASCII and the CJK ideographs by range, any other script by its Unicode property.
    @inline(__always)
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A: true
        case 0..<0x80: false
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: scalar.properties.isAlphabetic
        }
    }

    static func removing(_ word: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.count >= word.count else { return scalars }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if index + word.count <= scalars.count, scalars[index..<(index + word.count)].elementsEqual(word) {
                index += word.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    /// Four-digit years 1900–2099 (followed by 年 or not) removed, when they are not part of a longer number.
    static func removingYears(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
        }
        guard scalars.contains(where: { ("0"..."9").contains($0) }) else { return scalars }
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if index + 4 <= scalars.count, !isDigit(index - 1), !isDigit(index + 4),
                (0..<4).allSatisfy({ isDigit(index + $0) }),
                (scalars[index] == "1" && scalars[index + 1] == "9")
                    || (scalars[index] == "2" && scalars[index + 1] == "0")
            {
                index += 4
                if index < scalars.count, scalars[index] == "年" { index += 1 }
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return result
    }

    /// The digits of a normalised name, in order: names are compared only when these agree.
    public static func digits(_ normalized: String) -> String {
        digits(Array(normalized.unicodeScalars))
    }

    static func digits(_ scalars: [Unicode.Scalar]) -> String {
        guard scalars.contains(where: { ("0"..."9").contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars.filter { ("0"..."9").contains($0) }))
    }

    /// The set of character bigrams of a normalised name (a one-character name is its own bigram), sorted.
    public static func bigrams(_ normalized: String) -> [String] {
        let characters = Array(normalized)
        guard characters.count > 1 else { return characters.isEmpty ? [] : [String(characters)] }
        return Set((0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }).sorted()
    }

    /// The Dice coefficient of two bigram sets.
    public static func dice(_ first: [String], _ second: [String]) -> Double {
        guard !first.isEmpty || !second.isEmpty else { return 1 }
        let shared = Set(first).intersection(second).count
        return 2 * Double(shared) / Double(first.count + second.count)
    }

    /// How alike two names are (0…1), 0 when their numbers differ.
    public static func score(_ first: String, _ second: String) -> Double {
        let (a, b) = (normalized(first), normalized(second))
        guard digits(a) == digits(b) else { return 0 }
        return dice(bigrams(a), bigrams(b))
    }
}
