/// A document the office issues, by the key campaign.yaml numbers and dates it under (`document_numbers`,
/// `issue_dates`). The documents gongwen knows are named here; a notice of the year added as
/// `Templates/notices/<key>.yaml` is `DocumentKey(key)`.
public struct DocumentKey: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// 活动方案: the call for declarations that starts the year, with the 附件2 form.
    public static let call = DocumentKey("call")
    /// 关于下达…重点项目计划的通知.
    public static let planNotice = DocumentKey("plan_notice")
    /// 关于表彰…的决定.
    public static let commendation = DocumentKey("commendation")

    public var description: String { rawValue }

    public static func < (lhs: DocumentKey, rhs: DocumentKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Campaign {
    /// The 成文日期 campaign.yaml gives `key` (`issue_dates`).
    public func issueDate(of key: DocumentKey) -> CalendarDate? { issueDates[key.rawValue] }

    /// The 发文字号 of `key`, if campaign.yaml numbers it (`document_numbers`).
    public func documentNumber(of key: DocumentKey) -> DocumentNumber? { documentNumber(for: key.rawValue) }
}
