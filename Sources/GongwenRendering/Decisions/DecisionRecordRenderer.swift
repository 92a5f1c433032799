import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// A record of one of the year's decisions, as a table: the 评审结果汇总表 (each project, each judge's total,
/// the result, the rank, the proposed level) that the commendation decision rests on, and the 项目筛选记录
/// (each project's selection result and reason) that the plan notice rests on. The archive step puts them in
/// the package of the document they are the basis of (依据材料).
public struct DecisionRecordTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// The issued document this record is the basis of.
    public var basisOf: DocumentKey
    /// Columns shown centred (numbers, ranks, levels), by index.
    public var centred: Set<Int>

    public init(title: String, header: [String], rows: [[String]], basisOf: DocumentKey, centred: Set<Int>) {
        self.title = title
        self.header = header
        self.rows = rows
        self.basisOf = basisOf
        self.centred = centred
    }
}

/// Renders a ``DecisionRecordTable`` as XLSX (the forms' fonts), DOCX (``DecisionRecordDOCX``), HTML (the plan
/// table's page template, which shows any titled table) and CSV, under `评选记录/`.
public struct DecisionRecordRenderer: Sendable {
    public static let folder = "评选记录"
    public let templates: TemplateFolder

    public init(templates: TemplateFolder) {
        self.templates = templates
    }

    public func job(_ record: DecisionRecordTable, campaign: Campaign) -> DocumentJob {
        DocumentJob("\(Self.folder)/\(record.title)", weight: record.rows.count) {
            try files(record, campaign: campaign)
        }
    }

    func files(_ record: DecisionRecordTable, campaign: Campaign) throws -> [RenderedFile] {
        let fonts = try FormLayout.load(document: .declarationTable, from: templates).fonts
        let html = try templates.load(document: .planTable, format: "html", name: "table.html")
        // Each column as wide as its longest value (a Chinese character counts two), within 6 to 30 units.
        let widths = record.header.indices.map { column in
            let longest =
                ([record.header[column]] + record.rows.map { column < $0.count ? $0[column] : "" })
                .map { text in text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }.max() ?? 0
            return Double(min(30, max(6, longest + 2)))
        }
        let title = "\(campaign.title)\(record.title)"
        let sheet = PlainTableSheet(
            name: record.title, title: title, lines: [],
            columns: zip(record.header, widths).map { .init($0, width: $1) },
            rows: record.rows.map { row in
                row.enumerated().map { index, text in
                    text.isEmpty ? .empty(.text) : .text(text, record.centred.contains(index) ? .center : .text)
                }
            })
        let workbook = try PlainWorkbook.data(
            [sheet], fonts: fonts,
            core: CorePropertiesPart(title: title, creator: campaign.organizer.name, created: nil))
        let page = PlanTablePage(
            annexLabel: "", title: title,
            columns: HTMLTable.columns(zip(record.header, widths).map { ($0, $1) }),
            rows: HTMLTable.rows(record.rows) { record.centred.contains($0) })
        let base = "\(Self.folder)/\(FileNaming.safe(record.title))"
        let document = try DecisionRecordDOCX(fonts: fonts).data(
            record, title: title, widths: widths, campaign: campaign)
        var files = [
            RenderedFile(
                path: base + ".docx", data: document, kind: .judging, title: record.title,
                fonts: [fonts.body, fonts.heading, fonts.title]),
            RenderedFile(
                path: base + ".xlsx", data: workbook, kind: .judging, title: record.title,
                fonts: [fonts.body, fonts.heading, fonts.title]),
            RenderedFile(
                path: base + ".html", stream: { sink in try html.write(page, to: sink) }, kind: .judging,
                title: record.title),
            RenderedFile(
                path: base + ".csv",
                stream: { sink in try CSVWriter().write(header: record.header, rows: record.rows, to: sink) },
                kind: .judging, title: record.title),
        ]
        for index in files.indices { files[index].basisOf = record.basisOf }
        return files
    }
}
