import Foundation
import GongwenModel
import GongwenOOXML

/// A decision's record as a Word document, for the office to print and sign and the archive to keep beside the
/// decision: the title (小标宋, 22 pt), then the table — header row repeated on every page, rows never split —
/// on A4 landscape with 20 mm margins and 第 N 页，共 M 页 in the footer, in the forms' fonts.
struct DecisionRecordDOCX {
    static let pageWidth = 16838, pageHeight = 11906, margin = 1134
    static var typeWidth: Int { pageWidth - 2 * margin }

    let fonts: FormLayout.Fonts

    func data(_ record: DecisionRecordTable, title: String, widths: [Double], campaign: Campaign) throws -> Data {
        let body = WordFont(eastAsia: fonts.body, size: 10.5)
        let heading = WordFont(eastAsia: fonts.heading, size: 10.5)
        let total = widths.reduce(0, +)
        var grid = widths.map { Int(Double(Self.typeWidth) * $0 / max(1, total)) }
        if !grid.isEmpty { grid[grid.count - 1] += Self.typeWidth - grid.reduce(0, +) }
        let package = WordPackage.make(
            writeDocument: { writer in
                writer.declaration()
                writer.open(
                    "w:document",
                    ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
                writer.open("w:body")
                writer.paragraph(
                    title, WordFont(eastAsia: fonts.title, size: 22), alignment: "center", spaceAfter: 160)
                writer.openBorderedTable(width: Self.typeWidth, grid: grid, horizontalCellMargin: 57)
                Self.row(
                    record.header, grid: grid, font: heading, centred: Set(record.header.indices), header: true, &writer
                )
                for row in record.rows {
                    Self.row(row, grid: grid, font: body, centred: record.centred, header: false, &writer)
                    writer.yieldIfFull()
                }
                writer.close("w:tbl")
                writer.landscapeSection(pageWidth: Self.pageWidth, pageHeight: Self.pageHeight, margin: Self.margin)
                writer.close("w:body")
                writer.close("w:document")
            },
            core: CorePropertiesPart(title: title, creator: campaign.organizer.name, created: nil),
            defaultFont: body, fonts: [fonts.body, fonts.heading, fonts.title],
            footers: [WordParts.footer("第 {PAGE} 页，共 {NUMPAGES} 页", font: WordFont(eastAsia: fonts.body, size: 10.5))])
        return try package.data()
    }

    /// CT_Row: never split across pages; the header row repeats on every page.
    static func row(
        _ cells: [String], grid: [Int], font: WordFont, centred: Set<Int>, header: Bool, _ writer: inout XMLWriter
    ) {
        writer.open("w:tr")
        writer.open("w:trPr")
        writer.empty("w:cantSplit")
        if header { writer.empty("w:tblHeader") }
        writer.close("w:trPr")
        for (index, width) in grid.enumerated() {
            writer.open("w:tc")
            writer.open("w:tcPr")
            writer.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
            writer.empty("w:vAlign", ["w:val": "center"])
            writer.close("w:tcPr")
            writer.paragraph(
                index < cells.count ? cells[index] : "", font, alignment: centred.contains(index) ? "center" : "left")
            writer.close("w:tc")
        }
        writer.close("w:tr")
    }
}
