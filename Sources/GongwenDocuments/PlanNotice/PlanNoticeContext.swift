import GongwenModel

/// What the plan notice (关于下达…重点项目计划的通知) and its plan table show: the values its wording may
/// name, and the planned projects in plan-number order.
public struct PlanNoticeContext: Sendable, Equatable {
    /// The names a notice template may use, every one of them set.
    public struct Values: Sendable, Equatable {
        public var year: Int
        public var area: String
        public var campaignTitle: String
        public var organizerName: String
        public var organizerShortName: String
        public var organizerHost: String
        public var coOrganizer: String
        public var signatory: String
        /// 津滨质量组办〔2019〕5号.
        public var documentNumber: String
        /// 成文日期, 2019年4月30日.
        public var issueDate: String
        public var plannedCount: Int
        public var declaredCount: Int
        /// Recommenders with at least one planned project.
        public var recommenderCount: Int
        /// The declaration deadline as 4月22日.
        public var deadline: String
    }

    public struct Row: Sendable, Equatable {
        public var number: Int
        public var planNumber: String
        public var applicant: String
        public var projectName: String
        public var projectLead: String
        /// The recommender's short name where it has one: the table is portrait, 156 mm wide.
        public var recommender: String

        public var cells: [String] {
            [String(number), planNumber, applicant, projectName, projectLead, recommender]
        }
    }

    public var values: Values
    public var rows: [Row]
    public var documentNumber: DocumentNumber
    public var issueDate: CalendarDate

    /// The notice of `data`'s plan, or nil when the campaign does not number and date a plan notice
    /// (`document_numbers.plan_notice`, `issue_dates.plan_notice`); the validator reports that.
    public static func make(_ data: CampaignData) -> PlanNoticeContext? {
        let campaign = data.campaign
        guard let number = campaign.documentNumber(of: Self.documentKey),
            let date = campaign.issueDate(of: Self.documentKey)
        else { return nil }
        let firstIndex = data.firstDeclarationIndexByProject()
        let rows = data.plan.enumerated().compactMap { index, entry -> Row? in
            guard let found = firstIndex[entry.projectKey] else { return nil }
            let declaration = data.declarations[found]
            let recommender = campaign.recommender(named: declaration.recommender)
            return Row(
                number: index + 1, planNumber: entry.planNumber, applicant: declaration.applicant,
                projectName: declaration.projectName, projectLead: declaration.projectLead,
                recommender: recommender?.shortName ?? recommender?.name ?? declaration.recommender)
        }
        let recommenders = Set(rows.map(\.recommender))
        let deadline = campaign.declarationDeadline
        let values = Values(
            year: campaign.year, area: campaign.area, campaignTitle: campaign.title,
            organizerName: campaign.organizer.name, organizerShortName: campaign.organizer.shortName,
            organizerHost: campaign.organizer.host, coOrganizer: campaign.coOrganizer, signatory: campaign.signatory,
            documentNumber: number.description, issueDate: date.chinese, plannedCount: rows.count,
            declaredCount: data.declarations.count, recommenderCount: recommenders.count,
            deadline: "\(deadline.month)月\(deadline.day)日")
        return PlanNoticeContext(values: values, rows: rows, documentNumber: number, issueDate: date)
    }

    /// The key of the plan notice in campaign.yaml's `document_numbers` and `issue_dates`.
    public static let documentKey = DocumentKey.planNotice
}
