import GongwenModel

/// What one 附件2 declaration table shows: the annex's form filled with one recommender's rows, or all rows in
/// the consolidated table. Every value the templates print is here, already formatted; templates only place it.
public struct DeclarationTableContext: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// A second header line, as the annex prints `（与公章一致）` under 申报单位名称.
        public var note: String
        /// Share of the table's width in percent; the nine shares add up to 100.
        public var width: Int
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        /// How the cell is set: `code` (credit codes and phones: one line, never broken, a copied half of a
        /// code is a wrong code), `email` (one line too, never broken mid-address), `center` (序号, 行业, 所在区,
        /// 项目负责人) or `text` (names and projects). A `code` or `email` value is set smaller where it is too
        /// wide for its cell (``TextWidth``).
        public var kind: String
        /// That smaller size, in points, for the table printed across A4 landscape (``printedWidth``); empty
        /// at the table's own size. A format with other column widths works out its own.
        public var size: String = ""
        /// Two phone numbers in one cell, one to a line (``TextWidth/lines(_:)``); empty when the value is one
        /// line, as nearly every value is.
        public var lines: [String] = []

        public init(text: String, kind: String, widthShare: Int) {
            self.text = text
            self.kind = kind
            let preferred = kind == "code" ? 10.0 : kind == "email" ? 10.5 : 0
            guard preferred > 0 else { return }
            let lines = TextWidth.lines(text)
            if lines.count > 1 { self.lines = lines }
            let width = DeclarationTableContext.printedWidth * Double(widthShare) / 100 - Self.inset
            let fitted = TextWidth.fittingSize(text, width: width, preferred: preferred)
            if fitted < preferred { size = fitted == fitted.rounded() ? String(Int(fitted)) : String(fitted) }
        }

        /// Each cell's padding (3 pt a side) and its border, in points.
        static let inset = 6.75
    }

    /// The printed table's width: A4 landscape less 15 mm margins (297 − 30 mm), in points.
    public static let printedWidth = (297.0 - 30) * 72 / 25.4

    public struct Row: Sendable, Equatable {
        /// 序号: numbered from 1 within the table, whatever the data's own serials were.
        public var number: Int
        /// The nine cells of the form, in column order.
        public var cells: [Cell]
        /// 推荐单位 (shown in the consolidated table).
        public var recommender: String
    }

    /// One recommender's block of rows (the consolidated table has one per recommender).
    public struct Group: Sendable, Equatable {
        public var recommender: String
        public var count: Int
        public var rows: [Row]
    }

    /// `附件 2`, the label at the top left of the annex.
    public var annexLabel: String
    /// `2019年滨海新区质量攻关重点项目申报表`.
    public var title: String
    public var isConsolidated: Bool
    /// 推荐单位(公章): the recommender's name, empty on the consolidated table.
    public var recommender: String
    public var columns: [Column]
    public var groups: [Group]
    public var rowCount: Int
    /// 推荐部门负责人 / 填报人 / 联系人电话 / 日期, as the footer lines print them.
    public var head: String
    public var preparer: String
    public var contactPhone: String
    public var date: String
    /// The values the notes quote: the deadline as `4月22日`, the office's e-mail and phone.
    public var deadline: String
    public var officeEmail: String
    public var officePhone: String
    public var campaignTitle: String
    public var year: Int
}

extension DeclarationTableContext {
    /// The annex's columns, with shares of the width that fit their usual content on A4 landscape: an
    /// 18-character credit code, a company name of 12–20 characters, an e-mail address of 28 characters at
    /// 9 pt (``TextWidth``; longer ones are set smaller).
    public static let formColumns: [Column] = zip(
        DeclarationField.formColumns, [4, 13, 16, 8, 7, 16, 8, 12, 16]
    ).map { field, width in
        Column(title: field.title, note: field == .applicant ? "（与公章一致）" : "", width: width)
    }

    /// The table of one recommender.
    ///
    /// - Parameter grouped: `data.declarationsByRecommender()`, when the caller makes many tables of one campaign.
    public static func make(
        for recommender: Recommender, in data: CampaignData, grouped: [String: [Declaration]]? = nil
    ) -> DeclarationTableContext {
        let rows = grouped.map { $0[recommender.id] ?? [] } ?? data.declarations(of: recommender)
        return make(data: data, groups: [(recommender.name, rows)], recommender: recommender)
    }

    /// The consolidated table: every declaration, grouped by recommender in the campaign's order.
    public static func consolidated(
        _ data: CampaignData, grouped: [String: [Declaration]]? = nil
    ) -> DeclarationTableContext {
        let byRecommender = grouped ?? data.declarationsByRecommender()
        let groups = data.campaign.recommenders.map { ($0.name, byRecommender[$0.id] ?? []) }.filter { !$0.1.isEmpty }
        return make(data: data, groups: groups, recommender: nil)
    }

    /// The table's texts and its groups' names and counts, without its rows: what a writer that makes each row
    /// as it writes it needs (the consolidated workbook's 200,000 rows were 100 MB as contexts). `groups` as
    /// ``consolidated(_:grouped:)`` or ``make(for:in:grouped:)`` would group them; a group heading rendered
    /// from it sees its recommender and count.
    public static func outline(
        for recommender: Recommender?, in data: CampaignData, groups: [(name: String, rows: [Declaration])]
    ) -> DeclarationTableContext {
        var context = make(data: data, groups: groups.map { ($0.name, []) }, recommender: recommender)
        for index in context.groups.indices { context.groups[index].count = groups[index].rows.count }
        context.rowCount = groups.reduce(0) { $0 + $1.rows.count }
        return context
    }

    /// The consolidated table's groups: every recommender with declarations, in the campaign's order.
    public static func consolidatedGroups(
        _ data: CampaignData, grouped: [String: [Declaration]]
    ) -> [(name: String, rows: [Declaration])] {
        data.campaign.recommenders.map { (name: $0.name, rows: grouped[$0.id] ?? []) }.filter { !$0.rows.isEmpty }
    }

    public static func cellKind(_ field: DeclarationField) -> String {
        switch field {
        case .creditCode, .phone: "code"
        case .email: "email"
        case .serial, .industry, .district, .projectLead: "center"
        default: "text"
        }
    }

    static func make(
        data: CampaignData, groups: [(String, [Declaration])], recommender: Recommender?
    ) -> DeclarationTableContext {
        let campaign = data.campaign
        var number = 0
        let contextGroups = groups.map { name, declarations in
            Group(
                recommender: name, count: declarations.count,
                rows: declarations.map { declaration in
                    number += 1
                    let cells = zip(DeclarationField.formColumns, formColumns).map { field, column in
                        Cell(
                            text: field == .serial ? String(number) : declaration[field], kind: cellKind(field),
                            widthShare: column.width)
                    }
                    return Row(number: number, cells: cells, recommender: name)
                })
        }
        let deadline = campaign.declarationDeadline
        return DeclarationTableContext(
            annexLabel: "附件 2", title: "\(campaign.year)年\(campaign.area)质量攻关重点项目申报表",
            isConsolidated: recommender == nil, recommender: recommender?.name ?? "", columns: formColumns,
            groups: contextGroups, rowCount: number, head: recommender?.head ?? "",
            preparer: recommender?.preparer ?? "", contactPhone: recommender?.phone ?? "",
            date: recommender?.date?.chinese ?? "", deadline: "\(deadline.month)月\(deadline.day)日",
            officeEmail: campaign.contact.email, officePhone: campaign.contact.phone, campaignTitle: campaign.title,
            year: campaign.year)
    }
}
