import GongwenDocuments
import GongwenModel
import GongwenTemplates

/// What the notice's HTML template shows: the notice laid out in blocks the template places with CSS.
struct NoticeHTMLContext: Sendable {
    struct Block {
        var text: String
        /// `body`, `h1` (黑体), `h2` (楷体), `h3` (仿宋): the CSS class of GB/T 9704 §7.3.3's levels.
        var kind: String
        /// A run-in heading before `text` (`（一）宣传推动。`), set in `leadKind`'s face; empty for none.
        var lead = ""
        var leadKind = ""
    }

    /// An attachment printed on its own pages.
    struct AttachmentPage {
        var label: String
        var titleLines: [String]
        var columns: [HTMLTable.Column]
        var rows: [HTMLTable.Row]
        /// On an A4 landscape page (the 附件2 form).
        var landscape: Bool
        /// Lines above and below the table (a form's 推荐单位 line, sign-off and notes).
        var before: [String] = []
        var after: [String] = []
        /// Whether the page holds a table (stored: the template reads it); a page set as text (the decision's
        /// list of winners) has `paragraphs` instead.
        var table = true
        var paragraphs: [Paragraph] = []
    }

    /// A paragraph of an attachment set as text; `style` its CSS classes (``ListParagraph/html``).
    struct Paragraph {
        var text: String
        var style: String
    }

    struct Attachment {
        /// `附件：` on the first, empty on the others (aligned under the first name).
        var label: String
        var name: String
    }

    var issuerMark: String
    var markSize: Int
    var documentNumber: String
    var titleLines: [String]
    var recipients: String
    var blocks: [Block]
    var hasAttachments: Bool
    var attachments: [Attachment]
    var signature: String
    var date: String
    var note: String
    var attachmentLabel: String
    var attachmentTitleLines: [String]
    var columns: [HTMLTable.Column]
    var rows: [HTMLTable.Row]
    var copyTo: String
    var printedBy: String
    /// 份号, 密级和保密期限, 紧急程度 at the top left (§7.2.1–7.2.3).
    var corner: [String] = []
    var hasCorner = false
    /// 联合行文: the issuers stacked in the mark and signing in a row; `hasJoint` when there are several.
    var jointIssuers: [String] = []
    var hasJoint = false
    var single = true
    /// The joint 署名 one to a row (a name too long for half the type area).
    var signaturesOnePerRow = false
    /// 签发人 of a 上行文: the 文号 left and this right on one line (§7.2.6).
    var signer = ""
    var hasRecipients = true
    /// Every attachment printed on its own pages (the generic notices' template).
    var attachmentPages: [AttachmentPage] = []

    /// A notice of the year (`Templates/notices/<key>.yaml`) with its attachment tables.
    init(text: NoticeText, values: NoticeValues, tables: [Int: NoticeAttachmentTable]) {
        let terms: Set<String> = [values.area, values.organizerName, values.organizerShortName]
        self.init(text: text, documentNumber: values.documentNumber, issueDate: values.issueDate, terms: terms)
        attachmentPages = tables.keys.sorted().compactMap { index in
            guard let table = tables[index], index < text.attachments.count else { return nil }
            let left = Set(table.columns.enumerated().filter(\.element.leftAligned).map(\.offset))
            return AttachmentPage(
                label: text.attachments.count > 1 ? "附件\(index + 1)" : "附件",
                titleLines: TitleLines.split(
                    text.attachments[index], maximumWidth: table.landscape ? 28 : 20, extraTerms: terms),
                columns: HTMLTable.columns(table.columns.map { ($0.title, $0.width) }),
                rows: HTMLTable.rows(table.rows) { !left.contains($0) }, landscape: table.landscape,
                before: table.before, after: table.after)
        }
    }

    init(text: NoticeText, documentNumber: String, issueDate: String, terms: Set<String>) {
        issuerMark = text.issuerMark
        markSize = Int(min(26, (0.9 * 442 / TitleLines.width(text.issuerMark)).rounded(.down)))
        self.documentNumber = documentNumber
        titleLines = TitleLines.split(text.title, maximumWidth: 20, extraTerms: terms)
        recipients = text.recipients + "："
        hasRecipients = !text.recipients.isEmpty
        blocks = text.blocks.map(Self.block)
        hasAttachments = !text.attachments.isEmpty
        attachments = text.attachments.enumerated().map { index, name in
            Attachment(
                label: index == 0 ? "附件：" : "", name: text.attachments.count > 1 ? "\(index + 1). \(name)" : name)
        }
        signature = text.signature
        date = issueDate
        note = text.note
        attachmentLabel = text.attachments.count > 1 ? "附件1" : "附件"
        attachmentTitleLines =
            text.attachments.first.map { TitleLines.split($0, maximumWidth: 20, extraTerms: terms) } ?? []
        columns = []
        rows = []
        copyTo = text.copyTo.isEmpty || text.copyTo.hasSuffix("。") ? text.copyTo : text.copyTo + "。"
        printedBy = text.printedBy
        corner = [text.copyNumber, text.classification, text.urgency].filter { !$0.isEmpty }
        hasCorner = !corner.isEmpty
        jointIssuers = text.jointIssuers
        hasJoint = !jointIssuers.isEmpty
        single = !hasJoint
        signaturesOnePerRow = NoticeDOCX.signaturesPerRow(jointIssuers) == 1
        if hasJoint {
            let longest = (jointIssuers.map { TitleLines.width($0) }.max() ?? 1) + TitleLines.width(text.issuerMark)
            markSize = Int(min(26, (0.9 * 442 / longest).rounded(.down)))
        }
        signer = text.signer
    }

    static func block(_ block: NoticeText.Block) -> Block {
        switch block {
        case .paragraph(let content): Block(text: content, kind: "body")
        case .heading(let level, let ordinal, let heading): Block(text: ordinal + heading, kind: "h\(min(level, 3))")
        case .runIn(let level, let ordinal, let heading, let content):
            Block(text: content, kind: "body", lead: ordinal + heading, leadKind: "h\(min(level, 3))")
        }
    }

    init(text: NoticeText, context: PlanNoticeContext) {
        let terms: Set<String> = [context.values.area, context.values.organizerName]
        self.init(
            text: text, documentNumber: context.values.documentNumber, issueDate: context.values.issueDate,
            terms: terms)
        columns = HTMLTable.columns(text.columns.map { ($0.title, $0.width) })
        rows = HTMLTable.rows(context.rows.map(\.cells)) { ![2, 3].contains($0) }
    }
}
