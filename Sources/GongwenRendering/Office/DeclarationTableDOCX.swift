import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The 附件2 declaration table as a Word document: A4 landscape, 附件 2 in 3号黑体, the title in 2号小标宋,
/// the table with its header row repeated on every page, the signature line and the notes.
public struct DeclarationTableDOCX {
    let layout: FormLayout

    public init(layout: FormLayout) {
        self.layout = layout
    }

    /// A4 landscape in twips (GB/T 148: 297 × 210 mm) with 20 mm margins.
    static let pageWidth = 16838, pageHeight = 11906, margin = 1134
    static var typeWidth: Int { pageWidth - 2 * margin }

    var body: WordFont { WordFont(eastAsia: layout.fonts.body, size: 10.5) }
    var heading: WordFont { WordFont(eastAsia: layout.fonts.heading, size: 10.5) }

    /// Column widths in twips, proportional to the layout's, adding up to the type width exactly.
    var gridWidths: [Int] {
        let total = layout.columns.map(\.width).reduce(0, +)
        var widths = layout.columns.map { Int((Double(Self.typeWidth) * $0.width / total).rounded(.down)) }
        if !widths.isEmpty { widths[widths.count - 1] += Self.typeWidth - widths.reduce(0, +) }
        return widths
    }

    public func document(for context: DeclarationTableContext, campaign: Campaign) throws -> Data {
        try package(for: context, campaign: campaign).data(date: Self.zipDate(campaign))
    }

    /// The same package written into `sink` as it is made: document.xml never whole in memory.
    public func write(for context: DeclarationTableContext, campaign: Campaign, to sink: any ZipSink) throws {
        let date = Self.zipDate(campaign)
        try package(for: context, campaign: campaign).write(
            to: ZipWriter(sink: sink, year: date.0, month: date.1, day: date.2))
    }

    static func zipDate(_ campaign: Campaign) -> (Int, Int, Int) {
        campaign.issueDate(of: .call).map { ($0.year, $0.month, $0.day) } ?? (1980, 1, 1)
    }

    func package(for context: DeclarationTableContext, campaign: Campaign) -> OOXMLPackage {
        WordPackage.make(
            writeDocument: { writer in writeDocument(context, &writer) },
            core: CorePropertiesPart(
                title: context.title, creator: campaign.organizer.name, created: campaign.issueDate(of: .call)?.iso),
            defaultFont: body, fonts: [layout.fonts.body, layout.fonts.heading, layout.fonts.title],
            footers: [WordParts.footer(footerPattern, font: WordFont(eastAsia: layout.fonts.body, size: 10.5))])
    }

    func writeDocument(_ context: DeclarationTableContext, _ writer: inout XMLWriter) {
        writer.declaration()
        writer.open(
            "w:document", ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("w:body")
        writer.paragraph(layout.annexLabel(context), WordFont(eastAsia: layout.fonts.heading, size: 16))
        writer.paragraph(
            layout.title(context), WordFont(eastAsia: layout.fonts.title, size: 22), alignment: "center",
            spaceAfter: 120)
        writer.paragraph(
            layout.recommenderLine(context), WordFont(eastAsia: layout.fonts.body, size: 14), spaceAfter: 80)
        writeTable(context, &writer)
        let lines = WordFont(eastAsia: layout.fonts.body, size: 12)
        writer.paragraph("", lines)
        writeSignOff(layout.signOff(context), lines, &writer)
        for note in layout.notes(context) { writer.paragraph(note, lines) }
        writer.landscapeSection(pageWidth: Self.pageWidth, pageHeight: Self.pageHeight, margin: Self.margin)
        writer.close("w:body")
        writer.close("w:document")
    }

    /// The spreadsheet footer codes of form.yaml as Word field markers: &P → PAGE, &N → NUMPAGES.
    var footerPattern: String {
        var pattern = layout.pageFooter
        for code in ["&L", "&C", "&R"] where pattern.hasPrefix(code) { pattern.removeFirst(2) }
        return pattern.replacingOccurrences(of: "&P", with: "{PAGE}").replacingOccurrences(of: "&N", with: "{NUMPAGES}")
    }

    /// CT_Tbl: the bordered table's properties and grid, then the rows.
    func writeTable(_ context: DeclarationTableContext, _ writer: inout XMLWriter) {
        let widths = gridWidths
        writer.openBorderedTable(width: Self.typeWidth, grid: widths, horizontalCellMargin: 57)

        // The header row repeats at the top of every page (w:tblHeader) and never splits (w:cantSplit).
        writer.open("w:tr")
        writer.open("w:trPr")
        writer.empty("w:cantSplit")
        writer.empty("w:tblHeader")
        writer.close("w:trPr")
        for (column, width) in zip(layout.columns, widths) {
            cell(column.title, width: width, heading, "center", &writer)
        }
        writer.close("w:tr")
        // Every cell of a column is set alike: its markup is written once here and copied for each row.
        let rowStart = Self.markup { writer in
            writer.open("w:tr")
            writer.open("w:trPr")
            writer.empty("w:cantSplit")
            writer.close("w:trPr")
        }
        let cellStarts = widths.map { width in Self.markup { Self.cellStart(width: width, span: 1, &$0) } }
        var fitted = FittedParagraphs(font: body, preferred: Self.codeSize)
        let centered = PreparedParagraph(body, alignment: "center")
        let left = PreparedParagraph(body, alignment: "left")
        for group in context.groups {
            if context.isConsolidated {
                writer.open("w:tr")
                writer.open("w:trPr")
                writer.empty("w:cantSplit")
                writer.close("w:trPr")
                cell(layout.groupHeading(group), width: Self.typeWidth, span: widths.count, heading, "left", &writer)
                writer.close("w:tr")
            }
            for row in group.rows {
                writer.raw(bytes: rowStart)
                for ((item, start), width) in zip(zip(row.cells, cellStarts), widths) {
                    writer.raw(bytes: start)
                    let oneLine = item.kind == "code" || item.kind == "email"
                    writer.paragraph(
                        item.lines.isEmpty ? item.text : item.lines.joined(separator: "\n"),
                        oneLine
                            ? fitted.paragraph(item.text, width: Self.innerWidth(width))
                            : item.kind == "text" ? left : centered)
                    writer.close("w:tc")
                }
                writer.close("w:tr")
                writer.yieldIfFull()
            }
        }
        writer.close("w:tbl")
    }

    /// The sign-off under the table, two fields to a line in a table without borders whose rows are at least
    /// 11 mm tall: room to write a name and a date by hand under the stamp.
    func writeSignOff(_ fields: [String], _ font: WordFont, _ writer: inout XMLWriter) {
        guard !fields.isEmpty else { return }
        let half = Self.typeWidth / 2
        writer.openTable(
            width: Self.typeWidth, grid: [half, Self.typeWidth - half], horizontalCellMargin: 0, borders: false)
        for start in stride(from: 0, to: fields.count, by: 2) {
            writer.open("w:tr")
            writer.open("w:trPr")
            writer.empty("w:cantSplit")
            writer.empty("w:trHeight", ["w:val": "624", "w:hRule": "atLeast"])
            writer.close("w:trPr")
            for (offset, width) in [half, Self.typeWidth - half].enumerated() {
                writer.open("w:tc")
                writer.open("w:tcPr")
                writer.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                writer.empty("w:vAlign", ["w:val": "bottom"])
                writer.close("w:tcPr")
                writer.paragraph(start + offset < fields.count ? fields[start + offset] : "", font)
                writer.close("w:tc")
            }
            writer.close("w:tr")
        }
        writer.close("w:tbl")
        writer.paragraph("", font, spaceAfter: 80)
    }

    /// Codes, phones and e-mail addresses at 10 pt, or smaller where one is too wide for its cell: an
    /// 18-character code or an address broken over two lines is copied wrong.
    static let codeSize = 10.0

    /// A cell's width in points less its left and right margins (57 twips each, `openBorderedTable`).
    static func innerWidth(_ twips: Int) -> Double { Double(twips - 2 * 57) / 20 }

    /// CT_Tc: tcPr (tcW, gridSpan, vAlign) and one paragraph.
    func cell(
        _ text: String, width: Int, span: Int = 1, _ font: WordFont, _ alignment: String, _ writer: inout XMLWriter
    ) {
        Self.cellStart(width: width, span: span, &writer)
        writer.paragraph(text, font, alignment: alignment)
        writer.close("w:tc")
    }

    /// `<w:tc><w:tcPr>…</w:tcPr>`.
    static func cellStart(width: Int, span: Int, _ writer: inout XMLWriter) {
        writer.open("w:tc")
        writer.open("w:tcPr")
        writer.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
        if span > 1 { writer.empty("w:gridSpan", ["w:val": String(span)]) }
        writer.empty("w:vAlign", ["w:val": "center"])
        writer.close("w:tcPr")
    }

    /// The bytes `write` writes.
    static func markup(_ write: (inout XMLWriter) -> Void) -> [UInt8] {
        var writer = XMLWriter()
        write(&writer)
        return writer.buffer
    }
}

/// The centred one-line paragraph of a code, phone or e-mail cell, at the largest size (``TextWidth``) that fits
/// its cell; the paragraph markup of each size is made once.
struct FittedParagraphs {
    let font: WordFont
    let preferred: Double
    var made: [Double: PreparedParagraph] = [:]

    init(font: WordFont, preferred: Double) {
        self.font = font
        self.preferred = preferred
    }

    mutating func paragraph(_ text: String, width: Double) -> PreparedParagraph {
        let size = TextWidth.fittingSize(text, width: width, preferred: preferred)
        if let paragraph = made[size] { return paragraph }
        var sized = font
        sized.size = size
        let paragraph = PreparedParagraph(sized, alignment: "center")
        made[size] = paragraph
        return paragraph
    }
}
