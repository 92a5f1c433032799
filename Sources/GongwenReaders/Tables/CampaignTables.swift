import Foundation
import GongwenModel

/// Mapping stage for the campaign's CSV tables: keyed rows → declarations, plan entries and awards.
public enum CampaignTables {
    /// Accepted titles for each declaration field; the first is the form's own.
    static let declarationMatcher = HeaderMatcher(
        columns: DeclarationField.allCases.map { field in
            let aliases: [DeclarationField: [String]] = [
                .applicant: ["申报单位"], .creditCode: ["信用代码", "统一社会信用代码证号"],
                .phone: ["联系电话", "电话"], .email: ["邮箱", "E-mail", "Email"], .serial: ["编号"],
                .projectLead: ["负责人"],
            ]
            return HeaderMatcher.Column(
                key: field.rawValue, titles: [field.title] + (aliases[field] ?? []),
                required: DeclarationField.required.contains(field))
        })

    /// Reads a declarations CSV (推荐单位 column included: the office's consolidated list).
    public static func declarations(from data: Data, file: String) -> ([Declaration], [Diagnostic]) {
        let reader = CSVTableReader(matcher: declarationMatcher, tableName: ("申报表", "declaration table"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard let table else { return ([], diagnostics) }
        var all = DiagnosticLimit()
        all += diagnostics
        let declarations = table.rows.map { row -> Declaration in
            func value(_ field: DeclarationField) -> String { row.values[field.rawValue] ?? "" }
            let origin = table.origin(of: row)
            var received: CalendarDate?
            let receivedText = value(.received)
            if !receivedText.isEmpty {
                received = CalendarDate(parsing: receivedText)
                if received == nil {
                    all.append(
                        Diagnostic(
                            .error, "date.invalid", at: origin.location(of: .received),
                            chinese: "收到日期“\(receivedText)”不是有效日期（如 2019-04-20）",
                            english: "\"\(receivedText)\" is not a date (e.g. 2019-04-20)"))
                }
            }
            return Declaration(
                serial: value(.serial), applicant: value(.applicant), creditCode: value(.creditCode),
                industry: value(.industry), district: value(.district), projectName: value(.projectName),
                projectLead: value(.projectLead), phone: value(.phone), email: value(.email),
                recommender: value(.recommender), received: received, origin: origin)
        }
        return (declarations, all.diagnostics)
    }

    static let planMatcher = HeaderMatcher(columns: [
        .init(key: "planNumber", titles: ["计划编号"], required: true),
        .init(key: "creditCode", titles: ["统一社会信用代码", "信用代码"], required: true),
        .init(key: "projectName", titles: ["项目名称"], required: true),
        .init(key: "applicant", titles: ["申报单位名称", "申报单位"], required: false),
    ])

    /// Reads the plan: which declared projects the office selected, with their plan numbers.
    public static func plan(from data: Data, file: String) -> ([PlanEntry], [Diagnostic]) {
        let reader = CSVTableReader(matcher: planMatcher, tableName: ("计划表", "plan table"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard let table else { return ([], diagnostics) }
        let entries = table.rows.map { row in
            PlanEntry(
                planNumber: row.values["planNumber"] ?? "", creditCode: row.values["creditCode"] ?? "",
                projectName: row.values["projectName"] ?? "", origin: table.origin(of: row))
        }
        return (entries, diagnostics)
    }

    static let awardMatcher = HeaderMatcher(columns: [
        .init(key: "category", titles: ["类别", "奖项类别"], required: true),
        .init(key: "level", titles: ["等级", "奖项等级"], required: true),
        .init(key: "creditCode", titles: ["统一社会信用代码", "信用代码"], required: false),
        .init(key: "projectName", titles: ["项目名称"], required: false),
        .init(key: "groupName", titles: ["小组名称"], required: false),
        .init(key: "unit", titles: ["所在单位", "申报单位名称"], required: false),
        .init(key: "recommender", titles: ["推荐单位"], required: false),
        .init(key: "certificateNumber", titles: ["证书编号"], required: false),
    ])

    /// Reads the award list: one row per winner, its category and level.
    public static func awards(from data: Data, file: String) -> ([Award], [Diagnostic]) {
        let reader = CSVTableReader(matcher: awardMatcher, tableName: ("获奖名单", "award list"))
        let (table, diagnostics) = reader.read(data, file: file)
        guard let table else { return ([], diagnostics) }
        var all = DiagnosticLimit()
        all += diagnostics
        var awards: [Award] = []
        for row in table.rows {
            let origin = table.origin(of: row)
            let categoryText = row.values["category"] ?? ""
            guard let category = AwardCategory(title: categoryText) else {
                all.append(
                    Diagnostic(
                        .error, "award.unknown-category", at: origin.location(of: "category", titled: "类别"),
                        chinese: "奖项类别“\(categoryText)”应为 项目成果、小组 或 优秀推荐单位，该行未读取",
                        english: "award category \"\(categoryText)\" must be 项目成果, 小组 or 优秀推荐单位; row not read"))
                continue
            }
            awards.append(
                Award(
                    category: category, level: row.values["level"] ?? "",
                    creditCode: row.values["creditCode"] ?? "", projectName: row.values["projectName"] ?? "",
                    groupName: row.values["groupName"] ?? "", unit: row.values["unit"] ?? "",
                    recommender: row.values["recommender"] ?? "",
                    certificateNumber: row.values["certificateNumber"] ?? "",
                    origin: origin))
        }
        return (awards, all.diagnostics)
    }
}
