import GongwenModel

/// Breaks a paragraph of Chinese text into lines of a fixed width, as a 公文 is set (GB/T 15834 and common
/// 禁则): no line starts with a closing mark (。，、；：？！）》」”’ and the like), no line ends with an
/// opening one (（《「“‘), and a run of Latin letters or digits (a year, a number, a word) stays whole unless it
/// is wider than a line. Widths are in ems of the body size: a Chinese character is 1, Latin characters their
/// Times advance (``TextWidth``).
public enum LineBreaker {
    /// Marks that never start a line.
    static let noStart: Set<Character> = [
        "。", "，", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", "…", "—", "〕", "】", "%", ".", ",", ";",
        ":", "?", "!", ")",
    ]
    /// Marks that never end a line.
    static let noEnd: Set<Character> = ["（", "《", "「", "『", "“", "‘", "〔", "【", "("]

    /// The units a line may break between: a Latin run (letters, digits and the . - / inside it) or one
    /// character.
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var latin = ""
        for character in text {
            if character.isASCII,
                character.isLetter || character.isNumber
                    || (!latin.isEmpty && (character == "." || character == "-" || character == "/"))
            {
                latin.append(character)
                continue
            }
            if !latin.isEmpty {
                units.append(latin)
                latin = ""
            }
            units.append(String(character))
        }
        if !latin.isEmpty { units.append(latin) }
        return units
    }

    static func width(_ unit: String) -> Double { TextWidth.ems(unit) }

    /// The lines of `text` on lines `width` ems wide, the first `firstIndent` ems in.
    public static func lines(_ text: String, width: Double, firstIndent: Double = 0) -> [String] {
        var pending = units(text)
        var lines: [String] = []
        var lineWidth: Double { lines.isEmpty ? width - firstIndent : width }
        while !pending.isEmpty {
            var line: [String] = []
            var used = 0.0
            let available = lineWidth
            while let unit = pending.first {
                // Word and LibreOffice space Chinese and Latin a quarter em apart: count it as they do.
                let unitWidth = Self.width(unit) + TextWidth.gap(between: line.last?.last, and: unit.first)
                if used + unitWidth <= available + 1e-6 {
                    line.append(unit)
                    used += unitWidth
                    pending.removeFirst()
                } else if line.isEmpty {
                    // A Latin run wider than a whole line: broken where it must be.
                    var head = ""
                    var rest = Substring(unit)
                    while let first = rest.first, TextWidth.ems(head + String(first)) <= available {
                        head.append(first)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let first = rest.first {
                        head = String(first)
                        rest = rest.dropFirst()
                    }
                    line.append(head)
                    pending[0] = String(rest)
                    break
                } else {
                    break
                }
            }
            // 禁则: a closing mark may not start the next line. One such mark hangs in the margin at the end of
            // this line, as Word ("允许标点溢出边界", on by default) and LibreOffice set it; a second one takes the
            // last unit down with them (unless the line would be left empty, as in a line of marks only). An
            // opening mark may not end a line.
            if let next = pending.first, next.count == 1, let mark = next.first, noStart.contains(mark), !line.isEmpty,
                !(pending.dropFirst().first?.first.map { noStart.contains($0) } ?? false)
            {
                line.append(pending.removeFirst())
            } else if let next = pending.first?.first, noStart.contains(next), line.count > 1 {
                pending.insert(line.removeLast(), at: 0)
            }
            while line.count > 1, let last = line.last?.last, noEnd.contains(last) {
                pending.insert(line.removeLast(), at: 0)
            }
            lines.append(line.joined())
        }
        return lines.isEmpty ? [""] : lines
    }
}
