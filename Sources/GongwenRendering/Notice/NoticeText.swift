import Foundation
import GongwenDocuments
import GongwenModel
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

        var issuerMark: String
        var title: String
        var recipients: String
        var body: [Item]
        var attachments: [String]?
        var signature: String
        var note: String?
        var copyTo: String?
        var printedBy: String
        var table: Table?

        enum CodingKeys: String, CodingKey {
            case title, recipients, body, attachments, signature, note, table
            case issuerMark = "issuer_mark"
            case copyTo = "copy_to"
            case printedBy = "printed_by"
        }
    }

    /// Loads `notice.yaml` of `document` and renders it with `values`.
    public static func load(
        document: DocumentKind, from folder: TemplateFolder, values: Any
    ) throws(TemplateError) -> NoticeText {
        let (file, path) = try folder.decodeYAML(File.self, at: "\(document.templateFolder)/notice.yaml")
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
                blocks.append(.heading(level: level + 1, ordinal: ordinal, text: try render(heading)))
            } else if let paragraph = item.text {
                blocks.append(.paragraph(try render(paragraph)))
            }
        }
        var attachments: [String] = []
        for attachment in file.attachments ?? [] { attachments.append(try render(attachment)) }
        return NoticeText(
            issuerMark: try render(file.issuerMark), title: try render(file.title),
            recipients: try render(file.recipients), blocks: blocks, attachments: attachments,
            signature: try render(file.signature), note: try render(file.note ?? ""),
            copyTo: try render(file.copyTo ?? ""), printedBy: try render(file.printedBy),
            columns: file.table?.columns ?? [])
    }
}

extension NoticeText {
    /// The archive record of the notice this text prints (GB/T 33480 core elements; DA/T 46 保管期限): the
    /// same 标题, 主送, 附件说明, 署名, 附注, 抄送 and 印发机关 as the page.
    public func issuance(
        key: String, documentNumber: String, issueDate: CalendarDate, author: String, campaign: Campaign
    ) -> IssuanceRecord {
        let type = IssuanceRecord.documentType(ofTitle: title)
        return IssuanceRecord(
            key: key, documentType: type, issuerMark: issuerMark, documentNumber: documentNumber, title: title,
            recipients: recipients, attachments: attachments, issuer: signature, issueDate: issueDate, note: note,
            copyTo: copyTo, printedBy: printedBy, author: author,
            retention: campaign.retention[key] ?? Retention.default(for: type))
    }
}
