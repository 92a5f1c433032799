import GongwenModel

/// A table a notice attaches, made from the campaign's data (GB/T 9704 §7.3.7: an attachment starts a new
/// page, its 附件N label on line 1 and its title on line 3): the plan, the projects recommended to the city,
/// or the blank 附件2 form. A notice's YAML names one by `table:`.
public struct NoticeAttachmentTable: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 重点项目计划表: every planned project.
        case plan
        /// The winning projects recommended to the city's contest (the top levels, `levels:` in the YAML).
        case recommended
        /// The 附件2 declaration form, blank, as recommenders fill it in: printed landscape.
        case blankForm = "blank-form"
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        /// Share of the table's width.
        public var width: Double
        /// Names and projects read from the left; numbers, codes and people are centred.
        public var leftAligned: Bool

        public init(title: String, width: Double, leftAligned: Bool) {
            self.title = title
            self.width = width
            self.leftAligned = leftAligned
        }
    }

    public var kind: Kind
    public var columns: [Column]
    public var rows: [[String]]
    /// Printed across an A4 landscape page (the 附件2 form's nine columns).
    public var landscape: Bool
    /// Lines printed above and below the table (the form's 推荐单位(公章) line; its sign-off and notes).
    public var before: [String] = []
    public var after: [String] = []

    public init(kind: Kind, columns: [Column], rows: [[String]], landscape: Bool) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.landscape = landscape
    }

    /// The table `kind` from `data`; `levels` chooses the award levels a `recommended` table lists (default:
    /// the campaign's first two, 一等奖 and 二等奖). A copy for one `recipient` lists its own projects only,
    /// numbered from 1.
    public static func make(
        _ kind: Kind, data: CampaignData, levels: [String]? = nil, recipient: Recommender? = nil
    ) -> NoticeAttachmentTable {
        Maker(data).table(kind, levels: levels, recipient: recipient)
    }

    /// Makes a notice's tables, each for every recipient of a per-recipient notice, from one campaign: what
    /// every copy shares (the plan's rows, which recommender declared each project) is worked out once, not
    /// once a copy — a notice sent to 100 recommenders read 100 × the declarations before.
    ///
    /// Shared by the jobs that make a per-recipient notice's copies on several cores at once: each shared part
    /// is made by the first job that needs it, under a lock, and read by the others.
    public final class Maker: Sendable {
        let data: CampaignData
        let planned: SharedValue<[PlanNoticeContext.Row]>
        /// Planned rows by the recommender they show, as positions in `planned`.
        let plannedByShownRecommender: SharedValue<[String: [Int]]>
        let declared: SharedValue<[ProjectKey: String]>

        public init(_ data: CampaignData) {
            self.data = data
            let planned = SharedValue { PlanNoticeContext.make(data)?.rows ?? [] }
            self.planned = planned
            plannedByShownRecommender = SharedValue {
                var index: [String: [Int]] = [:]
                for (position, row) in planned.value.enumerated() {
                    index[row.recommender, default: []].append(position)
                }
                return index
            }
            declared = SharedValue {
                var declared: [ProjectKey: String] = [:]
                for declaration in data.declarations { declared[declaration.projectKey] = declaration.recommender }
                return declared
            }
        }

        /// The planned rows of the recommender shown as any of `names`, in the plan's order: each copy of a
        /// per-recipient notice takes its own rows from an index made once (filtering the whole plan for each
        /// of 100 copies was a twelfth of a 100,000-declaration build).
        func planned(shownAs names: Set<String>) -> [PlanNoticeContext.Row] {
            let all = planned.value
            let index = plannedByShownRecommender.value
            return names.flatMap { index[$0] ?? [] }.sorted().map { all[$0] }
        }

        /// The table `kind` (see ``NoticeAttachmentTable/make(_:data:levels:recipient:)``).
        public func table(_ kind: Kind, levels: [String]? = nil, recipient: Recommender? = nil)
            -> NoticeAttachmentTable
        {
            NoticeAttachmentTable.make(kind, from: self, levels: levels, recipient: recipient)
        }
    }

    static func make(_ kind: Kind, from maker: Maker, levels: [String]?, recipient: Recommender?)
        -> NoticeAttachmentTable
    {
        let data = maker.data
        switch kind {
        case .plan:
            var planned: [PlanNoticeContext.Row]
            if let recipient {
                let names = Set([recipient.name, recipient.id] + [recipient.shortName].compactMap { $0 })
                planned = maker.planned(shownAs: names)
                for index in planned.indices { planned[index].number = index + 1 }
            } else {
                planned = maker.planned.value
            }
            let rows = planned.map(\.cells)
            return NoticeAttachmentTable(
                kind: kind,
                columns: [
                    Column(title: "序号", width: 7, leftAligned: false),
                    Column(title: "计划编号", width: 21, leftAligned: false),
                    Column(title: "申报单位", width: 23, leftAligned: true),
                    Column(title: "项目名称", width: 26, leftAligned: true),
                    Column(title: "项目\n负责人", width: 10, leftAligned: false),
                    Column(title: "推荐单位", width: 13, leftAligned: false),
                ], rows: rows, landscape: false)
        case .recommended:
            let chosen = Set(levels ?? Array(data.campaign.awardLevels.prefix(2)))
            let rank = Dictionary(uniqueKeysWithValues: data.campaign.awardLevels.enumerated().map { ($1, $0) })
            // An award names its recommender, or its project does: the declaration it was planned from.
            let declared = maker.declared.value
            func recommender(_ award: Award) -> String {
                let named =
                    award.recommender.isEmpty
                    ? declared[ProjectKey(creditCode: award.creditCode, projectName: award.projectName)] ?? ""
                    : award.recommender
                // The short name, as the plan table shows it: the table is portrait.
                let found = data.campaign.recommender(named: named)
                return found?.shortName ?? found?.name ?? named
            }
            let names = recipient.map { Set([$0.name, $0.id] + [$0.shortName].compactMap { $0 }) }
            let winners = data.awards.enumerated()
                .filter { $0.element.category == .projectResult && chosen.contains($0.element.level) }
                .filter { names?.contains(recommender($0.element)) ?? true }
                .sorted { (rank[$0.element.level] ?? .max, $0.offset) < (rank[$1.element.level] ?? .max, $1.offset) }
                .map(\.element)
            let rows = winners.enumerated().map { index, award in
                [
                    String(index + 1), award.unit, award.projectName, award.level, recommender(award),
                ]
            }
            return NoticeAttachmentTable(
                kind: kind,
                columns: [
                    Column(title: "序号", width: 7, leftAligned: false),
                    Column(title: "单位名称", width: 27, leftAligned: true),
                    Column(title: "成果名称", width: 33, leftAligned: true),
                    Column(title: "获奖等级", width: 11, leftAligned: false),
                    Column(title: "推荐单位", width: 22, leftAligned: false),
                ], rows: rows, landscape: false)
        case .blankForm:
            let columns = zip(DeclarationTableContext.formColumns, DeclarationField.formColumns).map { column, field in
                Column(
                    title: column.note.isEmpty ? column.title : column.title + "\n" + column.note,
                    width: Double(column.width), leftAligned: field == .applicant || field == .projectName)
            }
            // Eight blank rows: with its head, sign-off and notes the form fills one landscape page.
            let rows = Array(repeating: Array(repeating: "", count: columns.count), count: 8)
            return NoticeAttachmentTable(kind: kind, columns: columns, rows: rows, landscape: true)
        }
    }
}
