import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The plan notice (DOCX) and its plan table, from `Templates/plan-notice/`.
public struct PlanNoticeRenderer: Sendable {
    let templates: TemplateFolder

    /// The folder the notice and its table go to.
    public static let folder = "计划通知"

    /// Whether the notice is also laid out as OFD (`--ofd`, `archive: ofd`).
    let fixedLayout: Bool

    public init(templates: TemplateFolder, fixedLayout: Bool = false) {
        self.templates = templates
        self.fixedLayout = fixedLayout
    }

    /// Nothing when the campaign has no plan yet.
    public func render(_ data: CampaignData) throws -> [RenderedFile] {
        try jobs(data).renderAll()
    }

    /// The notice (DOCX, HTML) and the plan table (XLSX, CSV, HTML) as two independent jobs.
    public func jobs(_ data: CampaignData) -> [DocumentJob] {
        // Whether there is a notice is known from campaign.yaml; its rows are made by the first of its two jobs.
        guard !data.plan.isEmpty, data.campaign.documentNumber(of: PlanNoticeContext.documentKey) != nil,
            data.campaign.issueDate(of: PlanNoticeContext.documentKey) != nil
        else { return [] }
        let shared = SharedValue { PlanNoticeContext.make(data) }
        return [
            DocumentJob(Self.folder, weight: 2 * data.plan.count) {
                guard let context = shared.value else { return [] }
                return try notice(context, campaign: data.campaign)
            },
            DocumentJob(Self.folder + "/计划表", weight: 2 * data.plan.count) {
                guard let context = shared.value else { return [] }
                return try planTable(context, number: context.values.documentNumber)
            },
        ]
    }

    func notice(_ context: PlanNoticeContext, campaign: Campaign) throws -> [RenderedFile] {
        let text = try NoticeText.load(document: .planNotice, from: templates, values: context.values)
        let html = try templates.load(document: .planNotice, format: "html", name: "notice.html")
        let number = context.values.documentNumber
        let base = "\(Self.folder)/" + FileNaming.safe("\(number) \(text.title)")
        let notice = NoticeHTMLContext(text: text, context: context)
        // The office's Word notice, when it has one; else gongwen's GB/T 9704 layout of notice.yaml.
        let word = templates.resolve("plan-notice/docx/notice.docx")
        let issuance = text.issuance(
            key: PlanNoticeContext.documentKey, documentNumber: number, issueDate: context.issueDate,
            author: context.values.organizerName, campaign: campaign)
        var docx: RenderedFile
        if FileManager.default.fileExists(atPath: word.path) {
            let date = context.issueDate
            let core = CorePropertiesPart(
                title: text.title, creator: context.values.organizerName, created: date.iso, identifier: number,
                category: issuance.documentType)
            docx = RenderedFile(
                path: base + ".docx",
                data: try WordTemplate.load(from: word, displayPath: templates.displayPath(word))
                    .render(NoticeWordValues(context), date: (date.year, date.month, date.day), core: core),
                kind: .planNotice, documentNumber: number, title: text.title, fonts: NoticeFonts().all)
        } else {
            // gongwen's GB/T 9704 layout, written into its file as it is made (the plan may hold 50,000 rows).
            docx = RenderedFile(
                path: base + ".docx", package: { sink in try NoticeDOCX(text: text, context: context).write(to: sink) },
                kind: .planNotice, documentNumber: number, title: text.title, fonts: NoticeFonts().all)
        }
        docx.issuance = issuance
        if fixedLayout {
            // The plan table as the OFD's attachment, the columns notice.yaml gives.
            let planTable = NoticeAttachmentTable(
                kind: .plan,
                columns: text.columns.enumerated().map { index, column in
                    NoticeAttachmentTable.Column(
                        title: column.title, width: column.width, leftAligned: [2, 3].contains(index))
                }, rows: context.rows.map(\.cells), landscape: false)
            docx.fixedLayout = try text.fixedLayout(
                documentNumber: number, issueDate: context.values.issueDate, issuance: issuance,
                tables: text.attachments.isEmpty ? [:] : [0: planTable])
        }
        // The HTML written into its file as it is made, like the DOCX.
        return [
            docx,
            RenderedFile(
                path: base + ".html", stream: { sink in try html.write(notice, to: sink) }, kind: .planNotice,
                documentNumber: number, title: text.title, fonts: NoticeFonts().all),
        ]
    }

    /// The plan table on its own, as XLSX, CSV and HTML, for the office's records and the city's report.
    func planTable(_ context: PlanNoticeContext, number: String) throws -> [RenderedFile] {
        let layout = try FormLayout.load(document: .planTable, from: templates)
        let html = try templates.load(document: .planTable, format: "html", name: "table.html")
        let title = layout.title(context.values)
        let centred: Set<Int> = [0, 1, 4, 5]
        let date = context.issueDate
        // An Excel-made template of the table, when the office has one (Templates/plan-table/xlsx/table.xlsx).
        let excelTemplate = templates.resolve("plan-table/xlsx/table.xlsx")
        let fromExcel =
            FileManager.default.fileExists(atPath: excelTemplate.path)
            ? try ExcelTemplate.load(from: excelTemplate, displayPath: templates.displayPath(excelTemplate))
                .render(PlanTableWordValues(context), date: (date.year, date.month, date.day)) : nil
        // gongwen's own workbook is written into its file row by row, as it is made.
        let writeWorkbook: @Sendable (any ZipSink) throws -> Void = { sink in
            let source = TableSheetSource(
                name: layout.sheetName, annexLabel: layout.annexLabel(context.values), title: title,
                recommenderLine: layout.recommenderLine(context.values), signOff: [], notes: [],
                rowCount: context.rows.count,
                rows: {
                    var rows = context.rows.makeIterator()
                    return AnyIterator {
                        rows.next().map { row in
                            BodyRow.data(
                                row.cells.enumerated().map { index, cell in
                                    index == 0
                                        ? .number(row.number, .center)
                                        : .text(cell, centred.contains(index) ? .center : .text)
                                })
                        }
                    }
                })
            try TableWorkbook(layout: layout).package(
                [source],
                core: CorePropertiesPart(title: title, creator: context.values.organizerName, created: date.iso)
            ).write(to: ZipWriter(sink: sink, year: date.year, month: date.month, day: date.day))
        }
        let csvHeader = layout.columns.map(\.title)
        let page = PlanTablePage(
            annexLabel: layout.annexLabel(context.values), title: title,
            columns: HTMLTable.columns(layout.columns.map { ($0.title, $0.width) }),
            rows: HTMLTable.rows(context.rows.map(\.cells)) { centred.contains($0) })
        let base = "\(Self.folder)/" + FileNaming.safe(title)
        var files: [RenderedFile] = []
        // A Word-made template of the table, when the office has one (Templates/plan-table/docx/table.docx).
        let wordTemplate = templates.resolve("plan-table/docx/table.docx")
        if FileManager.default.fileExists(atPath: wordTemplate.path) {
            let template = try WordTemplate.load(from: wordTemplate, displayPath: templates.displayPath(wordTemplate))
            files.append(
                RenderedFile(
                    path: base + ".docx",
                    data: try template.render(PlanTableWordValues(context), date: (date.year, date.month, date.day)),
                    kind: .planTable, documentNumber: number, title: title))
        }
        let xlsxFonts = [layout.fonts.body, layout.fonts.heading, layout.fonts.title]
        let workbook =
            fromExcel.map {
                RenderedFile(
                    path: base + ".xlsx", data: $0, kind: .planTable, documentNumber: number, title: title,
                    fonts: xlsxFonts)
            }
            ?? RenderedFile(
                path: base + ".xlsx", package: writeWorkbook, kind: .planTable, documentNumber: number, title: title,
                fonts: xlsxFonts)
        return files + [
            workbook,
            RenderedFile(
                path: base + ".csv",
                stream: { sink in
                    try CSVWriter().write(header: csvHeader, rows: context.rows.lazy.map(\.cells), to: sink)
                }, kind: .planTable, documentNumber: number, title: title),
            RenderedFile(
                path: base + ".html", stream: { sink in try html.write(page, to: sink) }, kind: .planTable,
                documentNumber: number, title: title),
        ]
    }
}

/// What a Word-made plan-table template may name: the notice's values and `rows` to loop over.
struct PlanTableWordValues {
    var title: String
    var year: Int
    var area: String
    var organizerName: String
    var documentNumber: String
    var issueDate: String
    var plannedCount: Int
    var rows: [PlanNoticeContext.Row]

    init(_ context: PlanNoticeContext) {
        let values = context.values
        title = "\(values.year)年\(values.area)质量攻关重点项目计划表"
        year = values.year
        area = values.area
        organizerName = values.organizerName
        documentNumber = values.documentNumber
        issueDate = values.issueDate
        plannedCount = values.plannedCount
        rows = context.rows
    }
}

/// What the plan table's HTML template shows.
struct PlanTablePage: Sendable {
    var annexLabel: String
    var title: String
    var columns: [HTMLTable.Column]
    var rows: [HTMLTable.Row]
}
