/// One row of 附件2, the declaration table: one company's project, as its recommender sent it.
///
/// Fields hold the text as written; checking happens in ``CampaignValidator`` so that a row with a bad credit
/// code is still a row the user can see listed with its problem, never one that silently disappeared.
public struct Declaration: Sendable, Equatable {
    /// 序号 as written on the form, if any.
    public var serial: String
    /// 申报单位名称 (与公章一致).
    public var applicant: String
    /// 统一社会信用代码, as written.
    public var creditCode: String
    /// 行业.
    public var industry: String
    /// 所在区.
    public var district: String
    /// 项目名称.
    public var projectName: String
    /// 项目负责人.
    public var projectLead: String
    /// 联系方式, as written.
    public var phone: String
    /// 电子邮箱.
    public var email: String
    /// 推荐单位: the recommender's name or id, as written.
    public var recommender: String
    /// 收到日期: when the office received it, if recorded.
    public var received: CalendarDate?
    /// The row it came from.
    public var origin: RecordOrigin

    public init(
        serial: String = "", applicant: String, creditCode: String, industry: String, district: String,
        projectName: String, projectLead: String, phone: String, email: String, recommender: String,
        received: CalendarDate? = nil, origin: RecordOrigin
    ) {
        self.serial = serial
        self.applicant = applicant
        self.creditCode = creditCode
        self.industry = industry
        self.district = district
        self.projectName = projectName
        self.projectLead = projectLead
        self.phone = phone
        self.email = email
        self.recommender = recommender
        self.received = received
        self.origin = origin
    }

    /// The value of `field` as written.
    public subscript(field: DeclarationField) -> String {
        switch field {
        case .serial: serial
        case .applicant: applicant
        case .creditCode: creditCode
        case .industry: industry
        case .district: district
        case .projectName: projectName
        case .projectLead: projectLead
        case .phone: phone
        case .email: email
        case .recommender: recommender
        case .received: received?.iso ?? ""
        }
    }

    /// Two declarations are the same project when credit code and project name agree (after folding width,
    /// case and spaces): a company may declare several projects, and one project must not come in twice.
    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// The identity of a declared project: its company's credit code and its name, folded.
public struct ProjectKey: Hashable, Sendable {
    public let creditCode: String
    public let projectName: String

    public init(creditCode: String, projectName: String) {
        self.creditCode = TextNormalization.folded(creditCode, uppercased: true)
        self.projectName = TextNormalization.folded(projectName, uppercased: false)
    }
}

/// The columns of 附件2 plus the two the office's own list adds (推荐单位, 收到日期).
public enum DeclarationField: String, CaseIterable, Sendable {
    case serial, applicant, creditCode, industry, district, projectName, projectLead, phone, email
    case recommender, received

    /// The column title on the form (the plan's annex wording).
    public var title: String {
        switch self {
        case .serial: "序号"
        case .applicant: "申报单位名称"
        case .creditCode: "统一社会信用代码"
        case .industry: "行业"
        case .district: "所在区"
        case .projectName: "项目名称"
        case .projectLead: "项目负责人"
        case .phone: "联系方式"
        case .email: "电子邮箱"
        case .recommender: "推荐单位"
        case .received: "收到日期"
        }
    }

    public var english: String {
        switch self {
        case .serial: "serial number"
        case .applicant: "applicant"
        case .creditCode: "credit code"
        case .industry: "industry"
        case .district: "district"
        case .projectName: "project name"
        case .projectLead: "project lead"
        case .phone: "phone"
        case .email: "e-mail"
        case .recommender: "recommender"
        case .received: "date received"
        }
    }

    /// The nine columns of the printed 附件2 form, in order.
    public static let formColumns: [DeclarationField] = [
        .serial, .applicant, .creditCode, .industry, .district, .projectName, .projectLead, .phone, .email,
    ]

    /// Fields a declaration cannot do without.
    public static let required: [DeclarationField] = [
        .applicant, .creditCode, .industry, .district, .projectName, .projectLead, .phone, .email, .recommender,
    ]
}

/// The file and row a record came from, and which column holds each field there, so that any diagnostic about
/// the record can name its cell.
public struct RecordOrigin: Hashable, Sendable {
    public var file: String
    /// The row as Excel numbers it: the header is row 1 in a CSV.
    public var row: Int
    /// 1-based column of each field in that file (shared by every row of the file).
    public var columns: [String: Int]

    public init(file: String, row: Int, columns: [String: Int] = [:]) {
        self.file = file
        self.row = row
        self.columns = columns
    }

    /// The location of `field` (a field key such as `creditCode`) in this record.
    public func location(of field: String, titled title: String? = nil) -> SourceLocation {
        SourceLocation(file: file, row: row, column: columns[field], field: title ?? field)
    }

    public func location(of field: DeclarationField) -> SourceLocation {
        location(of: field.rawValue, titled: field.title)
    }
}
