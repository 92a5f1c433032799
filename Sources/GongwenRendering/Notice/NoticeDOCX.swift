import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML

/// The plan notice as a Word document laid out to GB/T 9704-2012: 版头 (red 发文机关标志, 发文字号, red
/// rule), 主体 (title, 主送机关, body with numbered headings, 附件说明, 署名 and 成文日期 with room for the seal,
/// 附注), the plan table as its attachment on a new page, 版记 (抄送, 印发机关 and 印发日期 between rules) at
/// the foot of the last page, and page numbers `— N —` right on odd pages, left on even ones.
public struct NoticeDOCX {
    /// What a notice says about itself besides its wording: its number and date, its issuer, and the words
    /// its titles must not break.
    public struct Frame {
        public var documentNumber: String
        /// 成文日期 as printed, 2019年4月30日.
        public var issueDate: String
        /// The same day, for the package's properties and timestamps.
        public var date: CalendarDate
        public var organizerName: String
        public var terms: Set<String>
    }

    let text: NoticeText
    let frame: Frame
    let fonts: NoticeFonts
    /// Writes the body of the (first) attachment after its label and title.
    var attachmentBody: (inout XMLWriter) -> Void

    /// The 发文机关标志's size when the text is a template's (`{{organizerName}}文件` is not the real width).
    var markSize: Double?
    public init(
        text: NoticeText, frame: Frame, fonts: NoticeFonts = NoticeFonts(), markSize: Double? = nil,
        attachmentBody: @escaping (inout XMLWriter) -> Void
    ) {
        self.text = text
        self.frame = frame
        self.fonts = fonts
        self.markSize = markSize
        self.attachmentBody = attachmentBody
    }

    /// The plan notice: its attachment is the plan table (`rows` replaces the projects, for a template).
    public init(
        text: NoticeText, context: PlanNoticeContext, fonts: NoticeFonts = NoticeFonts(), markSize: Double? = nil,
        rows: [[String]]? = nil
    ) {
        let values = context.values
        let frame = Frame(
            documentNumber: values.documentNumber, issueDate: values.issueDate, date: context.issueDate,
            organizerName: values.organizerName, terms: [values.area, values.organizerName, values.organizerShortName])
        let table = NoticeTableWriter(columns: text.columns, fonts: fonts, width: GBT9704.typeWidth)
        let cells = rows ?? context.rows.map(\.cells)
        self.init(text: text, frame: frame, fonts: fonts, markSize: markSize) { writer in
            table.write(rows: cells, &writer)
        }
    }

    /// The size of the 发文机关标志 for `mark`: no size is prescribed (§7.2.4); it takes at most nine tenths
    /// of the type width, up to 一号.
    static func markSize(for mark: String) -> Double {
        min(26, (0.9 * Double(GBT9704.typeWidth) / 20 / TitleLines.width(mark)).rounded(.down))
    }

    var body: WordFont { size3(fonts.fangsong) }

    /// 3号 in `face`, condensed to the 28-character line.
    func size3(_ face: String) -> WordFont {
        WordFont(eastAsia: face, size: GBT9704.size3, spacing: GBT9704.condensing)
    }
    var grid: ParagraphFormat {
        var format = ParagraphFormat(alignment: "both", exactLine: GBT9704.linePitch)
        format.characterWidth = GBT9704.characterPitch
        return format
    }

    func format(_ alignment: String, firstLine: Int = 0) -> ParagraphFormat {
        var format = grid
        format.alignment = alignment
        format.firstLine = firstLine
        return format
    }

    /// Two characters of 3号, the indent of every body paragraph (§7.3.3).
    var twoCharacters: Int { 2 * GBT9704.characterPitch }

    public func document() throws -> Data {
        let date = frame.date
        return try package().data(date: (date.year, date.month, date.day))
    }

    /// The same package written into `sink` as it is made (a notice with a 50,000-row table attached).
    public func write(to sink: any ZipSink) throws {
        let date = frame.date
        try package().write(to: ZipWriter(sink: sink, year: date.year, month: date.month, day: date.day))
    }

    func writeDocument(_ writer: inout XMLWriter) {
        writer.declaration()
        writer.open(
            "w:document", ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("w:body")
        writeHead(&writer)
        writeMain(&writer)
        if !text.attachments.isEmpty { writeAttachment(&writer) }
        writeRecord(&writer)
        GBT9704.writeSection(&writer, columnSpace: 425)
        writer.close("w:body")
        writer.close("w:document")
    }

    /// 版头: 发文机关标志 35 mm below the type area's top, red 小标宋, centred; two blank lines; 发文字号
    /// centred; the red rule 4 mm below it across the type area.
    func writeHead(_ writer: inout XMLWriter) {
        // No size is prescribed (§7.2.4); the mark takes at most nine tenths of the type width, up to 一号.
        let markSize = min(
            26, (0.9 * Double(GBT9704.typeWidth) / 20 / TitleLines.width(text.issuerMark)).rounded(.down))
        var mark = ParagraphFormat(alignment: "center", exactLine: Int(markSize * 20))
        mark.spaceBefore = GBT9704.issuerMarkOffset
        writer.paragraph(text.issuerMark, WordFont(eastAsia: fonts.xiaobiaosong, size: markSize, color: "FF0000"), mark)
        writer.paragraph("", body, grid)
        writer.paragraph("", body, grid)
        var number = format("center")
        // w:space 3 pt: measured on the render, the rule lies 4 mm under the number's glyphs (§7.2.7).
        number.bottomBorder = ParagraphFormat.Border(size: 12, color: "FF0000", space: 3)
        writer.paragraph(frame.documentNumber, body, number)
    }

    func writeMain(_ writer: inout XMLWriter) {
        writer.paragraph("", body, grid)
        writer.paragraph("", body, grid)
        // §7.3.1: 2号小标宋, centred, on lines that keep words whole.
        let title = WordFont(eastAsia: fonts.xiaobiaosong, size: GBT9704.size2)
        let maximum = Double(GBT9704.typeWidth) / (GBT9704.size2 * 20)
        for line in TitleLines.split(text.title, maximumWidth: maximum.rounded(.down), extraTerms: terms) {
            writer.paragraph(line, title, format("center"))
        }
        writer.paragraph("", body, grid)
        writer.paragraph(text.recipients + "：", body, format("left"))
        for (index, block) in text.blocks.enumerated() {
            // §7.3.5: the seal's page must carry body text, so the last paragraph goes with the signature.
            var paragraph = format("both", firstLine: twoCharacters)
            paragraph.keepNext = index == text.blocks.count - 1
            switch block {
            case .paragraph(let content):
                writer.paragraph(content, body, paragraph)
            case .heading(let level, let ordinal, let heading):
                // §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋; all 3号, no bold.
                let face = level == 1 ? fonts.heiti : level == 2 ? fonts.kaiti : fonts.fangsong
                writer.paragraph(ordinal + heading, size3(face), paragraph)
            }
        }
        writeAttachmentList(&writer)
        writeSignature(&writer)
    }

    /// §7.3.4: one blank line, indented 2 characters: `附件：名称`, or numbered `1. 名称` when several, a
    /// wrapped name aligned with the first character of the name.
    func writeAttachmentList(_ writer: inout XMLWriter) {
        guard !text.attachments.isEmpty else { return }
        var blank = grid
        blank.keepNext = true
        writer.paragraph("", body, blank)
        let label = "附件："
        let labelWidth = 3 * GBT9704.characterPitch
        for (index, name) in text.attachments.enumerated() {
            let numbered = text.attachments.count > 1 ? "\(index + 1). \(name)" : name
            var item = format("left")
            item.keepNext = true
            let numberWidth = text.attachments.count > 1 ? 2 * GBT9704.characterPitch : 0
            item.left = twoCharacters + labelWidth + numberWidth
            item.hanging = index == 0 ? labelWidth + numberWidth : numberWidth
            writer.paragraph((index == 0 ? label : "") + numbered, body, item)
        }
    }

    /// §7.3.5.1: 成文日期 右空四字; 署名 centred over it; the seal presses on both, its top within one line
    /// of the body, so two blank lines leave it room. §7.3.6: 附注 on the next line, indented 2 characters.
    func writeSignature(_ writer: inout XMLWriter) {
        // The seal's room, the 署名 and the date stay on one page (keepNext chains them to the date).
        var together = grid
        together.keepNext = true
        writer.paragraph("", body, together)
        writer.paragraph("", body, together)
        let date = frame.issueDate
        let dateRight = 4 * GBT9704.characterPitch
        let center = Double(dateRight) + TitleLines.width(date) * Double(GBT9704.characterPitch) / 2
        var signature = format("right")
        signature.keepNext = true
        signature.right = max(0, Int(center - TitleLines.width(text.signature) * Double(GBT9704.characterPitch) / 2))
        writer.paragraph(text.signature, body, signature)
        var dated = format("right")
        dated.right = dateRight
        dated.keepNext = !text.note.isEmpty  // the 附注 never starts a page of its own
        writer.paragraph(date, body, dated)
        if !text.note.isEmpty { writer.paragraph(text.note, body, format("left", firstLine: twoCharacters)) }
    }

    /// §7.3.7: the attachment starts a new page: 附件 (numbered when several) in 3号黑体 flush left on line 1,
    /// its title centred on line 3, then its body (the plan table, the list of winners).
    func writeAttachment(_ writer: inout XMLWriter) {
        var first = format("left")
        first.pageBreakBefore = true
        let label = text.attachments.count > 1 ? "附件1" : "附件"
        writer.paragraph(label, size3(fonts.heiti), first)
        writer.paragraph("", body, grid)
        let title = WordFont(eastAsia: fonts.xiaobiaosong, size: GBT9704.size2)
        for line in TitleLines.split(text.attachments[0], maximumWidth: 20, extraTerms: terms) {
            writer.paragraph(line, title, format("center"))
        }
        writer.paragraph("", body, grid)
        attachmentBody(&writer)
    }

    var terms: Set<String> { frame.terms }
}
