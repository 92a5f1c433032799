/// Row heights for wrapped text, computed because neither Excel nor LibreOffice reliably fits a row's
/// height to wrapped text when opening a file: without this, long names print over the next row.
///
/// Widths are in Excel's column units (the width of the default font's digit). At the forms' 11 pt a
/// Chinese character is about two units and a Latin letter or digit about one; a cell's text is broken into
/// lines of the column's width (less its padding) and at each line feed.
public enum RowHeight {
    /// Points per line of 11 pt text, with Excel's leading.
    public static let lineHeight = 14.5

    public static func displayWidth(_ text: Substring) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            sum + (scalar.value < 0x2E80 ? (scalar.value < 0x80 ? 1.1 : 1.4) : 2.05)
        }
    }

    /// Lines `text` takes in a column `width` units wide.
    public static func lines(_ text: String, width: Double) -> Int {
        let available = max(1, width - 0.8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, Int((displayWidth(line) / available).rounded(.up)))
        }
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
