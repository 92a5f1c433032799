import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

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

    /// An attachment printed on its own pages: which one (its index in 附件说明), whether its table needs a
    /// landscape page, and what follows its label and title.
    public struct AttachmentPage {
        public var index: Int
        public var landscape: Bool
        public var body: (inout XMLWriter) -> Void

        public init(index: Int, landscape: Bool = false, body: @escaping (inout XMLWriter) -> Void) {
            self.index = index
            self.landscape = landscape
            self.body = body
        }
    }

    let text: NoticeText
    let frame: Frame
    let fonts: NoticeFonts
    /// The attachments printed after the text; an attachment named in 附件说明 without a page is a file that
    /// travels with the notice.
    var attachmentPages: [AttachmentPage]

    /// The 发文机关标志's size when the text is a template's (`{{organizerName}}文件` is not the real width).
    var markSize: Double?
    public init(
        text: NoticeText, frame: Frame, fonts: NoticeFonts = NoticeFonts(), markSize: Double? = nil,
        attachmentBody: @escaping (inout XMLWriter) -> Void
    ) {
        self.init(
            text: text, frame: frame, fonts: fonts, markSize: markSize,
            attachmentPages: text.attachments.isEmpty ? [] : [AttachmentPage(index: 0, body: attachmentBody)])
    }

    public init(
        text: NoticeText, frame: Frame, fonts: NoticeFonts = NoticeFonts(), markSize: Double? = nil,
        attachmentPages: [AttachmentPage]
    ) {
        self.text = text
        self.frame = frame
        self.fonts = fonts
        self.markSize = markSize
        self.attachmentPages = attachmentPages
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
        writeAttachmentPages(&writer)
        writeRecord(&writer)
        GBT9704.writeSection(&writer, columnSpace: 425)
        writer.close("w:body")
        writer.close("w:document")
    }

    /// 版头: 发文机关标志 35 mm below the type area's top, red 小标宋, centred; two blank lines; 发文字号
    /// centred; the red rule 4 mm below it across the type area.
    func writeHead(_ writer: inout XMLWriter) {
        // No size is prescribed (§7.2.4): one rule, `markSize(for:)`, for the notice and the Word template
        // exported from it (whose mark is a tag, so it is given the real mark's size).
        let markSize =
            self.markSize
            ?? Self.markSize(
                for: text.jointIssuers.isEmpty
                    ? text.issuerMark : (text.jointIssuers.max { $0.count < $1.count } ?? "") + text.issuerMark)
        // §7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度 flush left on the first lines, above the mark's place.
        let corner = [text.copyNumber, text.classification, text.urgency].filter { !$0.isEmpty }
        for (index, line) in corner.enumerated() {
            writer.paragraph(line, index == 0 && !text.copyNumber.isEmpty ? body : size3(fonts.heiti), format("left"))
        }
        // The head is laid out off the document grid, so its distances hold whether a word processor snaps
        // lines to the grid (LibreOffice) or not (Word, WPS).
        let spaceBefore = max(0, GBT9704.issuerMarkOffset - corner.count * GBT9704.linePitch)
        if text.jointIssuers.isEmpty {
            var mark = ParagraphFormat(alignment: "center", exactLine: Int(markSize * 20))
            mark.snapToGrid = false
            mark.spaceBefore = spaceBefore
            writer.paragraph(
                text.issuerMark, WordFont(eastAsia: fonts.xiaobiaosong, size: markSize, color: "FF0000"), mark)
        } else {
            writeJointMark(markSize: markSize, spaceBefore: spaceBefore, &writer)
        }
        var blank = grid
        blank.snapToGrid = false
        writer.paragraph("", body, blank)
        writer.paragraph("", body, blank)
        var number = format(text.signer.isEmpty ? "center" : "left")
        number.snapToGrid = false
        // w:space 6 pt: measured on the LibreOffice render (150 dpi, with and without the grid), the rule lies
        // 4 mm under the number's glyphs (§7.2.7).
        number.bottomBorder = ParagraphFormat.Border(size: 12, color: "FF0000", space: 6)
        guard !text.signer.isEmpty else {
            writer.paragraph(frame.documentNumber, body, number)
            return
        }
        // §7.2.5–7.2.6 (上行文): the 文号 one character from the left, 签发人：name (the name in 楷体) one
        // character from the right, on one line.
        number.left = GBT9704.characterPitch
        number.rightTabs = [GBT9704.typeWidth - GBT9704.characterPitch]
        writer.open("w:p")
        writer.paragraphProperties(number, font: body)
        writer.run(frame.documentNumber, body)
        writer.open("w:r")
        writer.runProperties(body)
        writer.empty("w:tab")
        writer.close("w:r")
        writer.run("签发人：", body)
        writer.run(text.signer, size3(fonts.kaiti))
        writer.close("w:p")
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
        if !text.recipients.isEmpty { writer.paragraph(text.recipients + "：", body, format("left")) }
        for (index, block) in text.blocks.enumerated() {
            // §7.3.5: the seal's page must carry body text, so the last paragraph goes with the signature.
            var paragraph = format("both", firstLine: twoCharacters)
            paragraph.keepNext = index == text.blocks.count - 1
            switch block {
            case .paragraph(let content):
                writer.paragraph(content, body, paragraph)
            case .heading(let level, let ordinal, let heading):
                // A heading never ends a page: it stays with the text it heads.
                paragraph.keepNext = true
                writer.paragraph(ordinal + heading, size3(headingFace(level)), paragraph)
            case .runIn(let level, let ordinal, let heading, let content):
                writer.open("w:p")
                writer.paragraphProperties(paragraph, font: body)
                writer.run(ordinal + heading, size3(headingFace(level)))
                writer.run(content, body)
                writer.close("w:p")
            }
        }
        writeAttachmentList(&writer)
        if text.jointIssuers.isEmpty { writeSignature(&writer) } else { writeJointSignatures(&writer) }
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

    /// §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋; all 3号, no bold.
    func headingFace(_ level: Int) -> String {
        level == 1 ? fonts.heiti : level == 2 ? fonts.kaiti : fonts.fangsong
    }

    var terms: Set<String> { frame.terms }
}
