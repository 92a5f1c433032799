import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The certificates (combined DOCX, one DOCX per winner, printable HTML, CSV register) and the 质量月
/// commendation list (DOCX, HTML, XLSX, CSV).
public struct AwardsRenderer: Sendable {
    let templates: TemplateFolder
    let order: AwardsContext.Order

    public static let folder = "获奖"

    /// Whether the decision and each certificate are also laid out as OFD (`--ofd`, `archive: ofd`).
    let fixedLayout: Bool

    public init(templates: TemplateFolder, order: AwardsContext.Order = .stroke, fixedLayout: Bool = false) {
        self.templates = templates
        self.order = order
        self.fixedLayout = fixedLayout
    }

    /// Nothing when the campaign has no awards yet.
    public func render(_ data: CampaignData) throws -> [RenderedFile] {
        try jobs(data).renderAll()
    }

    /// How many single certificates one job makes.
    static let certificatesPerJob = 250

    /// The certificates (the combined files, then the single ones in chunks), the list and the decision, as
    /// independent jobs.
    public func jobs(_ data: CampaignData) -> [DocumentJob] {
        guard !data.awards.isEmpty else { return [] }
        let awards = AwardsContext.make(data, order: order)
        let campaign = data.campaign
        var jobs = [DocumentJob("\(Self.folder)/证书") { try certificates(awards, campaign, singles: 0..<0) }]
        for start in stride(from: 0, to: awards.certificates.count, by: Self.certificatesPerJob) {
            let range = start..<min(start + Self.certificatesPerJob, awards.certificates.count)
            jobs.append(
                DocumentJob("\(Self.folder)/证书/单份 \(range.lowerBound + 1)–\(range.upperBound)", weight: 4 * range.count)
                {
                    try certificates(awards, campaign, singles: range, combined: false)
                })
        }
        jobs.append(DocumentJob("\(Self.folder)/表彰名单") { try list(awards) })
        jobs.append(DocumentJob("\(Self.folder)/表彰决定") { try decision(awards, campaign) })
        return jobs
    }

    /// 关于表彰…的决定 (GB/T 9704), the list of winners attached; made when campaign.yaml numbers and dates
    /// it (`document_numbers.commendation`, `issue_dates.commendation`).
    func decision(_ awards: AwardsContext, _ campaign: Campaign) throws -> [RenderedFile] {
        guard let number = campaign.documentNumber(of: AwardsContext.documentKey),
            let date = campaign.issueDate(of: AwardsContext.documentKey)
        else { return [] }
        let count = { (category: AwardCategory) in awards.certificates.filter { $0.category == category }.count }
        let values = CommendationValues(
            year: campaign.year, area: campaign.area, campaignTitle: campaign.title,
            organizerName: campaign.organizer.name,
            organizerShortName: campaign.organizer.shortName, coOrganizer: campaign.coOrganizer,
            signatory: campaign.signatory, documentNumber: number.description, issueDate: date.chinese,
            resultCount: count(.projectResult), groupCount: count(.group), recommenderCount: count(.recommender))
        let text = try NoticeText.load(document: .commendation, from: templates, values: values)
        let frame = NoticeDOCX.Frame(
            documentNumber: number.description, issueDate: date.chinese, date: date,
            organizerName: campaign.organizer.name,
            terms: [campaign.area, campaign.organizer.name, campaign.organizer.shortName])
        let list = CommendationListDOCX(awards: awards)
        let notice = NoticeDOCX(text: text, frame: frame) { writer in list.writeEntries(&writer) }
        let base = "\(Self.folder)/" + FileNaming.safe("\(number) \(text.title)")
        var docx = RenderedFile(
            path: base + ".docx", data: try notice.document(), kind: .commendation,
            documentNumber: number.description, title: text.title, fonts: NoticeFonts().all)
        docx.issuance = text.issuance(
            key: AwardsContext.documentKey, documentNumber: number.description, issueDate: date,
            author: campaign.organizer.name, campaign: campaign)
        // The same paragraphs as the DOCX's list for the fixed-layout copy and the HTML (not a table).
        let paragraphs = awards.listParagraphs
        if fixedLayout, let issuance = docx.issuance {
            docx.fixedLayout = try text.fixedLayout(
                documentNumber: number.description, issueDate: date.chinese, issuance: issuance,
                lists: text.attachments.isEmpty ? [:] : [0: paragraphs])
        }
        // The HTML, laid out by the notices' template, the list of winners as its attachment.
        let html = try templates.load(document: .notice, format: "html", name: "notice.html")
        var page = NoticeHTMLContext(
            text: text, documentNumber: number.description, issueDate: date.chinese,
            terms: [campaign.area, campaign.organizer.name, campaign.organizer.shortName])
        if let name = text.attachments.first {
            page.attachmentPages = [
                NoticeHTMLContext.AttachmentPage(
                    label: text.attachments.count > 1 ? "附件1" : "附件",
                    titleLines: TitleLines.split(name, maximumWidth: 20, extraTerms: [campaign.area]),
                    columns: [], rows: [], landscape: false, table: false, paragraphs: paragraphs.map(\.html))
            ]
        }
        return [
            docx,
            RenderedFile(
                path: base + ".html", data: html.renderData(page), kind: .commendation,
                documentNumber: number.description, title: text.title, fonts: NoticeFonts().all),
        ]
    }

    /// A file name from a certificate's number and recipient (FileNaming removes `/ \ : * ? " < > |`).
    public static func fileName(_ certificate: Certificate) -> String {
        FileNaming.safe("\(certificate.number)-\(certificate.recipient)") + ".docx"
    }

    /// The combined certificate files (when `combined`) and the single certificates of `singles`.
    func certificates(
        _ awards: AwardsContext, _ campaign: Campaign, singles: Range<Int>, combined: Bool = true
    ) throws -> [RenderedFile] {
        let template = try CertificateTemplate.load(from: templates)
        let html = try templates.load(document: .certificate, format: "html", name: "certificates.html")
        let date = campaign.issueDate(of: AwardsContext.documentKey)
        let docx = try CertificateDOCX(
            template: template, date: date.map { ($0.year, $0.month, $0.day) } ?? (1980, 1, 1),
            creator: campaign.organizer.name)
        let fonts = [template.fonts.heading, template.fonts.body]
        let base = "\(Self.folder)/证书"
        var files: [RenderedFile] = []
        for certificate in awards.certificates[singles] {
            let text = template.text(for: certificate, in: awards)
            var file = RenderedFile(
                path: "\(base)/单份/" + Self.fileName(certificate), data: try docx.package([text]), kind: .certificate,
                title: "获奖证书 \(certificate.number) \(certificate.recipient)", fonts: fonts)
            // Its OFD copy, laid out by gongwen (written beside it with --ofd).
            if fixedLayout, let date {
                file.fixedLayout = FixedLayoutCopy(
                    writer: OFDWriter(
                        pages: [CertificatePageLayout.page(text, template: template)],
                        info: OFDWriter.Info(
                            title: file.title, author: campaign.organizer.name, date: date,
                            customData: [("证书编号", certificate.number), ("获奖等级", certificate.level)],
                            identity: "\(campaign.organizer.name)|\(certificate.number)")
                    ))
            }
            files.append(file)
        }
        guard combined else { return files }
        let texts = awards.certificates.map { template.text(for: $0, in: awards) }
        return [
            RenderedFile(
                path: "\(base)/全部获奖证书.docx", data: try docx.package(texts), kind: .certificate,
                title: "\(awards.campaignTitle)获奖证书（\(texts.count)份）", fonts: fonts),
            RenderedFile(
                path: "\(base)/全部获奖证书.html",
                data: Data(
                    html.render(CertificatePages(campaignTitle: awards.campaignTitle, certificates: texts)).utf8),
                kind: .certificate, title: "\(awards.campaignTitle)获奖证书（\(texts.count)份）", fonts: fonts),
            RenderedFile(
                path: "\(base)/证书登记册.csv", data: Data(register(awards).utf8), kind: .certificate,
                title: "获奖证书登记册"),
        ] + files
    }

    /// The register of every certificate: number, category, level, recipient, project, recommender.
    func register(_ awards: AwardsContext) -> String {
        CSVWriter().document(
            header: ["证书编号", "类别", "等级", "获奖对象", "项目名称", "所在单位", "推荐单位"],
            rows: awards.certificates.map {
                [$0.number, $0.category.title, $0.level, $0.recipient, $0.projectName, $0.unit, $0.recommender]
            })
    }

    func list(_ awards: AwardsContext) throws -> [RenderedFile] {
        let html = try templates.load(document: .commendationList, format: "html", name: "list.html")
        let layout = try FormLayout.load(document: .commendationList, from: templates)
        let title = awards.title
        var rows: [BodyRow] = []
        var csvRows: [[String]] = []
        for category in awards.categories {
            // Each category (优秀成果, 优秀小组, 优秀推荐单位) starts a printed page of the workbook.
            rows.append(.heading(category.heading + category.note, newPage: true))
            for level in category.levels {
                if !level.heading.isEmpty { rows.append(.heading(level.heading)) }
                for entry in level.entries {
                    let certificate = entry.certificate
                    let what = certificate.category == .projectResult ? certificate.projectName : certificate.recipient
                    rows.append(
                        .data([
                            .number(entry.number, .center), .text(what, .text), .text(certificate.unit, .text),
                            .text(certificate.recommender, .text), .text(certificate.number, .center),
                        ]))
                    csvRows.append([
                        category.category.title, certificate.level, String(entry.number), what, certificate.unit,
                        certificate.recommender, certificate.number,
                    ])
                }
            }
        }
        let source = TableSheetSource(
            name: layout.sheetName, annexLabel: layout.annexLabel(awards), title: layout.title(awards),
            recommenderLine: layout.recommenderLine(awards), signOff: [], notes: [], rowCount: rows.count,
            rows: { AnyIterator(rows.makeIterator()) })
        let workbook = try TableWorkbook(layout: layout).package(
            [source], core: CorePropertiesPart(title: title, creator: awards.issuer, created: nil)
        ).data()
        let csv = CSVWriter().document(
            header: ["类别", "等级", "序号", "获奖项目或对象", "单位", "推荐单位", "证书编号"], rows: csvRows)
        let base = "\(Self.folder)/" + FileNaming.safe(title)
        let fonts = NoticeFonts().all
        return [
            RenderedFile(
                path: base + ".docx", data: try CommendationListDOCX(awards: awards).document(),
                kind: .commendationList,
                title: title, fonts: fonts),
            RenderedFile(
                path: base + ".html", data: html.renderData(awards), kind: .commendationList, title: title),
            RenderedFile(
                path: base + ".xlsx", data: workbook, kind: .commendationList, title: title,
                fonts: [layout.fonts.title, layout.fonts.body, layout.fonts.heading]),
            RenderedFile(path: base + ".csv", data: Data(csv.utf8), kind: .commendationList, title: title),
        ]
    }
}

/// The names the commendation decision's wording may use.
struct CommendationValues {
    var year: Int
    var area: String
    var campaignTitle: String
    var organizerName: String
    var organizerShortName: String
    var coOrganizer: String
    var signatory: String
    var documentNumber: String
    var issueDate: String
    var resultCount: Int
    var groupCount: Int
    var recommenderCount: Int
}

/// What the certificates' HTML template shows.
struct CertificatePages {
    var campaignTitle: String
    var certificates: [CertificateTemplate.Text]
}
