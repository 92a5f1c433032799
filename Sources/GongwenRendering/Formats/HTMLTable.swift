import GongwenTemplates

/// A table as the HTML templates show it: column titles with their share of the width, and cells that know
/// whether they are centred. The plan notice's attachment and the plan table's own page use it alike.
enum HTMLTable {
    struct Column {
        var title: String
        /// Share of the table width in percent.
        var width: Int
    }

    struct Cell {
        var text: String
        var centered: Bool
    }

    struct Row {
        var cells: [Cell]
    }

    /// Columns with widths in percent of their sum (the templates give widths in any unit).
    static func columns(_ columns: [(title: String, width: Double)]) -> [Column] {
        let total = columns.map(\.width).reduce(0, +)
        return columns.map { Column(title: $0.title, width: Int(($0.width / total * 100).rounded())) }
    }

    /// Rows of text, the cells of columns in `centred` centred.
    static func rows(_ rows: [[String]], centred: (Int) -> Bool) -> [Row] {
        rows.map { cells in Row(cells: cells.enumerated().map { Cell(text: $1, centered: centred($0)) }) }
    }
}
