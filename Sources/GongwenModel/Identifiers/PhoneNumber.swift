/// A 联系方式 as the user wrote it, with the normalised form used for checking.
///
/// The rules follow standards.md §3: split off an extension (转 / 分机 / ext), fold full-width digits and
/// strip spaces, hyphens and parentheses, drop +86/0086, then accept a mobile number (1[3-9] + 9 digits), a
/// landline with area code (0 + 9–11 digits), a bare local number (7–8 digits, Binhai offices write
/// them so) or a 400/800 service number. The original text is kept for display: normalising only checks.
public struct PhoneNumber: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case mobile, landline, localNumber, serviceNumber
    }

    /// Exactly what the user wrote.
    public let original: String
    /// Digits only, without extension or country code.
    public let digits: String
    public let `extension`: String?
    public let kind: Kind

    /// Parses `text`; nil when it is not a phone number by the rules above.
    public init?(_ text: String) {
        // Most cells hold digits, spaces, hyphens and brackets only: no full-width forms and no extension
        // marker (分机, 转, ext, x) to look for.
        let plain = !text.utf8.contains { $0 >= 0x80 || $0 == 0x65 || $0 == 0x45 || $0 == 0x78 || $0 == 0x58 }
        var rest = Substring(plain ? text : TextNormalization.halfWidth(text))
        var ext: String?
        // An extension in brackets after the number: 022-66201234(8012).
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "("), open > rest.startIndex {
            let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            if (1...6).contains(inside.count), inside.allSatisfy(\.isASCIIDigit) {
                ext = String(inside)
                rest = rest[..<open]
            }
        }
        for marker in ["分机号", "分机", "转", "ext.", "ext", "EXT", "Ext", "x", "X"] where !plain && ext == nil {
            if let range = rest.ranges(of: marker).last {
                let tail = rest[range.upperBound...].filter { $0 != " " }
                if !tail.isEmpty, tail.count <= 6, tail.allSatisfy(\.isASCIIDigit) {
                    ext = String(tail)
                    rest = rest[..<range.lowerBound]
                    break
                }
            }
        }
        // An extension after a second hyphen: 022-66201234-8012 (the part before must be a whole landline).
        if ext == nil, let last = rest.lastIndex(of: "-"), rest[..<last].contains("-") {
            let tail = rest[rest.index(after: last)...]
            let head = rest[..<last].filter { !" -()\u{00A0}\t".contains($0) }
            if (1...6).contains(tail.count), tail.allSatisfy(\.isASCIIDigit), head.first == "0",
                (10...12).contains(head.count), head.allSatisfy(\.isASCIIDigit)
            {
                ext = String(tail)
                rest = rest[..<last]
            }
        }
        var digits = String(rest.filter { !" -()\u{00A0}\t".contains($0) })
        if digits.hasPrefix("+86") {
            digits.removeFirst(3)
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let first = digits.first
        let second = digits.dropFirst().first
        let kind: Kind
        switch digits.count {
        case 11 where first == "1" && ("3"..."9").contains(second ?? "0"):
            kind = .mobile
        case 10...12 where first == "0":
            kind = .landline
        case 10 where digits.hasPrefix("400") || digits.hasPrefix("800"):
            kind = .serviceNumber
        case 7...8 where first != "0" && first != "1":
            kind = .localNumber
        default:
            return nil
        }
        self.original = text
        self.digits = digits
        self.extension = ext
        self.kind = kind
    }

    /// Every number of a cell that may hold two (`18571614716/022-25201234`): separated by `/ 、 , ， ; ；` or
    /// by spaces, each checked on its own. Nil when any part is not a number; a cell of one number gives one.
    public static func all(in text: String) -> [PhoneNumber]? {
        if let one = PhoneNumber(text) { return [one] }
        let separators: Set<Character> = ["/", "、", ",", "，", ";", "；"]
        for split in [
            text.split(whereSeparator: { separators.contains($0) }),
            text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }),
        ] where split.count >= 2 {
            let numbers = split.map { PhoneNumber(String($0).trimmingWhitespace) }
            if numbers.allSatisfy({ $0 != nil }) { return numbers.compactMap { $0 } }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingWhitespace: String { TextNormalization.trimmed(self) }
}

/// The e-mail check: pragmatic, not RFC 5322. One `@`, a local part without spaces, a domain of at least two
/// dot-separated labels of letters, digits and hyphens. A full-width `＠` or `。` is reported, not guessed.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        // Every character of an accepted address is ASCII, so the check works on bytes.
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        let parts = bytes.split(separator: 0x40, omittingEmptySubsequences: false)  // @
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard !local.isEmpty, local.count <= 64, !local.contains(where: isSpace) else { return false }
        guard local.first != 0x2E, local.last != 0x2E,
            !zip(local, local.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E })
        else { return false }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)  // .
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != 0x2D && label.last != 0x2D
                && label.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == 0x2D
                }
        }
    }
}
