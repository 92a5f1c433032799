import GongwenDocuments
import GongwenModel

/// What the notice's HTML template shows: the notice laid out in blocks the template places with CSS.
struct NoticeHTMLContext {
    struct Block {
        var text: String
        /// `body`, `h1` (黑体), `h2` (楷体), `h3` (仿宋): the CSS class of GB/T 9704 §7.3.3's levels.
        var kind: String
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

    init(text: NoticeText, context: PlanNoticeContext) {
        let terms: Set<String> = [context.values.area, context.values.organizerName]
        issuerMark = text.issuerMark
        markSize = Int(min(26, (0.9 * 442 / TitleLines.width(text.issuerMark)).rounded(.down)))
        documentNumber = context.values.documentNumber
        titleLines = TitleLines.split(text.title, maximumWidth: 20, extraTerms: terms)
        recipients = text.recipients + "："
        blocks = text.blocks.map { block in
            switch block {
            case .paragraph(let content): Block(text: content, kind: "body")
            case .heading(let level, let ordinal, let heading):
                Block(text: ordinal + heading, kind: "h\(min(level, 3))")
            }
        }
        hasAttachments = !text.attachments.isEmpty
        attachments = text.attachments.enumerated().map { index, name in
            Attachment(
                label: index == 0 ? "附件：" : "", name: text.attachments.count > 1 ? "\(index + 1). \(name)" : name)
        }
        signature = text.signature
        date = context.values.issueDate
        note = text.note
        attachmentLabel = text.attachments.count > 1 ? "附件1" : "附件"
        attachmentTitleLines =
            text.attachments.first.map { TitleLines.split($0, maximumWidth: 20, extraTerms: terms) } ?? []
        columns = HTMLTable.columns(text.columns.map { ($0.title, $0.width) })
        rows = HTMLTable.rows(context.rows.map(\.cells)) { ![2, 3].contains($0) }
        copyTo = text.copyTo.isEmpty || text.copyTo.hasSuffix("。") ? text.copyTo : text.copyTo + "。"
        printedBy = text.printedBy
    }
}
