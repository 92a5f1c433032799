/// Row heights for wrapped text, computed because neither Excel nor LibreOffice reliably fits a row's
/// height to wrapped text when opening a file: without this, long names print over the next row.
///
/// Widths are in Excel's column units (the width of the default font's digit). At the forms' 11 pt a
/// Chinese character is about two units and a Latin letter or digit about one; a cell's text is broken into
/// lines of the column's width (less its padding) and at each line feed.
public enum RowHeight {
    /// Points per line of 11 pt text, with Excel's leading.
    public static let lineHeight = 14.5

    /// Lines `text` takes in a column `width` units wide.
    ///
    /// Measured over UTF-8 bytes, by each character's lead byte, because this runs for every cell of tables
    /// of a hundred thousand rows: one byte (ASCII) ≈ 1.1 units; two bytes and the punctuation blocks below
    /// U+2E80 ≈ 1.4; CJK (three-byte sequences from U+2E80, led by 0xE2 0xBA… or 0xE3–0xEF) and four-byte
    /// characters such as 𠮷 ≈ 2.05.
    public static func lines(_ text: String, width: Double) -> Int {
        let available = max(1, width - 0.8)
        var total = 0
        var line = 0.0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                total += max(1, Int((line / available).rounded(.up)))
                line = 0
            case 0x00..<0x80: line += 1.1
            case 0xC0..<0xE0: line += 1.4
            case 0xE3..<0xF0, 0xF0...0xFF: line += 2.05
            case 0xE0, 0xE1: line += 1.4
            case 0xE2: line += 1.4  // U+2000–U+2FFF; the rare CJK radicals above U+2E80 are corrected below
            case 0xBA...0xBF where previous == 0xE2: line += 0.65
            default: break  // continuation bytes
            }
            previous = byte
        }
        return total + max(1, Int((line / available).rounded(.up)))
    }

    /// The height in points that shows every cell of a row whole.
    public static func fitting(_ cells: [Cell], widths: [Double]) -> Double {
        var most = 1
        for (index, cell) in cells.enumerated() where index < widths.count {
            if case .text(let text, _) = cell { most = max(most, lines(text, width: widths[index])) }
        }
        return Double(most) * lineHeight + 4
    }
}
