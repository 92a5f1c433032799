import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The notice engine: every notice of the year described by one YAML file, `Templates/notices/<key>.yaml`
/// (built-in or in the office's templates folder), laid out to GB/T 9704 as DOCX and HTML with no Swift
/// written for it. `<key>` is the notice's key in campaign.yaml: a notice is made once `document_numbers`
/// and `issue_dates` give it a 文号 and a 成文日期, and is "not yet" until then.
public struct NoticeRenderer: Sendable {
    let templates: TemplateFolder

    /// The folder the notices go to, under the output folder.
    public static let folder = "公文"
    /// Where the notices' YAML files live, under the templates folder.
    public static let templateFolder = DocumentKind.notice.templateFolder

    /// Whether each notice is also laid out as OFD (`--ofd`, `archive: ofd`).
    let fixedLayout: Bool

    public init(templates: TemplateFolder, fixedLayout: Bool = false) {
        self.templates = templates
        self.fixedLayout = fixedLayout
    }

    /// The key of every notice the templates describe, the office's and the built-in ones, in order.
    public func keys() -> [String] {
        templates.files().compactMap { path in
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[0] == Self.templateFolder, parts[1].hasSuffix(".yaml") else { return nil }
            return String(parts[1].dropLast(5))
        }
    }

    /// The notices campaign.yaml does not number and date yet, with the key each waits for.
    public func notYet(_ data: CampaignData) -> [String] {
        keys().filter { NoticeValues.make(key: DocumentKey($0), data: data) == nil }
    }

    /// One job per notice that campaign.yaml numbers and dates; a notice issued one copy per recipient gets
    /// one job per copy, so its copies are made on every core (100 copies in one job took 11 s of a
    /// 100,000-declaration build on one core). The copies stay in recommender order, as jobs' files do.
    public func jobs(_ data: CampaignData) -> [DocumentJob] {
        let tables = NoticeAttachmentTable.Maker(data)
        return keys().flatMap { key -> [DocumentJob] in
            guard NoticeValues.make(key: DocumentKey(key), data: data) != nil else { return [] }
            let path = "\(Self.templateFolder)/\(key).yaml"
            // A notice whose YAML does not read is one job, which then fails with the reason.
            guard (try? NoticeText.isPerRecipient(path: path, in: templates)) == true else {
                return [DocumentJob("\(Self.folder)/\(key)", weight: 1) { try render(key: key, data: data) }]
            }
            return data.campaign.recommenders.map { recipient in
                DocumentJob("\(Self.folder)/\(key)/\(recipient.id)", weight: 1) {
                    try notice(key: key, data: data, tables: tables, recipient: recipient)
                }
            }
        }
    }

    func render(key: String, data: CampaignData) throws -> [RenderedFile] {
        let path = "\(Self.templateFolder)/\(key).yaml"
        let tables = NoticeAttachmentTable.Maker(data)
        guard try NoticeText.isPerRecipient(path: path, in: templates) else {
            return try notice(key: key, data: data, tables: tables, recipient: nil)
        }
        // One copy per recommender, each 主送 that recommender, in a folder of the notice's name.
        return try data.campaign.recommenders.flatMap {
            try notice(key: key, data: data, tables: tables, recipient: $0)
        }
    }

    func notice(key: String, data: CampaignData, tables maker: NoticeAttachmentTable.Maker, recipient: Recommender?)
        throws -> [RenderedFile]
    {
        guard let values = NoticeValues.make(key: DocumentKey(key), data: data, recipient: recipient?.name ?? ""),
            let date = data.campaign.issueDate(of: DocumentKey(key))
        else { return [] }
        let text = try NoticeText.load(path: "\(Self.templateFolder)/\(key).yaml", from: templates, values: values)
        let html = try templates.load(document: .notice, format: "html", name: "notice.html")
        var tables: [Int: NoticeAttachmentTable] = [:]
        for (index, attachment) in text.attachmentTables {
            var table = maker.table(attachment.kind, levels: attachment.levels, recipient: recipient)
            if table.kind == .blankForm {
                // The form as recommenders print it: its 推荐单位 line above, its sign-off and notes below,
                // worded as form.yaml words them.
                let layout = try FormLayout.load(document: .declarationTable, from: templates)
                var context = DeclarationTableContext.consolidated(
                    CampaignData(campaign: data.campaign, declarations: []))
                context.isConsolidated = false
                table.before = [layout.recommenderLine(context)]
                // The sign-off two fields to a line, as the form prints it.
                let signOff = layout.signOff(context)
                let lines = stride(from: 0, to: signOff.count, by: 2).map { start in
                    signOff[start..<min(start + 2, signOff.count)].joined(separator: "　　　　　　　　")
                }
                table.after = lines + layout.notes(context)
            }
            tables[index] = table
        }
        // A recommender with nothing in its copy's tables (no planned project) gets no copy.
        if recipient != nil, !tables.isEmpty, tables.values.allSatisfy({ $0.rows.isEmpty }) { return [] }
        let name = FileNaming.safe("\(values.documentNumber) \(text.title)")
        let base =
            recipient.map { "\(Self.folder)/\(name)/" + FileNaming.safe("\(name)（\($0.shortName ?? $0.name)）") }
            ?? "\(Self.folder)/\(name)"
        let frame = NoticeDOCX.Frame(
            documentNumber: values.documentNumber, issueDate: values.issueDate, date: date,
            organizerName: values.organizerName,
            terms: [values.area, values.organizerName, values.organizerShortName])
        let fonts = NoticeFonts()
        let pages = tables.keys.sorted().compactMap { index -> NoticeDOCX.AttachmentPage? in
            guard let table = tables[index] else { return nil }
            let width = table.landscape ? GBT9704.typeHeight : GBT9704.typeWidth
            return NoticeDOCX.AttachmentPage(index: index, landscape: table.landscape) { writer in
                table.write(fonts: fonts, width: width, &writer)
            }
        }
        let document = NoticeDOCX(text: text, frame: frame, fonts: fonts, attachmentPages: pages)
        var docx = RenderedFile(
            path: base + ".docx", data: try document.document(), kind: .notice, documentNumber: values.documentNumber,
            title: text.title, fonts: fonts.all)
        docx.issuance = text.issuance(
            key: DocumentKey(key), documentNumber: values.documentNumber, issueDate: date, author: values.organizerName,
            campaign: data.campaign)
        if fixedLayout, let issuance = docx.issuance {
            docx.fixedLayout = try text.fixedLayout(
                documentNumber: values.documentNumber, issueDate: values.issueDate, issuance: issuance, tables: tables)
        }
        let page = NoticeHTMLContext(text: text, values: values, tables: tables)
        return [
            docx,
            RenderedFile(
                path: base + ".html", data: html.renderData(page), kind: .notice, documentNumber: values.documentNumber,
                title: text.title, fonts: fonts.all),
        ]
    }
}
