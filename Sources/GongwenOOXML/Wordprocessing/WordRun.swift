/// How a run of Word text is set. Every run names its East Asian font and language, so Chinese text never
/// falls back to a Latin font (standards.md §6: `w:eastAsia` with `w:hint="eastAsia"`, `w:lang w:eastAsia`).
public struct WordFont: Sendable, Hashable {
    /// The East Asian font, e.g. 仿宋_GB2312.
    public var eastAsia: String
    /// The font for Latin letters and digits.
    public var latin: String
    /// Size in points (3号 = 16, 2号 = 22, 4号 = 14, 五号 = 10.5).
    public var size: Double
    public var bold: Bool
    /// `FF0000` for the red 发文机关标志, nil for black.
    public var color: String?
    /// Character spacing in twentieths of a point (`w:spacing`); negative condenses.
    public var spacing: Int?

    public init(
        eastAsia: String, latin: String = "Times New Roman", size: Double, bold: Bool = false, color: String? = nil,
        spacing: Int? = nil
    ) {
        self.eastAsia = eastAsia
        self.latin = latin
        self.size = size
        self.bold = bold
        self.color = color
        self.spacing = spacing
    }

    /// Half-points, as `w:sz` counts.
    var halfPoints: String { String(Int((size * 2).rounded())) }
}

extension XMLWriter {
    /// `<w:rPr>` in CT_RPr order: rFonts, b, bCs, color, spacing, sz, szCs, lang.
    public mutating func runProperties(_ font: WordFont) {
        open("w:rPr")
        empty(
            "w:rFonts",
            [
                "w:ascii": font.latin, "w:hAnsi": font.latin, "w:eastAsia": font.eastAsia, "w:cs": font.latin,
                "w:hint": "eastAsia",
            ])
        if font.bold {
            empty("w:b")
            empty("w:bCs")
        }
        if let color = font.color { empty("w:color", ["w:val": color]) }
        if let spacing = font.spacing { empty("w:spacing", ["w:val": String(spacing)]) }
        empty("w:sz", ["w:val": font.halfPoints])
        empty("w:szCs", ["w:val": font.halfPoints])
        empty("w:lang", ["w:val": "en-US", "w:eastAsia": "zh-CN"])
        close("w:rPr")
    }

    /// One run of text; line feeds become `<w:br/>`.
    public mutating func run(_ text: String, _ font: WordFont) {
        open("w:r")
        runProperties(font)
        runText(text)
        close("w:r")
    }

    /// A run's `w:t` elements: one per line, `<w:br/>` between, `xml:space="preserve"` where spaces lead or end.
    /// A line ends at LF, CR LF (pasted from Word, Alt+Enter in Excel on Windows) or a lone CR: Word shows a
    /// CR inside `w:t` as a space, so each becomes a `w:br`.
    mutating func runText(_ text: String) {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            textElement(text)
            return
        }
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { empty("w:br") }
            textElement(String(line))
        }
    }

    private mutating func textElement(_ piece: String) {
        if XMLWriter.needsPreserve(piece) {
            element("w:t", ["xml:space": "preserve"], text: piece)
        } else {
            element("w:t", text: piece)
        }
    }

    /// A paragraph whose properties were written once (`PreparedParagraph`): the same bytes as
    /// `paragraph(_:_:alignment:…)`, for tables that repeat a few paragraph styles a million times.
    public mutating func paragraph(_ text: String, _ prepared: PreparedParagraph) {
        raw(bytes: prepared.start)
        if !text.isEmpty {
            raw(bytes: prepared.runStart)
            runText(text)
            raw(bytes: PreparedParagraph.runEnd)
        }
        raw(bytes: PreparedParagraph.end)
    }

    /// A paragraph of one run. `alignment` is `left`, `center`, `right` or `both`.
    public mutating func paragraph(
        _ text: String, _ font: WordFont, alignment: String = "left", spaceAfter: Int = 0, keepNext: Bool = false,
        firstLineChars: Int = 0
    ) {
        open("w:p")
        paragraphProperties(
            alignment: alignment, spaceAfter: spaceAfter, keepNext: keepNext, firstLineChars: firstLineChars, font: font
        )
        if !text.isEmpty { run(text, font) }
        close("w:p")
    }

    /// `<w:pPr>` in CT_PPr order: keepNext, spacing, ind, jc, rPr (the paragraph mark's font).
    public mutating func paragraphProperties(
        alignment: String, spaceAfter: Int = 0, keepNext: Bool = false, firstLineChars: Int = 0, font: WordFont
    ) {
        open("w:pPr")
        if keepNext { empty("w:keepNext") }
        empty("w:spacing", ["w:before": "0", "w:after": String(spaceAfter)])
        if firstLineChars > 0 { empty("w:ind", ["w:firstLineChars": String(firstLineChars * 100)]) }
        empty("w:jc", ["w:val": alignment])
        runProperties(font)
        close("w:pPr")
    }
}

/// The markup of a paragraph style, written once: `<w:p><w:pPr>…</w:pPr>` and `<w:r><w:rPr>…</w:rPr>`.
public struct PreparedParagraph: Sendable {
    let start: [UInt8]
    let runStart: [UInt8]
    static let runEnd = Array("</w:r>".utf8)
    static let end = Array("</w:p>".utf8)

    public init(
        _ font: WordFont, alignment: String = "left", spaceAfter: Int = 0, keepNext: Bool = false,
        firstLineChars: Int = 0
    ) {
        var writer = XMLWriter()
        writer.open("w:p")
        writer.paragraphProperties(
            alignment: alignment, spaceAfter: spaceAfter, keepNext: keepNext, firstLineChars: firstLineChars, font: font
        )
        start = writer.buffer
        writer = XMLWriter()
        writer.open("w:r")
        writer.runProperties(font)
        runStart = writer.buffer
    }
}
