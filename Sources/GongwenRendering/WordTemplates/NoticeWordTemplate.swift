import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTemplates

/// The plan notice as a Word template: the GB/T 9704 document gongwen lays out, with `{{tags}}` where the
/// campaign's values go and a `{{#rows}}` row in the plan table. An office that prefers to word the notice in
/// Word exports it (`gongwen templates export DIR --word`), edits `plan-notice/docx/notice.docx`, and builds
/// with the folder: the notice is then rendered from the Word file (its HTML still from notice.yaml).
public enum NoticeWordTemplate {
    /// The names a Word notice template may use, besides `rows`.
    static let names = [
        "year", "area", "campaignTitle", "organizerName", "organizerShortName", "organizerHost", "coOrganizer",
        "signatory", "documentNumber", "issueDate", "plannedCount", "declaredCount", "recommenderCount", "deadline",
    ]

    /// The template, laid out from `sample`'s campaign (its plan decides nothing but that there is one).
    public static func make(templates: TemplateFolder, sample: CampaignData) throws -> Data {
        guard let real = PlanNoticeContext.make(sample) else {
            throw TemplateError(
                file: "plan-notice", line: nil, column: nil, message: "示例活动没有计划 / the sample campaign has no plan")
        }
        let tags: [String: Any] = Dictionary(uniqueKeysWithValues: names.map { ($0, "{{\($0)}}") })
        let text = try NoticeText.load(document: .planNotice, from: templates, values: tags)
        let realText = try NoticeText.load(document: .planNotice, from: templates, values: real.values)
        var context = real
        context.values.documentNumber = "{{documentNumber}}"
        context.values.issueDate = "{{issueDate}}"
        context.values.organizerName = "{{organizerName}}"
        let rows = [
            [
                "{{#rows}}{{number}}", "{{planNumber}}", "{{applicant}}", "{{projectName}}", "{{projectLead}}",
                "{{recommender}}{{/rows}}",
            ]
        ]
        let notice = NoticeDOCX(
            text: text, context: context, markSize: NoticeDOCX.markSize(for: realText.issuerMark), rows: rows)
        return try notice.document()
    }
}

/// What a Word notice template is rendered with: the notice's values and the planned projects.
struct NoticeWordValues {
    var year: Int
    var area: String
    var campaignTitle: String
    var organizerName: String
    var organizerShortName: String
    var organizerHost: String
    var coOrganizer: String
    var signatory: String
    var documentNumber: String
    var issueDate: String
    var plannedCount: Int
    var declaredCount: Int
    var recommenderCount: Int
    var deadline: String
    var rows: [PlanNoticeContext.Row]

    init(_ context: PlanNoticeContext) {
        let values = context.values
        year = values.year
        area = values.area
        campaignTitle = values.campaignTitle
        organizerName = values.organizerName
        organizerShortName = values.organizerShortName
        organizerHost = values.organizerHost
        coOrganizer = values.coOrganizer
        signatory = values.signatory
        documentNumber = values.documentNumber
        issueDate = values.issueDate
        plannedCount = values.plannedCount
        declaredCount = values.declaredCount
        recommenderCount = values.recommenderCount
        deadline = values.deadline
        rows = context.rows
    }
}
