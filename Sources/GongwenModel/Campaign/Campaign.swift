/// One year's quality-improvement campaign (质量攻关活动): who runs it, its dates, its document numbers and the
/// lists its forms offer. Read from `campaign.yaml`; everything a document says about the campaign comes from
/// here, never from a template's literal text.
public struct Campaign: Sendable, Equatable {
    /// `2019年滨海新区质量攻关活动`.
    public var title: String
    public var year: Int
    /// The area the campaign covers, as titles name it: 滨海新区.
    public var area: String
    /// 组织单位, e.g. 滨海新区质量工作领导小组办公室 (区质量工作领导小组办公室, 设在区市场监管局).
    public var organizer: Organization
    /// 协办单位, e.g. 天津市滨海新区质量协会.
    public var coOrganizer: String
    /// The issuer code of the office's 发文字号, e.g. `津滨质量组办`.
    public var documentNumberPrefix: String
    public var contact: Contact
    /// 4月22日前: the day by which recommenders send their stamped tables.
    public var declarationDeadline: CalendarDate
    /// The 成文日期 of each document the office issues, by document key (`call`, `plan_notice`, …).
    public var issueDates: [String: CalendarDate]
    /// The 发文字号 serial of each numbered document, by document key. Never reused within a campaign.
    public var documentSerials: [String: Int]
    /// 署名: the name the office signs with.
    public var signatory: String
    /// 行业 offered on the form, e.g. GB/T 4754 sections (制造业, 建筑业 …).
    public var industries: [String]
    /// 所在区 offered on the form: Binhai's functional zones and streets.
    public var districts: [String]
    /// Award levels from highest to lowest; default 一等奖 二等奖 三等奖 优秀奖.
    public var awardLevels: [String]
    /// What goes into each issued document's archive package besides the DOCX and its metadata record:
    /// `pdf` for a PDF/A-2b copy (campaign.yaml `archive: pdf`).
    public var archiveCopies: Set<String> = []
    /// 保管期限 of each issued document, by document key (campaign.yaml `retention:`); a document not named
    /// keeps the default of its 文种 (``Retention/default(for:)``).
    public var retention: [String: Retention] = [:]
    /// How the plan is numbered, which earlier years originality is checked against, the judges and the
    /// award quotas (campaign.yaml `plan_number:`, `history:`, `judges:`, `award_quotas:`).
    public var decisions = DecisionSettings()
    public var recommenders: [Recommender] {
        didSet { recommenderIndex = Self.index(recommenders) }
    }
    /// Where each id, name and short name points in `recommenders` (the first recommender claiming it wins), so
    /// that finding a declaration's recommender costs one lookup, not a scan: at 100,000 declarations and 100
    /// recommenders the scan was a third of a build.
    private var recommenderIndex: [String: Int] = [:]

    public init(
        title: String, year: Int, area: String, organizer: Organization, coOrganizer: String,
        documentNumberPrefix: String,
        contact: Contact, declarationDeadline: CalendarDate, issueDates: [String: CalendarDate] = [:],
        documentSerials: [String: Int] = [:], signatory: String, industries: [String] = [],
        districts: [String] = [], awardLevels: [String] = Campaign.defaultAwardLevels, recommenders: [Recommender]
    ) {
        self.title = title
        self.year = year
        self.area = area
        self.organizer = organizer
        self.coOrganizer = coOrganizer
        self.documentNumberPrefix = documentNumberPrefix
        self.contact = contact
        self.declarationDeadline = declarationDeadline
        self.issueDates = issueDates
        self.documentSerials = documentSerials
        self.signatory = signatory
        self.industries = industries
        self.districts = districts
        self.awardLevels = awardLevels
        self.recommenders = recommenders
        self.recommenderIndex = Self.index(recommenders)
    }

    private static func index(_ recommenders: [Recommender]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, recommender) in recommenders.enumerated() {
            for key in [recommender.id, recommender.name] + [recommender.shortName].compactMap({ $0 })
            where index[key] == nil {
                index[key] = position
            }
        }
        return index
    }

    /// standards.md §5: the Binhai tiers are not published; these are the usual QC-contest levels.
    public static let defaultAwardLevels = ["一等奖", "二等奖", "三等奖", "优秀奖"]

    /// The 发文字号 of the document `key`, if the campaign numbers it.
    public func documentNumber(for key: String) -> DocumentNumber? {
        documentSerials[key].map { DocumentNumber(prefix: documentNumberPrefix, year: year, serial: $0) }
    }

    /// The recommender named `nameOrID` (its 推荐单位 name, its short name, or its id).
    public func recommender(named nameOrID: String) -> Recommender? {
        recommenderIndex[nameOrID].map { recommenders[$0] }
    }
}

/// An organisation with its full name, the short form documents use, and where it sits.
public struct Organization: Sendable, Equatable {
    /// 滨海新区质量工作领导小组办公室.
    public var name: String
    /// 区质量工作领导小组办公室.
    public var shortName: String
    /// 设在区市场监管局.
    public var host: String

    public init(name: String, shortName: String, host: String) {
        self.name = name
        self.shortName = shortName
        self.host = host
    }
}

/// The office's contact for returned forms.
public struct Contact: Sendable, Equatable {
    public var email: String
    public var phone: String

    public init(email: String, phone: String) {
        self.email = email
        self.phone = phone
    }
}

/// A 推荐单位: a functional-zone market-regulation bureau, a market-regulation office, a group company or an
/// enterprise, which collects its companies' declarations and signs the footer of its 附件2 table.
public struct Recommender: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var shortName: String?
    /// 功能区市场监管局 / 市场监管所 / 集团公司 / 企业.
    public var kind: String
    /// 推荐部门负责人.
    public var head: String
    /// 填报人.
    public var preparer: String
    /// 联系人电话, as written.
    public var phone: String
    /// 日期: the date on the recommender's table (when it sent the table).
    public var date: CalendarDate?

    public init(
        id: String, name: String, shortName: String? = nil, kind: String, head: String, preparer: String,
        phone: String, date: CalendarDate?
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.head = head
        self.preparer = preparer
        self.phone = phone
        self.date = date
    }
}
