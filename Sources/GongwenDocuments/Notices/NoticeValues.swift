import GongwenModel

/// The values a notice of the year (`Templates/notices/<key>.yaml`) may name with `{{name}}`: the campaign's
/// organisers, contact and dates, the counts of its data, this notice's own 文号 and 成文日期, and those of
/// the other documents of the year (`{{numbers.call}}`, `{{dates.plan_notice}}`), so that a notice can cite
/// the 方案 it follows. Every value is already formatted as a 公文 prints it (2019年4月8日, 4月22日).
public struct NoticeValues: Sendable, Equatable {
    public var key: DocumentKey
    public var year: Int
    public var area: String
    public var campaignTitle: String
    public var organizerName: String
    public var organizerShortName: String
    public var organizerHost: String
    public var coOrganizer: String
    public var signatory: String
    /// This notice's 发文字号 and 成文日期.
    public var documentNumber: String
    public var issueDate: String
    /// The declaration deadline, `4月22日`.
    public var deadline: String
    public var officeEmail: String
    public var officePhone: String
    public var declaredCount: Int
    public var plannedCount: Int
    public var recommenderCount: Int
    public var awardCount: Int
    /// The one recommender a per-recipient copy goes to (its 主送), empty otherwise.
    public var recipient: String
    /// Every numbered document's 文号 and every dated document's 成文日期, by key.
    public var numbers: [String: String]
    public var dates: [String: String]

    /// The values of notice `key`, or nil when campaign.yaml does not yet number and date it.
    public static func make(key: DocumentKey, data: CampaignData, recipient: String = "") -> NoticeValues? {
        let campaign = data.campaign
        guard let number = campaign.documentNumber(of: key), let date = campaign.issueDate(of: key) else { return nil }
        return make(key: key, data: data, number: number, date: date, recipient: recipient)
    }

    /// Values with which to check the wording of a notice campaign.yaml does not number and date yet: a
    /// placeholder 文号 and date for it, and for every document `keys` names, so that `{{numbers.x}}` is
    /// checked for its spelling now and for its value once the notice is made.
    public static func placeholder(key: DocumentKey, data: CampaignData, keys: [DocumentKey]) -> NoticeValues {
        let campaign = data.campaign
        let date = CalendarDate(year: campaign.year, month: 1, day: 1) ?? campaign.declarationDeadline
        let number = DocumentNumber(prefix: campaign.documentNumberPrefix, year: campaign.year, serial: 1)
        var values = make(key: key, data: data, number: number, date: date, recipient: "")
        for other in keys.map(\.rawValue) {
            values.numbers[other] = values.numbers[other] ?? values.documentNumber
            values.dates[other] = values.dates[other] ?? values.issueDate
        }
        return values
    }

    static func make(
        key: DocumentKey, data: CampaignData, number: DocumentNumber, date: CalendarDate, recipient: String
    ) -> NoticeValues {
        let campaign = data.campaign
        let deadline = campaign.declarationDeadline
        let recommenders = Set(data.declarations.map(\.recommender))
        var numbers: [String: String] = [:]
        for key in campaign.documentSerials.keys {
            numbers[key] = campaign.documentNumber(for: key)?.description
        }
        return NoticeValues(
            key: key, year: campaign.year, area: campaign.area, campaignTitle: campaign.title,
            organizerName: campaign.organizer.name, organizerShortName: campaign.organizer.shortName,
            organizerHost: campaign.organizer.host, coOrganizer: campaign.coOrganizer, signatory: campaign.signatory,
            documentNumber: number.description, issueDate: date.chinese,
            deadline: "\(deadline.month)月\(deadline.day)日", officeEmail: campaign.contact.email,
            officePhone: campaign.contact.phone, declaredCount: data.declarations.count, plannedCount: data.plan.count,
            recommenderCount: recommenders.count, awardCount: data.awards.count, recipient: recipient,
            numbers: numbers, dates: campaign.issueDates.mapValues(\.chinese))
    }
}
