import Foundation
import GongwenOOXML

/// A working table the office fills in on screen rather than prints to stamp — the selection list, a judge's
/// scoring sheet, the judging summary: a merged title, lines of explanation, one header row (frozen, repeated
/// on every printed page) and the rows, in the forms' fonts. Cells to fill in carry their rules (drop-downs,
/// number ranges); a protected sheet lets only those cells change.
public struct PlainTableSheet: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Excel character units.
        public var width: Double

        public init(_ title: String, width: Double) {
            self.title = title
            self.width = width
        }
    }

    public var name: String
    public var title: String
    /// Lines under the title (who fills it in, how).
    public var lines: [String]
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rules on ranges of data rows, by 0-based column: use ``dataRange(column:)`` for their ranges.
    public var validations: [DataValidation] = []
    public var protected = false
    public var landscape = true

    public init(name: String, title: String, lines: [String], columns: [Column], rows: [[Cell]]) {
        self.name = name
        self.title = title
        self.lines = lines
        self.columns = columns
        self.rows = rows
    }

    /// The sheet row of the header: after the title and the lines.
    public var headerRow: Int { 2 + lines.count }

    /// `K5:K68`: a column's cells over the data rows (at least one row, so a rule on an empty list is valid).
    public func dataRange(column: Int) -> String {
        let letter = WorksheetWriter.columnName(column + 1)
        return "\(letter)\(headerRow + 1):\(letter)\(headerRow + max(1, rows.count))"
    }
}

/// Packages ``PlainTableSheet``s as one workbook.
public enum PlainWorkbook {
    public static func data(
        _ sheets: [PlainTableSheet], fonts: FormLayout.Fonts, core: CorePropertiesPart
    ) throws -> Data {
        var package = OOXMLPackage(mainPart: "xl/workbook.xml", core: core)
        var used: Set<String> = []
        var entries: [WorkbookPart.Sheet] = []
        for sheet in sheets {
            let name = SheetName.make(sheet.name, avoiding: used)
            used.insert(name)
            entries.append(WorkbookPart.Sheet(name: name, printTitleRows: sheet.headerRow...sheet.headerRow))
        }
        let workbook = WorkbookPart(sheets: entries)
        package.add(
            OOXMLPackage.Part(
                name: "xl/workbook.xml", contentType: WorkbookPart.contentType, content: .bytes(workbook.xml()),
                relationships: workbook.relationships()))
        package.add(
            OOXMLPackage.Part(
                name: "xl/styles.xml", contentType: SpreadsheetStylesPart.contentType,
                content: .bytes(
                    SpreadsheetStylesPart(
                        bodyFont: fonts.body, headingFont: fonts.heading, titleFont: fonts.title,
                        inputs: sheets.contains { $0.protected }
                    ).xml())))
        for (index, sheet) in sheets.enumerated() {
            var xml = XMLWriter()
            try write(sheet, &xml)
            package.add(
                OOXMLPackage.Part(
                    name: "xl/worksheets/sheet\(index + 1).xml", contentType: WorkbookPart.worksheetContentType,
                    content: .bytes(xml.buffer)))
        }
        return try package.data()
    }

    static func write(_ sheet: PlainTableSheet, _ xml: inout XMLWriter) throws {
        let widths = sheet.columns.map(\.width)
        var layout = WorksheetLayout(
            columnWidths: widths, frozenRows: sheet.headerRow, landscape: sheet.landscape,
            footer: "&C第 &P 页，共 &N 页", dataValidations: sheet.validations)
        layout.protected = sheet.protected
        var writer = WorksheetWriter(layout: layout)
        writer.start(&xml)
        let count = sheet.columns.count
        let blanks = { (style: CellStyle) in Array(repeating: Cell.empty(style), count: max(0, count - 1)) }
        try writer.row([.text(sheet.title, .title)] + blanks(.title), height: 36, &xml)
        if count > 1 { writer.mergeLastRow(from: 1, to: count) }
        let total = widths.reduce(0, +) * 11 / 12
        for line in sheet.lines {
            try writer.row(
                [.text(line, .plain)] + blanks(.plain), height: Double(RowHeight.lines(line, width: total)) * 16 + 4,
                &xml)
            if count > 1 { writer.mergeLastRow(from: 1, to: count) }
        }
        let header = sheet.columns.map { Cell.text($0.title, .header) }
        try writer.row(header, height: max(30, RowHeight.fitting(header, widths: widths)), &xml)
        for row in sheet.rows {
            try writer.row(row, height: RowHeight.fitting(row, widths: widths), &xml)
        }
        writer.finish(&xml)
    }
}
