import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The 附件2 declaration table as workbooks: per recommender, consolidated (a summary sheet plus one sheet per
/// recommender) and the blank fillable form recommenders return.
public struct DeclarationTableXLSX {
    let layout: FormLayout
    let workbook: TableWorkbook

    public init(layout: FormLayout) {
        self.layout = layout
        workbook = TableWorkbook(layout: layout)
    }

    /// Cells of one data row: 序号 a number; codes, phones and e-mails text cells formatted `@`, shrunk to fit.
    static func cells(_ row: DeclarationTableContext.Row) -> [Cell] {
        row.cells.enumerated().map { index, cell in
            index == 0 ? .number(row.number, .center) : self.cell(cell.text, kind: cell.kind)
        }
    }

    /// A text cell set as a form cell of `kind` (``DeclarationTableContext/cellKind(_:)``) is set.
    static func cell(_ text: String, kind: String) -> Cell {
        switch kind {
        case "code", "email": .text(text, .code)
        case "center": .text(text, .center)
        default: .text(text, .text)
        }
    }

    func source(_ context: DeclarationTableContext, name: String, headings: Bool) -> TableSheetSource {
        var body: [BodyRow] = []
        for group in context.groups {
            if headings { body.append(.heading(layout.groupHeading(group))) }
            body += group.rows.map { .data(Self.cells($0)) }
        }
        return TableSheetSource(
            name: name, annexLabel: layout.annexLabel(context), title: layout.title(context),
            recommenderLine: layout.recommenderLine(context), signOff: layout.signOff(context),
            notes: layout.notes(context), rowCount: body.count, rows: { AnyIterator(body.makeIterator()) })
    }

    static func core(_ title: String, _ campaign: Campaign, date: CalendarDate?) -> CorePropertiesPart {
        CorePropertiesPart(title: title, creator: campaign.organizer.name, created: date?.iso)
    }

    static func zipDate(_ date: CalendarDate?) -> (Int, Int, Int) {
        date.map { ($0.year, $0.month, $0.day) } ?? (1980, 1, 1)
    }

    /// One recommender's table.
    public func workbook(for context: DeclarationTableContext, campaign: Campaign) throws -> Data {
        let date = campaign.issueDate(of: .call)
        let package = workbook.package(
            [source(context, name: layout.sheetName, headings: false)],
            core: Self.core(context.title, campaign, date: date))
        return try package.data(date: Self.zipDate(date))
    }

    /// The consolidated table: a summary sheet with every declaration grouped by recommender, then a sheet per
    /// recommender named after it (short name where there is one).
    public func consolidatedWorkbook(_ data: CampaignData, grouped: [String: [Declaration]]? = nil) throws -> Data {
        let sink = MemorySink()
        try writeConsolidated(data, grouped: grouped, to: sink)
        return sink.data
    }

    /// The consolidated workbook written into `sink` as its rows are made: each row's cells made from its
    /// declaration as the sheet is written, never a table of them in memory.
    public func writeConsolidated(
        _ data: CampaignData, grouped: [String: [Declaration]]? = nil, to sink: any ZipSink
    ) throws {
        let grouped = grouped ?? data.declarationsByRecommender()
        let groups = DeclarationTableContext.consolidatedGroups(data, grouped: grouped)
        let summary = DeclarationTableContext.outline(for: nil, in: data, groups: groups)
        var sources = [streamedSource(summary, groups: groups, name: layout.summarySheetName, headings: true)]
        for recommender in data.campaign.recommenders {
            let rows = grouped[recommender.id] ?? []
            guard !rows.isEmpty else { continue }
            let own = [(name: recommender.name, rows: rows)]
            let outline = DeclarationTableContext.outline(for: recommender, in: data, groups: own)
            sources.append(
                streamedSource(outline, groups: own, name: recommender.shortName ?? recommender.name, headings: false))
        }
        let date = data.campaign.issueDate(of: .call)
        let package = workbook.package(sources, core: Self.core(summary.title + "（汇总）", data.campaign, date: date))
        let (year, month, day) = Self.zipDate(date)
        try package.write(to: ZipWriter(sink: sink, year: year, month: month, day: day))
    }

    /// Cells of one declaration's row, numbered `number`: the same cells ``cells(_:)`` makes of its context
    /// row.
    static func cells(_ declaration: Declaration, number: Int) -> [Cell] {
        DeclarationField.formColumns.map { field in
            field == .serial
                ? .number(number, .center) : cell(declaration[field], kind: DeclarationTableContext.cellKind(field))
        }
    }

    /// A sheet whose rows are made from `groups`' declarations one at a time, numbered from 1 across the
    /// groups, each group after its heading when `headings`.
    func streamedSource(
        _ outline: DeclarationTableContext, groups: [(name: String, rows: [Declaration])], name: String,
        headings: Bool
    ) -> TableSheetSource {
        let headingTexts = headings ? outline.groups.map { layout.groupHeading($0) } : []
        let rowCount = outline.rowCount + headingTexts.count
        return TableSheetSource(
            name: name, annexLabel: layout.annexLabel(outline), title: layout.title(outline),
            recommenderLine: layout.recommenderLine(outline), signOff: layout.signOff(outline),
            notes: layout.notes(outline), rowCount: rowCount,
            rows: {
                var group = 0
                var row = 0
                var number = 0
                var headingDue = headings
                return AnyIterator {
                    while group < groups.count {
                        if headingDue {
                            headingDue = false
                            return .heading(headingTexts[group])
                        }
                        let rows = groups[group].rows
                        if row < rows.count {
                            row += 1
                            number += 1
                            return .data(Self.cells(rows[row - 1], number: number))
                        }
                        group += 1
                        row = 0
                        headingDue = headings
                    }
                    return nil
                }
            })
    }

    /// The blank form: empty bordered rows with drop-down lists for 行业 and 所在区 (from a hidden sheet, so
    /// names with commas and lists over Excel's 255-character inline limit work), an 18-character rule on
    /// 统一社会信用代码, prompts for phone and e-mail, and text format on the code and phone columns.
    public func blankForm(_ campaign: Campaign) throws -> Data {
        try form(campaign, recommender: nil, marked: [])
    }

    /// A row refused by an import, sent back on the recommender's form: its values as they came, and why.
    public struct MarkedRow: Sendable {
        /// By field; a field not given is empty.
        public var values: [DeclarationField: String]
        /// Each problem at its field (nil: the row as a whole, noted on its 序号).
        public var problems: [(field: DeclarationField?, text: String)]

        public init(values: [DeclarationField: String], problems: [(field: DeclarationField?, text: String)]) {
            self.values = values
            self.problems = problems
        }
    }

    /// The form sent back to `recommender` with its refused rows filled in: each wrong cell on light red with a
    /// note giving the reason, the rest of the form as the blank one (lists, rules, prompts), so the corrected
    /// rows can be returned on it and imported again.
    public func returnedForm(_ campaign: Campaign, recommender: Recommender, rows: [MarkedRow]) throws -> Data {
        try form(campaign, recommender: recommender, marked: rows)
    }

    func form(_ campaign: Campaign, recommender: Recommender?, marked: [MarkedRow]) throws -> Data {
        let empty = CampaignData(campaign: campaign, declarations: [])
        var context =
            recommender.map { DeclarationTableContext.make(for: $0, in: empty, grouped: [:]) }
            ?? DeclarationTableContext.consolidated(empty)
        context.isConsolidated = false
        let rows = max(layout.blankRows, marked.count)
        let blankRow: [Cell] = DeclarationField.formColumns.map { field in
            switch DeclarationTableContext.cellKind(field) {
            case "code": .empty(.code)
            case "center": .empty(.center)
            default: .empty(.text)
            }
        }
        var sheet = source(context, name: layout.sheetName, headings: false)
        sheet.rowCount = rows
        var filled: [[Cell]] = []
        for (index, row) in marked.enumerated() {
            let wrong = Set(row.problems.compactMap(\.field))
            filled.append(
                DeclarationField.formColumns.enumerated().map { column, field in
                    let value = field == .serial ? String(index + 1) : row.values[field] ?? ""
                    let code = DeclarationTableContext.cellKind(field) == "code"
                    if wrong.contains(field) { return .text(value, code ? .markedCode : .marked) }
                    return .text(
                        value, code ? .code : DeclarationTableContext.cellKind(field) == "center" ? .center : .text)
                })
            for field in Set(row.problems.map { $0.field ?? .serial }) {
                let texts = row.problems.filter { ($0.field ?? .serial) == field }.map(\.text)
                let column = (DeclarationField.formColumns.firstIndex(of: field) ?? 0) + 1
                sheet.comments.append(
                    SheetComments.Comment(
                        row: TableWorkbook.headerRow + 1 + index, column: column, text: texts.joined(separator: "\n")))
            }
        }
        sheet.comments.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        // The reasons printed under the form too (a note shows on screen only when pointed at).
        for (index, row) in marked.enumerated() {
            for problem in row.problems {
                sheet.notes.append("退回修改：第\(index + 1)行\(problem.field.map { " \($0.title)" } ?? "")——\(problem.text)")
            }
        }
        let body = filled
        sheet.rows = {
            AnyIterator(
                (0..<rows).lazy.map { index in BodyRow.data(index < body.count ? body[index] : blankRow) }
                    .makeIterator())
        }
        // The form goes out to be printed, filled in by hand and stamped: one A4 landscape page, its sign-off
        // lines with the table they sign.
        sheet.onePage = true
        let first = TableWorkbook.headerRow + 1
        let last = TableWorkbook.headerRow + rows
        func range(_ field: DeclarationField) -> String {
            let column = WorksheetWriter.columnName((DeclarationField.formColumns.firstIndex(of: field) ?? 0) + 1)
            return "\(column)\(first):\(column)\(last)"
        }
        let lists = WorkbookPart.quoted(layout.listSheetName)
        sheet.dataValidations = [
            DataValidation(
                range: range(.creditCode), rule: .textLength(18), promptTitle: "统一社会信用代码",
                prompt: layout.prompt("creditCode"), errorMessage: "统一社会信用代码应为18位。"),
            DataValidation(
                range: range(.industry), rule: .list(source: "\(lists)!$A$1:$A$\(max(1, campaign.industries.count))"),
                promptTitle: "行业", prompt: layout.prompt("industry"), errorMessage: "请从下拉列表中选择行业。"),
            DataValidation(
                range: range(.district), rule: .list(source: "\(lists)!$B$1:$B$\(max(1, campaign.districts.count))"),
                promptTitle: "所在区", prompt: layout.prompt("district"), errorMessage: "请从下拉列表中选择所在区。"),
            DataValidation(
                range: range(.phone), rule: .promptOnly, promptTitle: "联系方式", prompt: layout.prompt("phone")),
            DataValidation(
                range: range(.email), rule: .promptOnly, promptTitle: "电子邮箱", prompt: layout.prompt("email")),
        ]
        let date = campaign.issueDate(of: .call)
        let package = workbook.package(
            [sheet], hiddenSheets: [(layout.listSheetName, [campaign.industries, campaign.districts])],
            core: Self.core(context.title, campaign, date: date))
        return try package.data(date: Self.zipDate(date))
    }
}
