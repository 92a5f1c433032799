import GongwenOOXML
import GongwenTemplates

/// A bordered Word table whose header row repeats on every page (`w:tblHeader`) and whose rows never split
/// across pages, with column widths in proportion to the template's.
struct NoticeTableWriter {
    var columns: [NoticeText.Column]
    var fonts: NoticeFonts
    /// The table's width in twips.
    var width: Int
    /// 五号 (10.5 pt): six columns of names on a portrait page.
    var size = 10.5
    /// Columns read from the left (names, projects); the others are centred. The plan table's by default.
    var leftAligned: Set<Int> = [2, 3]

    var widths: [Int] {
        let total = columns.map(\.width).reduce(0, +)
        var widths = columns.map { Int((Double(width) * $0.width / total).rounded(.down)) }
        if !widths.isEmpty { widths[widths.count - 1] += width - widths.reduce(0, +) }
        return widths
    }

    func write(rows: [[String]], _ writer: inout XMLWriter) {
        let widths = self.widths
        writer.openBorderedTable(width: width, grid: widths, horizontalCellMargin: 57, verticalCellMargin: 28)
        row(columns.map(\.title), widths, header: true, &writer)
        for cells in rows {
            row(cells, widths, header: false, &writer)
            writer.yieldIfFull()
        }
        writer.close("w:tbl")
    }

    func row(_ cells: [String], _ widths: [Int], header: Bool, _ writer: inout XMLWriter) {
        let font = WordFont(eastAsia: header ? fonts.heiti : fonts.fangsong, size: size)
        writer.open("w:tr")
        writer.open("w:trPr")
        writer.empty("w:cantSplit")
        if header { writer.empty("w:tblHeader") }
        writer.close("w:trPr")
        for (index, (cell, columnWidth)) in zip(cells, widths).enumerated() {
            writer.open("w:tc")
            writer.open("w:tcPr")
            writer.empty("w:tcW", ["w:w": String(columnWidth), "w:type": "dxa"])
            writer.empty("w:vAlign", ["w:val": "center"])
            writer.close("w:tcPr")
            // Names and projects read from the left; numbers, codes and people are centred.
            let centred = header || !leftAligned.contains(index)
            var format = ParagraphFormat(alignment: centred ? "center" : "left")
            format.characterWidth = Int(size * 20)
            format.snapToGrid = false
            writer.paragraph(cell, font, format)
            writer.close("w:tc")
        }
        writer.close("w:tr")
    }
}
