/// What campaign.yaml says about the year's two decisions: the plan's numbering, the earlier years to check
/// originality against, the judges and the award quotas.
public struct DecisionSettings: Sendable, Equatable {
    /// Earlier years' campaign folders, relative to this campaign's folder (`history: [../binhai-2018]`).
    public var history: [String] = []
    /// How a 计划编号 is made (`plan_number:`), ``PlanNumbering``.
    public var planNumbering = PlanNumbering()
    /// The judges (`judges:`), by name: one scoring workbook each.
    public var judges: [String] = []
    /// The share of the ranked projects each award level may have, highest level first (`award_quotas:`).
    public var awardQuotas: [AwardQuota] = []
    /// How many 优秀推荐单位 to propose at most (`recommender_awards:`).
    public var recommenderAwards = 3

    public init() {}

    /// The quotas the issue of the campaign names when campaign.yaml gives none: 一等奖 10 %, 二等奖 20 %,
    /// 三等奖 30 % of the ranked projects (the first three levels of `award_levels`).
    public static func defaultQuotas(levels: [String]) -> [AwardQuota] {
        zip(levels, [10, 20, 30]).map { AwardQuota(level: $0, percent: $1) }
    }
}

/// One award level's share of the ranked projects, in whole per cent.
public struct AwardQuota: Sendable, Equatable {
    public var level: String
    public var percent: Int

    public init(level: String, percent: Int) {
        self.level = level
        self.percent = percent
    }
}

/// The rule a 计划编号 is made by: a pattern with `{year}` and `{n}` (the project's number in the plan),
/// `{n:3}` padding it to three digits. `BHZLGG-{year}-{n:3}` gives BHZLGG-2019-001.
public struct PlanNumbering: Sendable, Equatable {
    public static let defaultPattern = "{year}-{n:3}"

    public var pattern: String

    public init(pattern: String = PlanNumbering.defaultPattern) {
        self.pattern = pattern
    }

    /// Whether the pattern has exactly one `{n}` (or `{n:W}`): without one every number would be the same.
    public var isValid: Bool { parts != nil }

    /// The text before `{n…}`, the padding width, and the text after (with `{year}` not yet filled in).
    var parts: (before: String, width: Int, after: String)? {
        guard let open = pattern.firstRange(of: "{n"), let close = pattern[open.upperBound...].firstIndex(of: "}")
        else {
            return nil
        }
        let spec = pattern[open.upperBound..<close]
        var width = 0
        if !spec.isEmpty {
            guard spec.first == ":", let value = Int(spec.dropFirst()), (1...9).contains(value) else { return nil }
            width = value
        }
        let after = String(pattern[pattern.index(after: close)...])
        guard !after.contains("{n") else { return nil }
        return (String(pattern[..<open.lowerBound]), width, after)
    }

    /// The number `n` of the plan of `year`.
    public func number(_ n: Int, year: Int) -> String {
        guard let parts else { return "\(year)-\(n)" }
        let digits = String(n)
        let padded = String(repeating: "0", count: max(0, parts.width - digits.count)) + digits
        return (parts.before + padded + parts.after).replacing("{year}", with: String(year))
    }

    /// The `n` of a plan number made by this rule, or nil if it was not (an office's own numbering).
    public func sequence(of number: String, year: Int) -> Int? {
        guard let parts else { return nil }
        let before = parts.before.replacing("{year}", with: String(year))
        let after = parts.after.replacing("{year}", with: String(year))
        guard number.hasPrefix(before), number.hasSuffix(after), number.count > before.count + after.count else {
            return nil
        }
        let middle = number.dropFirst(before.count).dropLast(after.count)
        guard middle.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(middle)
    }
}
