import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTemplates

/// Checks every template of a folder (the office's and the built-in ones it falls back to) against the
/// contexts the campaign's documents will give them. A document the campaign does not produce yet (no plan,
/// no awards) is checked against nothing it lacks: its lists are empty and their items cannot be checked.
public struct TemplateChecker {
    let templates: TemplateFolder
    let data: CampaignData

    /// - Parameter data: the campaign; the check reads a small sample of it (`sample(of:)`), so its cost does not
    ///   grow with the number of declarations.
    public init(templates: TemplateFolder, data: CampaignData) {
        self.templates = templates
        self.data = Self.sample(of: data)
    }

    /// A few rows of every list, enough to give each template every shape of value it will meet: the first
    /// declarations, the first plan entries, the first winners of each category, and the declarations those
    /// refer to. Names are checked against shapes, not against every row (at 100,000 declarations rendering
    /// every row made the check take 40 s).
    static func sample(of data: CampaignData, rows: Int = 3) -> CampaignData {
        let plan = Array(data.plan.prefix(rows))
        var awards: [Award] = []
        for category in Set(data.awards.map(\.category)).sorted(by: { $0.title < $1.title }) {
            awards += data.awards.filter { $0.category == category }.prefix(rows)
        }
        let referred = Set(plan.map(\.projectKey) + awards.map(\.projectKey))
        var declarations: [Declaration] = []
        var perRecommender: [String: Int] = [:]
        for declaration in data.declarations {
            let taken = perRecommender[declaration.recommender, default: 0]
            if referred.contains(declaration.projectKey) || (taken < 1 && declarations.count < rows * 4) {
                declarations.append(declaration)
                perRecommender[declaration.recommender] = taken + 1
            }
        }
        return CampaignData(campaign: data.campaign, declarations: declarations, plan: plan, awards: awards)
    }

    /// Each template file and the value tree it is rendered with.
    func subjects() -> [(path: String, values: Any)] {
        let table = DeclarationTableContext.consolidated(data)
        // form.yaml's strings get the table's values; its group heading gets a group's (recommender, count).
        var tableValues = TemplateNameCheck.values(of: table) as? [String: Any] ?? [:]
        tableValues["count"] = 0
        var subjects: [(String, Any)] = [
            ("declaration-table/html/table.html.mustache", TemplateNameCheck.values(of: table)),
            ("declaration-table/form.yaml", tableValues),
        ]
        if let notice = PlanNoticeContext.make(data) {
            let values = TemplateNameCheck.values(of: notice.values)
            subjects += [("plan-notice/notice.yaml", values), ("plan-table/form.yaml", values)]
            if let text = try? NoticeText.load(document: .planNotice, from: templates, values: notice.values) {
                subjects.append(
                    (
                        "plan-notice/html/notice.html.mustache",
                        TemplateNameCheck.values(of: NoticeHTMLContext(text: text, context: notice))
                    ))
            }
            let page = PlanTablePage(
                annexLabel: "", title: "", columns: [.init(title: "", width: 0)],
                rows: [
                    .init(cells: [.init(text: "", centered: false)])
                ])
            subjects.append(("plan-table/html/table.html.mustache", TemplateNameCheck.values(of: page)))
        }
        let awards = AwardsContext.make(data)
        let certificate = CertificateTemplate.Values(
            recipient: "", unit: "", project: "", level: "", campaignTitle: "", year: 0, issuer: "", date: "",
            number: "")
        subjects += [
            ("certificate/certificate.yaml", TemplateNameCheck.values(of: certificate)),
            ("commendation-list/form.yaml", TemplateNameCheck.values(of: awards)),
            ("commendation-list/html/list.html.mustache", TemplateNameCheck.values(of: awards)),
        ]
        // The decision's wording (checked with the values its renderer gives it).
        let commendation = CommendationValues(
            year: 0, area: "", campaignTitle: "", organizerName: "", organizerShortName: "", coOrganizer: "",
            signatory: "", documentNumber: "", issueDate: "", resultCount: 0, groupCount: 0, recommenderCount: 0)
        subjects.append(("commendation/notice.yaml", TemplateNameCheck.values(of: commendation)))
        subjects += noticeSubjects()
        subjects.append(
            ("import-report/html/report.html.mustache", TemplateNameCheck.values(of: ImportReportContext.sample)))
        subjects.append(("web/html/page.html.mustache", TemplateNameCheck.values(of: WebPage.sample)))
        // The scoring rules have no {{names}}; check() reads them as the judging does.
        subjects.append((ScoringRulesFile.path, [String: Any]()))
        if let template = try? CertificateTemplate.load(from: templates) {
            let texts = awards.certificates.prefix(1).map { template.text(for: $0, in: awards) }
            subjects.append(
                (
                    "certificate/html/certificates.html.mustache",
                    TemplateNameCheck.values(of: CertificatePages(campaignTitle: "", certificates: Array(texts)))
                ))
        }
        return subjects
    }

    /// Every notice of the year (`notices/<key>.yaml`) with the values it gets, placeholders where
    /// campaign.yaml does not number and date it yet, and the notices' HTML template.
    func noticeSubjects() -> [(path: String, values: Any)] {
        let renderer = NoticeRenderer(templates: templates)
        let keys = renderer.keys()
        let known: [DocumentKey] =
            keys.map { DocumentKey($0) } + [PlanNoticeContext.documentKey, AwardsContext.documentKey]
            + data.campaign.documentSerials.keys.map { DocumentKey($0) }
        var subjects: [(String, Any)] = []
        var sample: (NoticeText, NoticeValues)?
        for key in keys {
            let values =
                NoticeValues.make(key: DocumentKey(key), data: data, recipient: "推荐单位")
                ?? NoticeValues.placeholder(key: DocumentKey(key), data: data, keys: known)
            let path = "\(NoticeRenderer.templateFolder)/\(key).yaml"
            subjects.append((path, TemplateNameCheck.values(of: values)))
            if sample == nil, let text = try? NoticeText.load(path: path, from: templates, values: values) {
                sample = (text, values)
            }
        }
        if let (text, values) = sample {
            // An attachment page and every optional part present, so that each name in the template is checked.
            var full = text
            full.attachments = ["附件"]
            full.copyNumber = "000001"
            full.signer = "签发人"
            let table = NoticeAttachmentTable.make(.blankForm, data: data)
            var page = NoticeHTMLContext(text: full, values: values, tables: [0: table])
            page.attachmentPages = page.attachmentPages.map { page in
                var page = page
                page.before = [""]
                page.after = [""]
                page.paragraphs = [NoticeHTMLContext.Paragraph(text: "", style: "")]
                return page
            }
            subjects.append(
                ("\(NoticeRenderer.templateFolder)/html/notice.html.mustache", TemplateNameCheck.values(of: page)))
        }
        return subjects
    }

    /// A template error as one finding, its message's Chinese and English halves apart (not printed twice).
    static func finding(_ error: TemplateError) -> TemplateNameCheck.Finding {
        let halves = error.message.components(separatedBy: " / ")
        return TemplateNameCheck.Finding(
            file: error.file, line: error.line ?? 0, column: error.column ?? 0, severity: .error,
            chinese: halves[0], english: halves.count > 1 ? halves[1...].joined(separator: " / ") : halves[0])
    }

    /// Every finding, in file order.
    public func check() -> [TemplateNameCheck.Finding] {
        var findings = checkWordTemplates()
        do {
            _ = try ScoringRulesFile.load(from: templates)
        } catch {
            findings.append(Self.finding(error))
        }
        for (relative, values) in subjects() {
            let url = templates.resolve(relative)
            let path = templates.displayPath(url)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if relative.hasSuffix(".yaml") {
                // Each YAML line holding a tag is checked on its own, with its line number.
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("{{") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                    findings += TemplateNameCheck.check(String(line), file: path, values: values, lineOffset: index)
                }
            } else {
                findings += TemplateNameCheck.check(text, file: path, values: values)
            }
        }
        return findings
    }

    /// Word-made templates: one that cannot be prepared (a tag in an attribute, a broken file) is an error;
    /// the names of one that can are checked like any other template's.
    func checkWordTemplates() -> [TemplateNameCheck.Finding] {
        guard let notice = PlanNoticeContext.make(data) else { return [] }
        let subjects: [(String, Any)] = [
            ("plan-table/docx/table.docx", PlanTableWordValues(notice)),
            ("plan-notice/docx/notice.docx", NoticeWordValues(notice)),
        ]
        var findings: [TemplateNameCheck.Finding] = []
        for (relative, values) in subjects {
            let url = templates.resolve(relative)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let path = templates.displayPath(url)
            do {
                let template = try WordTemplate.load(from: url, displayPath: path)
                let document = template.preparedDocument
                // Places named as Word shows them: the paragraph or table cell and its text.
                let names = TemplateNameCheck.check(document, file: path, values: TemplateNameCheck.values(of: values))
                    .map { finding in
                        var named = finding
                        named.file =
                            path + "（"
                            + WordTemplatePlaces.describe(
                                document,
                                offset: WordTemplatePlaces.byteOffset(
                                    in: document, line: finding.line, column: finding.column))
                            + "）"
                        named.line = 0
                        named.column = 0
                        return named
                    }
                findings += names
                for other in WordTemplatePlaces.otherLanguages(document) {
                    findings.append(
                        TemplateNameCheck.Finding(
                            file: path, line: 0, column: 0, severity: .error, chinese: other.chinese,
                            english: other.english))
                }
                // Rendered with the campaign's values, the document must be well-formed XML.
                if names.isEmpty { _ = try template.render(values, date: (1980, 1, 1)) }
            } catch {
                findings.append(Self.finding(error))
            }
        }
        let excel = templates.resolve("plan-table/xlsx/table.xlsx")
        if FileManager.default.fileExists(atPath: excel.path) {
            let path = templates.displayPath(excel)
            do {
                let template = try ExcelTemplate.load(from: excel, displayPath: path)
                let values = TemplateNameCheck.values(of: PlanTableWordValues(notice))
                for (row, text) in template.taggedRows() {
                    findings += TemplateNameCheck.check(text, file: path + "（第\(row)行 row \(row)）", values: values)
                }
                _ = try template.render(PlanTableWordValues(notice), date: (1980, 1, 1))
            } catch {
                findings.append(
                    TemplateNameCheck.Finding(
                        file: error.file, line: error.line ?? 0, column: error.column ?? 0, severity: .error,
                        chinese: error.message, english: error.message))
            }
        }
        return findings
    }
}
