/// A 统一社会信用代码 (unified social credit identifier) as GB 32100-2015 defines it.
///
/// Structure (GB 32100 §4): position 1 登记管理部门码, 2 机构类别码, 3–8 the GB/T 2260 region code of the
/// registering authority (滨海新区 = 120116), 9–17 the GB 11714 organisation code, 18 a check character.
/// The character set is the digits and the capital letters without I, O, Z, S and V.
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters, upper-case.
    public let value: String

    public var description: String { value }

    /// Why a string is not a valid credit code.
    public enum Problem: Equatable, Sendable {
        /// GB 32100: the code has exactly 18 characters.
        case wrongLength(Int)
        /// A character outside the GB 32100 set (1-based position).
        case invalidCharacter(Character, position: Int)
        /// Positions 3–8 must be a six-digit GB/T 2260 region code.
        case regionNotNumeric
        /// The 18th character does not match the GB 32100 check computed from the first 17.
        case checksumMismatch(expected: Character, found: Character)
    }

    /// GB 32100 §5: the 31 characters in value order 0…30.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// GB 32100 §5: the weight of position i is 3^(i−1) mod 31.
    static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    static func value(of character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }

    /// The check character for the first 17 characters: C18 = 31 − (Σ Ci·Wi mod 31), where 31 maps to 0.
    public static func checkCharacter(forFirst17 prefix: String) -> Character? {
        let characters = Array(prefix)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, weights) {
            guard let value = value(of: character) else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Checks `text` strictly: no trimming, no case folding (that is the importer's visible normalisation).
    /// Returns every problem found; a code with only a checksum problem is still well-formed.
    public static func problems(in text: String) -> [Problem] {
        let characters = Array(text)
        guard characters.count == 18 else { return [.wrongLength(characters.count)] }
        var problems: [Problem] = []
        for (index, character) in characters.enumerated() where value(of: character) == nil {
            problems.append(.invalidCharacter(character, position: index + 1))
        }
        if !characters[2..<8].allSatisfy(\.isASCIIDigit) {
            problems.append(.regionNotNumeric)
        }
        if problems.isEmpty, let expected = checkCharacter(forFirst17: String(characters[0..<17])),
            expected != characters[17]
        {
            problems.append(.checksumMismatch(expected: expected, found: characters[17]))
        }
        return problems
    }

    /// A code that is well-formed (length, character set, region digits). The check character may still be
    /// wrong: a few registered codes fail it (GB 32100 caveat in standards.md), so that is the caller's policy.
    public init?(wellFormed text: String) {
        let problems = Self.problems(in: text)
        guard problems.allSatisfy({ if case .checksumMismatch = $0 { true } else { false } }) else { return nil }
        value = text
    }

    /// The six-digit region code, positions 3–8 (GB/T 2260).
    public var regionCode: Substring {
        value.dropFirst(2).prefix(6)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
