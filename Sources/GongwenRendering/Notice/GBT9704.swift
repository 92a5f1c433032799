import GongwenOOXML
import GongwenTemplates

/// The layout numbers of GB/T 9704-2012 《党政机关公文格式》 in Word units (twips, 1/1440 inch), from
/// ../shared/reference/standards.md §1: derived from ``GBT9704Page``'s millimetres, the one source.
enum GBT9704 {
    /// Millimetres in twips, to the nearest (or, for a pitch that must not overflow its line, down).
    static func twips(_ mm: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
        Int((mm * 1440 / 25.4).rounded(rule))
    }
    /// §5.1: A4, 210 × 297 mm (11906 × 16838).
    static let pageWidth = twips(GBT9704Page.width), pageHeight = twips(GBT9704Page.height)
    /// §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; so right 26 mm and bottom 35 mm (2098, 1587, 1474, 1984).
    static let top = twips(GBT9704Page.top), left = twips(GBT9704Page.left)
    static let right = twips(GBT9704Page.rightMargin), bottom = twips(GBT9704Page.bottomMargin)
    static let typeWidth = pageWidth - left - right  // 8845 ≈ 156 mm
    static let typeHeight = pageHeight - top - bottom  // 12756 ≈ 225 mm
    /// §5.2.3: 22 lines of 28 characters fill the type area: 225 mm / 22 = 10.23 mm = 579 twips per line;
    /// 156 mm / 28 = 5.57 mm = 315.9 twips per character, a little under the 16 pt (320 twips) glyph.
    static let linePitch = twips(GBT9704Page.linePitch, .down)
    static let characterPitch = twips(GBT9704Page.characterPitch, .down)
    /// 3号 text is condensed by 0.25 pt (`w:spacing w:val="-5"`), a 15.75 pt pitch: 28 characters take 441 pt
    /// of the 442 pt line. A character grid (`w:docGrid w:type="linesAndChars"`) would do the same in Word,
    /// but LibreOffice lays such a grid out at about 18 characters a line, so the grid is lines only.
    static let condensing = -5
    /// §7.2.4: the upper edge of the 发文机关标志 is 35 mm below the top of the type area. The paragraph's
    /// line is set exactly to the mark's size, off the document grid (LibreOffice snaps a line on the grid to
    /// the next grid line, Word and WPS do not), and its glyphs start at the paragraph's top, so the space
    /// before is the 35 mm itself (measured on the LibreOffice render at 150 dpi, with and without the
    /// grid: the mark's top 72 mm from the page edge).
    static let issuerMarkOffset = twips(GBT9704Page.markOffset)
    /// §7.2.7: the red rule is 4 mm below the 发文字号 (≈ 227 twips), as wide as the type area.
    static let ruleGap = twips(GBT9704Page.ruleGap)
    /// §7.5: the page number's 一字线 is 7 mm below the type area (measured at the dash's middle on the
    /// LibreOffice render at 150 dpi: 23 mm of footer distance put it 9 mm below, so 25.1 mm).
    static let footerDistance = 1423
    /// Point sizes (§1.2): 2号 22, 3号 16, 4号 14.
    static let size2 = 22.0, size3 = 16.0, size4 = 14.0

    /// The section of a GB/T 9704 document: A4 portrait, the §5.2.1 margins, odd and even page-number
    /// footers (`rId4` default, `rId5` even) and the lines-only document grid of §5.2.3. `columnSpace` is
    /// the `w:cols` spacing Word writes for a one-column section, when the document carries one.
    ///
    /// - Parameter landscape: the page turned a quarter for a wide attachment table: the type area keeps its
    ///   size (225 × 156 mm), the 订口 at the top.
    static func writeSection(_ writer: inout XMLWriter, columnSpace: Int? = nil, landscape: Bool = false) {
        writer.open("w:sectPr")
        writer.empty("w:footerReference", ["w:type": "even", "r:id": "rId5"])
        writer.empty("w:footerReference", ["w:type": "default", "r:id": "rId4"])
        if landscape {
            writer.empty("w:pgSz", ["w:w": String(pageHeight), "w:h": String(pageWidth), "w:orient": "landscape"])
            writer.empty(
                "w:pgMar",
                [
                    "w:top": String(left), "w:right": String(bottom), "w:bottom": String(right), "w:left": String(top),
                    "w:header": "851", "w:footer": String(footerDistance), "w:gutter": "0",
                ])
        } else {
            writer.empty("w:pgSz", ["w:w": String(pageWidth), "w:h": String(pageHeight)])
            writer.empty(
                "w:pgMar",
                [
                    "w:top": String(top), "w:right": String(right), "w:bottom": String(bottom), "w:left": String(left),
                    "w:header": "851", "w:footer": String(footerDistance), "w:gutter": "0",
                ])
        }
        if let columnSpace { writer.empty("w:cols", ["w:space": String(columnSpace)]) }
        writer.empty("w:docGrid", ["w:type": "lines", "w:linePitch": String(linePitch)])
        writer.close("w:sectPr")
    }
}
