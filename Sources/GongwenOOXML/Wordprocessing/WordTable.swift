extension XMLWriter {
    /// Opens a centred, fixed-layout Word table with single black borders on every edge: `w:tbl`, its
    /// `w:tblPr` (children in CT_TblPr's schema order: tblW, jc, tblBorders, tblLayout, tblCellMar) and its
    /// `w:tblGrid`. The caller writes the rows and closes `w:tbl`.
    ///
    /// - Parameters:
    ///   - width: the table's width in twips.
    ///   - grid: each column's width in twips.
    ///   - horizontalCellMargin: left and right cell margins in twips.
    ///   - verticalCellMargin: top and bottom cell margins in twips, or nil to keep Word's default.
    public mutating func openBorderedTable(
        width: Int, grid: [Int], horizontalCellMargin: Int, verticalCellMargin: Int? = nil
    ) {
        openTable(
            width: width, grid: grid, horizontalCellMargin: horizontalCellMargin,
            verticalCellMargin: verticalCellMargin, borders: true)
    }

    /// The same table with its borders (`borders`) or without: a table that only places text, as the sign-off
    /// lines under a form.
    public mutating func openTable(
        width: Int, grid: [Int], horizontalCellMargin: Int, verticalCellMargin: Int? = nil, borders: Bool
    ) {
        open("w:tbl")
        open("w:tblPr")
        empty("w:tblW", ["w:w": String(width), "w:type": "dxa"])
        empty("w:jc", ["w:val": "center"])
        open("w:tblBorders")
        for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            if borders {
                empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
            } else {
                empty(side, ["w:val": "nil"])
            }
        }
        close("w:tblBorders")
        empty("w:tblLayout", ["w:type": "fixed"])
        open("w:tblCellMar")
        if let verticalCellMargin { empty("w:top", ["w:w": String(verticalCellMargin), "w:type": "dxa"]) }
        empty("w:left", ["w:w": String(horizontalCellMargin), "w:type": "dxa"])
        if let verticalCellMargin { empty("w:bottom", ["w:w": String(verticalCellMargin), "w:type": "dxa"]) }
        empty("w:right", ["w:w": String(horizontalCellMargin), "w:type": "dxa"])
        close("w:tblCellMar")
        close("w:tblPr")
        open("w:tblGrid")
        for column in grid { empty("w:gridCol", ["w:w": String(column)]) }
        close("w:tblGrid")
    }
}

extension XMLWriter {
    /// `w:sectPr` of a landscape page with equal margins and one default footer (`rId4`, as ``WordPackage``
    /// numbers it): the form tables' and the decision records' section, in CT_SectPr's order.
    public mutating func landscapeSection(pageWidth: Int, pageHeight: Int, margin: Int) {
        open("w:sectPr")
        empty("w:footerReference", ["w:type": "default", "r:id": "rId4"])
        empty("w:pgSz", ["w:w": String(pageWidth), "w:h": String(pageHeight), "w:orient": "landscape"])
        let margin = String(margin)
        empty(
            "w:pgMar",
            [
                "w:top": margin, "w:right": margin, "w:bottom": margin, "w:left": margin, "w:header": "567",
                "w:footer": "567", "w:gutter": "0",
            ])
        empty("w:cols", ["w:space": "425"])
        close("w:sectPr")
    }
}
