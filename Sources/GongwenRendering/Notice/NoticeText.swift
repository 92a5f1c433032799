import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTemplates
import Mustache
import Yams

/// The wording of an official notice from `Templates/<document>/notice.yaml`, with the document's values in
/// it. The YAML is parsed first and each string rendered after as plain text, so values cannot change its
/// structure; the formats escape them.
public struct NoticeText: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A heading of level 1…4, numbered 一、 （一） 1. （1） (GB/T 9704 §7.3.3).
        case heading(level: Int, ordinal: String, text: String)
        /// A numbered heading with its paragraph run in after it (`（一）宣传推动。各有关单位…`): the ordinal and
        /// heading in the level's face, the text in 仿宋.
        case runIn(level: Int, ordinal: String, heading: String, text: String)
    }

    /// What an attachment of the notice is: a table made from the data on its own pages, or (nil) a file
    /// named in 附件说明 only.
    public struct AttachmentTable: Sendable, Equatable {
        public var kind: NoticeAttachmentTable.Kind
        public var levels: [String]?
    }

    public struct Column: Sendable, Equatable, Decodable {
        public var title: String
        public var width: Double
    }

    public var issuerMark: String
    public var title: String
    public var recipients: String
    public var blocks: [Block]
    public var attachments: [String]
    public var signature: String
    public var note: String
    public var copyTo: String
    public var printedBy: String
    public var columns: [Column]
    /// By attachment index, the table each generated attachment holds.
    public var attachmentTables: [Int: AttachmentTable] = [:]
    /// 份号, 密级和保密期限, 紧急程度 (top left of the head, GB/T 9704 §7.2.1–7.2.3), empty when none.
    public var copyNumber = ""
    public var classification = ""
    public var urgency = ""
    /// 签发人 of a 上行文 (§7.2.6): the 文号 then sits left, the 签发人 right, on one line.
    public var signer = ""
    /// One copy per recommender, each 主送 that recommender (`{{recipient}}`).
    public var perRecipient = false
    /// 联合行文 (§7.2.4, §7.3.5): the issuers, host first. Their names stack in the mark with `issuerMark`
    /// (文件) to the right, and each signs on its own; empty for one issuer.
    public var jointIssuers: [String] = []
    struct File: Decodable {
        struct Item: Decodable {
            var text: String?
            var heading1: String?
            var heading2: String?
            var heading3: String?
            var heading4: String?
        }

        struct Table: Decodable {
            var columns: [Column]
        }

        /// An attachment: its name alone (listed in 附件说明 only), or `{title:, table:, levels:}`.
        struct Attachment: Decodable {
            var title: String
            var table: String?
            var levels: [String]?

            enum CodingKeys: String, CodingKey { case title, table, levels }

            init(from decoder: any Decoder) throws {
                if let name = try? decoder.singleValueContainer().decode(String.self) {
                    title = name
                    return
                }
                let container = try decoder.container(keyedBy: CodingKeys.self)
                title = try container.decode(String.self, forKey: .title)
                table = try container.decodeIfPresent(String.self, forKey: .table)
                levels = try container.decodeIfPresent([String].self, forKey: .levels)
            }
        }

        var issuerMark: String
        var title: String
        var recipients: String?
        var body: [Item]
        var attachments: [Attachment]?
        var signature: String
        var note: String?
        var copyTo: String?
        var printedBy: String
        var table: Table?
        var copyNumber: String?
        var classification: String?
        var urgency: String?
        var signer: String?
        var perRecipient: Bool?
        var jointIssuers: [String]?

        enum CodingKeys: String, CodingKey {
            case title, recipients, body, attachments, signature, note, table, classification, urgency, signer
            case issuerMark = "issuer_mark"
            case copyTo = "copy_to"
            case printedBy = "printed_by"
            case copyNumber = "copy_number"
            case perRecipient = "per_recipient"
            case jointIssuers = "joint_issuers"
        }
    }

    /// Loads `notice.yaml` of `document` and renders it with `values`.
    public static func load(
        document: DocumentKind, from folder: TemplateFolder, values: Any
    ) throws(TemplateError) -> NoticeText {
        try load(path: "\(document.templateFolder)/notice.yaml", from: folder, values: values)
    }

    /// Whether the notice at `path` asks for one copy per recommender (read before its values are made).
    public static func isPerRecipient(path: String, in folder: TemplateFolder) throws(TemplateError) -> Bool {
        try folder.decodeYAML(File.self, at: path).0.perRecipient ?? false
    }

    /// Loads the notice YAML at `path` (under the templates folder) and renders it with `values`.
    public static func load(path relativePath: String, from folder: TemplateFolder, values: Any) throws(TemplateError)
        -> NoticeText
    {
        let (file, path) = try folder.decodeYAML(File.self, at: relativePath)
        let context = TemplateValues.make(values)
        func render(_ string: String) throws(TemplateError) -> String {
            try TemplateFolder.textTemplates([string], path: path)[string]?.render(context) ?? string
        }
        var counters = [0, 0, 0, 0]
        var blocks: [Block] = []
        let levels: [ChineseNumeral.Level] = [.first, .second, .third, .fourth]
        for item in file.body {
            let headings = [item.heading1, item.heading2, item.heading3, item.heading4]
            if let level = headings.firstIndex(where: { $0 != nil }), let heading = headings[level] {
                counters[level] += 1
                for deeper in (level + 1)..<counters.count { counters[deeper] = 0 }
                let ordinal = ChineseNumeral.ordinal(counters[level], level: levels[level])
                if let text = item.text {
                    blocks.append(
                        .runIn(level: level + 1, ordinal: ordinal, heading: try render(heading), text: try render(text))
                    )
                } else {
                    blocks.append(.heading(level: level + 1, ordinal: ordinal, text: try render(heading)))
                }
            } else if let paragraph = item.text {
                blocks.append(.paragraph(try render(paragraph)))
            }
        }
        var attachments: [String] = []
        var tables: [Int: AttachmentTable] = [:]
        for (index, attachment) in (file.attachments ?? []).enumerated() {
            attachments.append(try render(attachment.title))
            guard let name = attachment.table else { continue }
            guard let kind = NoticeAttachmentTable.Kind(rawValue: name) else {
                let known = NoticeAttachmentTable.Kind.allCases.map(\.rawValue).joined(separator: "、")
                throw TemplateError(
                    file: path, line: nil, column: nil,
                    message: "附件的表格“\(name)”未知，可用：\(known) / unknown attachment table \"\(name)\"; use: \(known)")
            }
            tables[index] = AttachmentTable(kind: kind, levels: attachment.levels)
        }
        var text = NoticeText(
            issuerMark: try render(file.issuerMark), title: try render(file.title),
            recipients: try render(file.recipients ?? ""), blocks: blocks, attachments: attachments,
            signature: try render(file.signature), note: try render(file.note ?? ""),
            copyTo: try render(file.copyTo ?? ""), printedBy: try render(file.printedBy),
            columns: file.table?.columns ?? [])
        text.attachmentTables = tables
        text.copyNumber = try render(file.copyNumber ?? "")
        text.classification = try render(file.classification ?? "")
        text.urgency = try render(file.urgency ?? "")
        text.signer = try render(file.signer ?? "")
        text.perRecipient = file.perRecipient ?? false
        for issuer in file.jointIssuers ?? [] { text.jointIssuers.append(try render(issuer)) }
        return text
    }
}

extension NoticeText {
    /// The archive record of the notice this text prints (GB/T 33480 core elements; DA/T 46 保管期限): the
    /// same 标题, 主送, 附件说明, 署名, 附注, 抄送 and 印发机关 as the page.
    public func issuance(
        key: DocumentKey, documentNumber: String, issueDate: CalendarDate, author: String, campaign: Campaign
    ) -> IssuanceRecord {
        let type = IssuanceRecord.documentType(ofTitle: title)
        var record = IssuanceRecord(
            key: key, documentType: type, issuerMark: issuerMark, documentNumber: documentNumber, title: title,
            recipients: recipients, attachments: attachments, issuer: signature, issueDate: issueDate, note: note,
            copyTo: copyTo, printedBy: printedBy, author: author,
            retention: campaign.retention[key.rawValue] ?? Retention.default(for: type))
        record.copyNumber = copyNumber
        record.classification = classification
        record.urgency = urgency
        record.signer = signer
        if !jointIssuers.isEmpty {
            record.issuer = jointIssuers.joined(separator: "、")
            record.author = jointIssuers.joined(separator: "、")
        }
        return record
    }
}

extension NoticeText {
    /// The notice laid out on GB/T 9704 pages by gongwen (``NoticePageLayout``), written as OFD and as the
    /// same pages for a browser.
    public func fixedLayout(
        documentNumber: String, issueDate: String, issuance: IssuanceRecord,
        tables: [Int: NoticeAttachmentTable] = [:], lists: [Int: [ListParagraph]] = [:]
    ) throws -> FixedLayoutCopy {
        let mark =
            jointIssuers.isEmpty ? issuerMark : (jointIssuers.max { $0.count < $1.count } ?? "") + issuerMark
        var layout = NoticePageLayout(
            text: self, documentNumber: documentNumber, issueDate: issueDate, fonts: NoticeFonts(),
            markSize: NoticeDOCX.markSize(for: mark))
        layout.tables = tables
        layout.lists = lists
        let pages = layout.layout()
        return FixedLayoutCopy(
            writer: OFDWriter(pages: pages, issuance: issuance),
            previewTitle: "\(documentNumber) \(title)")
    }
}
