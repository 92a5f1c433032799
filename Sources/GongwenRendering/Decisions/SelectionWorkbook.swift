import Foundation
import GongwenModel
import GongwenOOXML

/// The selection workbook (项目筛选表, `gongwen plan draft`): one row per declared project with what the office
/// screens for — originality findings, duplicates, late receipt, data errors — and two columns to fill in,
/// 是否列入 (a drop-down: 列入 / 不列入) and 理由. Projects already in the plan come marked 列入, so a workbook
/// drafted again after the plan is made shows the plan as it stands.
public struct SelectionWorkbook {
    /// The screening notes of one declaration, by index in the campaign's declarations.
    public var findings: [Int: [String]]
    public var fonts: FormLayout.Fonts

    public init(findings: [Int: [String]], fonts: FormLayout.Fonts) {
        self.findings = findings
        self.fonts = fonts
    }

    public static let columns: [PlainTableSheet.Column] = [
        .init("序号", width: 6), .init("推荐单位", width: 18), .init("申报单位名称", width: 24),
        .init("统一社会信用代码", width: 22), .init("行业", width: 12), .init("所在区", width: 12),
        .init("项目名称", width: 30), .init("收到日期", width: 12), .init("审查提示", width: 40),
        .init("计划编号", width: 18), .init("是否列入", width: 10), .init("理由", width: 24),
    ]
    static let markColumn = 10

    /// The workbook for `data`, with each project's current plan number and mark from the plan and `record`.
    public func data(_ data: CampaignData, record: [SelectionRecordEntry]) throws -> Data {
        let campaign = data.campaign
        let planned = Dictionary(data.plan.map { ($0.projectKey, $0.planNumber) }, uniquingKeysWith: { a, _ in a })
        let recorded = Dictionary(record.map { ($0.projectKey, $0) }, uniquingKeysWith: { a, _ in a })
        let first = Set(data.firstDeclarationIndexByProject().values)
        var rows: [[Cell]] = []
        for (index, declaration) in data.declarations.enumerated() where first.contains(index) {
            let key = declaration.projectKey
            let recommender = campaign.recommender(named: declaration.recommender)
            let mark = planned[key] != nil ? SelectionMark.selected.rawValue : recorded[key]?.result ?? ""
            let cells: [Cell] = [
                .number(rows.count + 1, .center), .text(recommender?.shortName ?? declaration.recommender, .text),
                .text(declaration.applicant, .text), .text(declaration.creditCode, .code),
                .text(declaration.industry, .center), .text(declaration.district, .center),
                .text(declaration.projectName, .text), .text(declaration.received?.iso ?? "", .center),
                .text((findings[index] ?? []).joined(separator: "\n"), .text),
                .text(planned[key] ?? recorded[key]?.planNumber ?? "", .center), .text(mark, .center),
                .text(recorded[key]?.reason ?? "", .text),
            ]
            // A cell with nothing in it is written empty, not as an empty string (openpyxl reads '' and None).
            rows.append(
                cells.map { cell in
                    if case .text("", let style) = cell { return Cell.empty(style) }
                    return cell
                })
        }
        var sheet = PlainTableSheet(
            name: "项目筛选", title: "\(campaign.title)项目筛选表",
            lines: [
                "在“是否列入”列选择“列入”或“不列入”（不列入请在“理由”列写明理由），留空的项目保持原状态；其他列仅供参考，请勿改动统一社会信用代码和项目名称。"
                    + "完成后用“gongwen plan import 本文件”或网页导入，计划编号按 campaign.yaml 的 plan_number 规则（\(campaign.decisions.planNumbering.pattern)）自动编排。",
                "审查提示：与历年或本年项目名称相似（方案：注重原创，不得与历年项目雷同）、逾期收到、数据错误，供筛选参考。",
            ],
            columns: Self.columns, rows: rows)
        sheet.validations = [
            DataValidation(
                range: sheet.dataRange(column: Self.markColumn),
                rule: .list(source: "\"\(SelectionMark.selected.rawValue),\(SelectionMark.notSelected.rawValue)\""),
                promptTitle: "是否列入", prompt: "选择“列入”或“不列入”；留空则保持原状态。",
                errorMessage: "请选择“列入”或“不列入”。")
        ]
        return try PlainWorkbook.data(
            [sheet], fonts: fonts,
            core: CorePropertiesPart(title: sheet.title, creator: campaign.organizer.name, created: nil))
    }
}

/// A judge's scoring workbook (评分表, `gongwen judging forms`): the planned projects, one column per criterion
/// of the office's scoring rules with its maximum in the title, each score cell limited to 0…maximum and the only
/// cells that can change (the sheet is protected, without formulas: the totals are made by gongwen when the
/// workbook comes back). A second sheet gives the criteria and their guidance.
public struct ScoringWorkbook {
    public var rules: ScoringRules
    public var fonts: FormLayout.Fonts

    public init(rules: ScoringRules, fonts: FormLayout.Fonts) {
        self.rules = rules
        self.fonts = fonts
    }

    static let fixedColumns = 4

    public func data(for judge: String, plan: [PlanEntry], declarations: [ProjectKey: Declaration], campaign: Campaign)
        throws -> Data
    {
        let columns: [PlainTableSheet.Column] =
            [.init("序号", width: 6), .init("计划编号", width: 18), .init("项目名称", width: 30), .init("申报单位名称", width: 24)]
            + rules.criteria.map { .init("\($0.name)（\($0.points)分）", width: 9) }
        let rows: [[Cell]] = plan.enumerated().map { index, entry in
            [
                .number(index + 1, .center), .text(entry.planNumber, .center), .text(entry.projectName, .text),
                .text(declarations[entry.projectKey]?.applicant ?? "", .text),
            ] + rules.criteria.map { _ in Cell.empty(.input) }
        }
        var sheet = PlainTableSheet(
            name: "评分", title: "\(campaign.title)\(rules.title)",
            lines: [
                JudgeScores.label + judge,
                "每个评分项填 0 至该项满分之间的分数（可有两位小数），每个项目每项都须评分。合计、平均和排名由 gongwen 导入后计算（满分 \(rules.totalPoints) 分）。评分标准见“评分标准”工作表。",
            ],
            columns: columns, rows: rows)
        sheet.protected = true
        sheet.validations = rules.criteria.enumerated().map { offset, criterion in
            DataValidation(
                range: sheet.dataRange(column: Self.fixedColumns + offset),
                rule: .decimal(minimum: 0, maximum: Double(criterion.points)),
                promptTitle: "\(criterion.name)（0–\(criterion.points)分）",
                prompt: String(criterion.guidance.prefix(250)),
                errorMessage: "\(criterion.name)的分数应在 0 至 \(criterion.points) 分之间。")
        }
        var standards = PlainTableSheet(
            name: "评分标准", title: rules.title + "评分标准", lines: [],
            columns: [.init("评分项", width: 12), .init("满分", width: 8), .init("评分要点", width: 80)],
            rows: rules.criteria.map {
                [.text($0.name, .center), .number($0.points, .center), .text($0.guidance, .text)]
            }
                + [[.text("合计", .center), .number(rules.totalPoints, .center), .text("", .text)]])
        standards.landscape = false
        return try PlainWorkbook.data(
            [sheet, standards], fonts: fonts,
            core: CorePropertiesPart(title: "\(sheet.title)（\(judge)）", creator: campaign.organizer.name, created: nil))
    }
}
