/// 保管期限, how long an archive keeps a document (DA/T 22-2015 §6.1; DA/T 46-2009 element 档号·保管期限):
/// 永久, 定期30年 or 定期10年, coded Y, D30 and D10 in the 档号.
public enum Retention: String, Sendable, Equatable, CaseIterable {
    case permanent = "永久"
    case thirtyYears = "30年"
    case tenYears = "10年"

    /// The code the 档号 uses (DA/T 22-2015 §6.1.3).
    public var code: String {
        switch self {
        case .permanent: "Y"
        case .thirtyYears: "D30"
        case .tenYears: "D10"
        }
    }

    /// As campaign.yaml may write it: 永久, 30年 or 定期30年, 10年 or 定期10年, or the code.
    public init?(parsing text: String) {
        let trimmed = text.trimmingPrefix("定期")
        if let value = Retention(rawValue: String(trimmed)) {
            self = value
        } else if let value = Retention.allCases.first(where: { $0.code == text }) {
            self = value
        } else {
            return nil
        }
    }

    /// Unless campaign.yaml says otherwise: a 决定 (a commendation is the office's lasting record of who was
    /// honoured) is kept for ever, every other 文种 (通知, 函, 报告 …) for 30 years.
    public static func `default`(for documentType: String) -> Retention {
        documentType == "决定" ? .permanent : .thirtyYears
    }
}
