import Foundation
import GongwenOOXML
import GongwenTemplates

/// One row of a form's body: a group heading across the table, or a data row.
public enum BodyRow {
    /// A heading; `newPage` starts it on a new printed page (a manual break: spreadsheets have no "keep with
    /// next", so a main group's heading would otherwise be left alone at a page's foot).
    case heading(String, newPage: Bool = false)
    case data([Cell])
}

/// A table form to put in a workbook: its fixed texts and its body rows, pulled one at a time.
public struct TableSheetSource {
    public var name: String
    public var annexLabel: String
    public var title: String
    public var recommenderLine: String
    public var signOff: [String]
    public var notes: [String]
    /// How many body rows `rows` yields: plans continuation sheets before any row is written.
    public var rowCount: Int
    public var rows: () -> AnyIterator<BodyRow>
    public var dataValidations: [DataValidation] = []
    /// Printed on one page (the blank form, filled in by hand and stamped).
    public var onePage = false
    /// Notes on cells (a returned form's reasons), by sheet row and column; only on a sheet that does not
    /// continue on another.
    public var comments: [SheetComments.Comment] = []

    public init(
        name: String, annexLabel: String, title: String, recommenderLine: String, signOff: [String],
        notes: [String], rowCount: Int, rows: @escaping () -> AnyIterator<BodyRow>
    ) {
        self.name = name
        self.annexLabel = annexLabel
        self.title = title
        self.recommenderLine = recommenderLine
        self.signOff = signOff
        self.notes = notes
        self.rowCount = rowCount
        self.rows = rows
    }
}

/// Lays table forms out as worksheets in the annex's shape: 附件 label, merged title, 推荐单位 line, header row
/// (repeated on every printed page and frozen on screen), body, signature line and notes; A4 landscape, one
/// page wide, `第 &P 页，共 &N 页` in the footer (or the sheet's name and page where the workbook prints several
/// sheets). A body longer than a sheet holds continues on further sheets.
public struct TableWorkbook {
    public let layout: FormLayout
    /// Rows per sheet; Excel's limit, smaller in tests.
    public var maximumRows = WorksheetWriter.maximumRows

    /// The header block is rows 1–4; the header row is row 4.
    static let headerRow = 4
    /// A group's heading row.
    static let headingHeight = 20.0

    public init(layout: FormLayout) {
        self.layout = layout
    }

    var columnCount: Int { layout.columns.count }

    /// Body rows one sheet can hold after the header block, a spacer, the sign-off lines and the notes.
    func capacity(_ source: TableSheetSource) -> Int {
        max(1, maximumRows - Self.headerRow - 1 - Self.signOffRows(source.signOff.count) - source.notes.count)
    }

    /// How many sheets `source` continues over.
    func sheetCount(of source: TableSheetSource) -> Int {
        let perSheet = capacity(source)
        return max(1, (source.rowCount + perSheet - 1) / perSheet)
    }

    /// The sign-off goes two to a line.
    static func signOffRows(_ count: Int) -> Int { (count + 1) / 2 }

    /// Row height of a sign-off line: room to write a name or a date by hand (about 11 mm).
    static let signOffHeight = 28.0

    /// The columns of each half of a sign-off line: split where the widths come nearest to half the table.
    static func halves(_ widths: [Double]) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let total = widths.reduce(0, +)
        var running = 0.0
        var split = 1
        var best = Double.infinity
        for (index, width) in widths.enumerated().dropLast() {
            running += width
            if abs(running - total / 2) < best {
                best = abs(running - total / 2)
                split = index + 1
            }
        }
        return (1...split, (split + 1)...widths.count)
    }

    /// A package of `sources` (and hidden `extraSheets` such as drop-down lists) in the order given.
    public func package(
        _ sources: [TableSheetSource], hiddenSheets: [(name: String, columns: [[String]])] = [],
        core: CorePropertiesPart
    ) -> OOXMLPackage {
        var package = OOXMLPackage(mainPart: "xl/workbook.xml", core: core)
        var sheets: [WorkbookPart.Sheet] = []
        var used: Set<String> = []
        var parts: [OOXMLPackage.Part] = []
        let printed = sources.map { sheetCount(of: $0) }.reduce(0, +)
        let footer = printed > 1 ? layout.sheetPageFooter : layout.pageFooter
        var commentParts = 0
        for source in sources {
            let chunks = sheetCount(of: source)
            let perSheet = capacity(source)
            let iterator = SharedIterator(source.rows())
            for chunk in 0..<chunks {
                let name = SheetName.make(source.name, avoiding: used)
                used.insert(name)
                sheets.append(WorkbookPart.Sheet(name: name, printTitleRows: Self.headerRow...Self.headerRow))
                let limit = min(perSheet, source.rowCount - chunk * perSheet)
                var relationships: [Relationship] = []
                var notes: (comments: OOXMLPackage.Part, vml: OOXMLPackage.Part)?
                if chunks == 1, !source.comments.isEmpty {
                    commentParts += 1
                    let comments = SheetComments(author: layout.commentAuthor, comments: source.comments)
                    let names = ("xl/comments\(commentParts).xml", "xl/drawings/vmlDrawing\(commentParts).vml")
                    relationships = [
                        Relationship(
                            id: "rId1", type: SheetComments.commentsRelationship,
                            target: "../comments\(commentParts).xml"),
                        Relationship(
                            id: "rId2", type: SheetComments.vmlRelationship,
                            target: "../drawings/vmlDrawing\(commentParts).vml"),
                    ]
                    notes = (
                        OOXMLPackage.Part(
                            name: names.0, contentType: SheetComments.commentsContentType,
                            content: .bytes(comments.commentsXML())),
                        OOXMLPackage.Part(
                            name: names.1, contentType: SheetComments.vmlContentType, content: .bytes(comments.vml()))
                    )
                }
                let legacyDrawing = notes == nil ? nil : "rId2"
                parts.append(
                    OOXMLPackage.Part(
                        name: "xl/worksheets/sheet\(sheets.count).xml", contentType: WorkbookPart.worksheetContentType,
                        content: .stream { xml in
                            try writeSheet(
                                source, rows: iterator, limit: limit, footer: footer, legacyDrawing: legacyDrawing, &xml
                            )
                        }, relationships: relationships))
                if let notes { parts += [notes.comments, notes.vml] }
            }
        }
        for hidden in hiddenSheets {
            let name = SheetName.make(hidden.name, avoiding: used)
            used.insert(name)
            sheets.append(WorkbookPart.Sheet(name: name, hidden: true))
            parts.append(
                OOXMLPackage.Part(
                    name: "xl/worksheets/sheet\(sheets.count).xml", contentType: WorkbookPart.worksheetContentType,
                    content: .stream { xml in try writeListSheet(hidden.columns, &xml) }))
        }
        let workbook = WorkbookPart(sheets: sheets)
        package.add(
            OOXMLPackage.Part(
                name: "xl/workbook.xml", contentType: WorkbookPart.contentType, content: .bytes(workbook.xml()),
                relationships: workbook.relationships()))
        package.add(
            OOXMLPackage.Part(
                name: "xl/styles.xml", contentType: SpreadsheetStylesPart.contentType,
                content: .bytes(
                    SpreadsheetStylesPart(
                        bodyFont: layout.fonts.body, headingFont: layout.fonts.heading, titleFont: layout.fonts.title,
                        marks: sources.contains { !$0.comments.isEmpty }
                    ).xml())))
        for part in parts { package.add(part) }
        return package
    }

    func writeSheet(
        _ source: TableSheetSource, rows: SharedIterator, limit: Int, footer: String, legacyDrawing: String? = nil,
        _ xml: inout XMLWriter
    ) throws {
        var sheetLayout = WorksheetLayout(
            columnWidths: layout.columns.map(\.width), frozenRows: Self.headerRow, footer: footer,
            dataValidations: source.dataValidations)
        sheetLayout.legacyDrawing = legacyDrawing
        sheetLayout.fitToOnePage = source.onePage
        var sheet = WorksheetWriter(layout: sheetLayout)
        sheet.start(&xml)
        let widths = layout.columns.map(\.width)
        let blanks = { (style: CellStyle) in Array(repeating: Cell.empty(style), count: columnCount - 1) }
        try sheet.row([.text(source.annexLabel, .annexLabel)], height: 24, &xml)
        try sheet.row([.text(source.title, .title)] + blanks(.title), height: 40, &xml)
        sheet.mergeLastRow(from: 1, to: columnCount)
        try sheet.row([.text(source.recommenderLine, .plain)] + blanks(.plain), height: 26, &xml)
        sheet.mergeLastRow(from: 1, to: columnCount)
        let header = layout.columns.map { Cell.text($0.title, .header) }
        let headerHeight = max(30, RowHeight.fitting(header, widths: widths))
        try sheet.row(header, height: headerHeight, &xml)
        var written = 0
        while written < limit, let row = rows.next() {
            switch row {
            case .heading(let text, let newPage):
                if newPage, written > 0 { sheet.breakPageBeforeNextRow() }
                try sheet.row([.text(text, .group)] + blanks(.group), height: Self.headingHeight, &xml)
                sheet.mergeLastRow(from: 1, to: columnCount)
            case .data(let cells):
                try sheet.row(cells, height: RowHeight.fitting(cells, widths: widths), &xml)
            }
            written += 1
        }
        try sheet.row([], &xml)
        try writeSignOff(source.signOff, widths: widths, &sheet, &xml)
        for note in source.notes {
            let width = widths.reduce(0, +) * 11 / 12  // notes are 12 pt across the merged row
            try sheet.row(
                [.text(note, .plain)] + blanks(.plain), height: Double(RowHeight.lines(note, width: width)) * 16 + 4,
                &xml)
            sheet.mergeLastRow(from: 1, to: columnCount)
        }
        sheet.finish(&xml)
    }

    /// The sign-off lines, two fields to a line, each across half the table and tall enough to write in.
    func writeSignOff(
        _ fields: [String], widths: [Double], _ sheet: inout WorksheetWriter, _ xml: inout XMLWriter
    ) throws {
        guard columnCount > 1 else {
            for field in fields { try sheet.row([.text(field, .plain)], height: Self.signOffHeight, &xml) }
            return
        }
        let (left, right) = Self.halves(widths)
        for start in stride(from: 0, to: fields.count, by: 2) {
            var cells = Array(repeating: Cell.empty(.plain), count: columnCount)
            cells[0] = .text(fields[start], .plain)
            if start + 1 < fields.count { cells[right.lowerBound - 1] = .text(fields[start + 1], .plain) }
            try sheet.row(cells, height: Self.signOffHeight, &xml)
            for half in [left, right] where half.count > 1 {
                sheet.mergeLastRow(from: half.lowerBound, to: half.upperBound)
            }
        }
    }

    /// A hidden sheet holding the drop-down lists, one list per column.
    func writeListSheet(_ columns: [[String]], _ xml: inout XMLWriter) throws {
        var sheet = WorksheetWriter(layout: WorksheetLayout(columnWidths: [], fitToWidth: false))
        sheet.start(&xml)
        let height = columns.map(\.count).max() ?? 0
        for index in 0..<height {
            try sheet.row(columns.map { index < $0.count ? .text($0[index], .normal) : .empty(.normal) }, &xml)
        }
        sheet.finish(&xml)
    }
}

/// An iterator shared by the sheets of one table, which pull their rows from it in turn.
final class SharedIterator {
    var base: AnyIterator<BodyRow>

    init(_ base: AnyIterator<BodyRow>) {
        self.base = base
    }

    func next() -> BodyRow? { base.next() }
}
