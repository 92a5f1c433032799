import Foundation
import GongwenModel

/// Every certificate of the campaign and the commendation list built from them.
public struct AwardsContext: Sendable, Equatable {
    /// How winners are ordered within a level.
    public enum Order: String, CaseIterable, Sendable {
        /// As the award list has them (a ranking, if the office ranked them).
        case data
        /// 按汉语拼音排序 of the unit's name.
        case pinyin
        /// 按笔画排序 of the unit's name, the usual order of such lists.
        case stroke

        /// Orders other than the data's carry no rank: the list says so (排名不分先后).
        public var note: String { self == .data ? "" : "（排名不分先后）" }
    }

    public struct Entry: Sendable, Equatable {
        public var number: Int
        /// `项目名称（申报单位：××有限公司）`, `××QC小组（××有限公司）` or the recommender's name.
        public var text: String
        public var certificate: Certificate
    }

    public struct LevelGroup: Sendable, Equatable {
        /// `一、一等奖（5项）`.
        public var heading: String
        public var level: String
        public var entries: [Entry]
    }

    public struct CategoryGroup: Sendable, Equatable {
        /// `优秀成果（24项）`.
        public var heading: String
        public var category: AwardCategory
        public var levels: [LevelGroup]
        public var note: String
    }

    public var certificates: [Certificate]
    public var categories: [CategoryGroup]
    public var order: Order
    public var title: String
    public var issuer: String
    /// 成文日期 of the commendation, 2019年9月20日.
    public var date: String
    public var campaignTitle: String
    public var year: Int

    /// The key of the commendation in campaign.yaml's `issue_dates`.
    public static let documentKey = DocumentKey.commendation

    /// What each category is called on the list.
    public static func name(of category: AwardCategory) -> String {
        switch category {
        case .projectResult: "优秀成果"
        case .group: "优秀小组"
        case .recommender: "优秀推荐单位"
        }
    }

    public static func make(_ data: CampaignData, order: Order = .stroke, prefix: String = "BH") -> AwardsContext {
        let campaign = data.campaign
        let firstIndex = data.firstDeclarationIndexByProject()
        func identity(_ award: Award) -> String {
            switch award.category {
            case .projectResult, .group:
                "\(award.category.rawValue)|\(award.projectKey.creditCode)|\(award.projectKey.projectName)"
            case .recommender:
                "recommender|\(campaign.recommender(named: award.recommender)?.id ?? award.recommender)"
            }
        }
        let numbers = CertificateNumbering.numbers(
            for: data.awards.map { (identity($0), $0.category) }, prefix: prefix, year: campaign.year)
        let certificates = data.awards.map { award -> Certificate in
            let declaration = firstIndex[award.projectKey].map { data.declarations[$0] }
            let company = declaration?.applicant ?? award.unit
            let recommender = campaign.recommender(named: declaration?.recommender ?? award.recommender)
            let number = award.certificateNumber.isEmpty ? numbers[identity(award)] ?? "" : award.certificateNumber
            switch award.category {
            case .projectResult:
                return Certificate(
                    number: number, category: .projectResult, level: award.level, recipient: company, unit: company,
                    projectName: award.projectName, recommender: recommender?.name ?? "")
            case .group:
                let unit = award.unit.isEmpty ? company : award.unit
                return Certificate(
                    number: number, category: .group, level: award.level, recipient: award.groupName, unit: unit,
                    projectName: award.projectName, recommender: recommender?.name ?? "")
            case .recommender:
                let name = campaign.recommender(named: award.recommender)?.name ?? award.recommender
                return Certificate(
                    number: number, category: .recommender, level: award.level, recipient: name, unit: name,
                    projectName: "", recommender: name)
            }
        }
        let categories = AwardCategory.allCases.compactMap { category -> CategoryGroup? in
            let members = certificates.filter { $0.category == category }
            guard !members.isEmpty else { return nil }
            let levels = (campaign.awardLevels + [""]).compactMap { level -> [Certificate]? in
                let group = members.filter { $0.level == level }
                return group.isEmpty ? nil : Self.sorted(group, by: order)
            }
            let unit = category == .recommender ? "家" : category == .group ? "个" : "项"
            var levelGroups: [LevelGroup] = []
            for (index, group) in levels.enumerated() {
                let level = group[0].level.isEmpty ? name(of: category) : group[0].level
                // A category of one unnamed level (优秀推荐单位) has no level heading: it would only repeat the
                // category's ("优秀推荐单位（4家）" over "一、优秀推荐单位（4家）").
                let redundant = group[0].level.isEmpty && levels.count == 1
                levelGroups.append(
                    LevelGroup(
                        heading: redundant
                            ? "" : ChineseNumeral.ordinal(index + 1, level: .first) + "\(level)（\(group.count)\(unit)）",
                        level: group[0].level,
                        entries: group.enumerated().map { Entry(number: $0 + 1, text: entryText($1), certificate: $1) })
                )
            }
            return CategoryGroup(
                heading: "\(name(of: category))（\(members.count)\(unit)）", category: category, levels: levelGroups,
                note: order.note)
        }
        let date = campaign.issueDate(of: documentKey) ?? campaign.issueDates.values.max()
        return AwardsContext(
            certificates: certificates, categories: categories, order: order,
            title: "\(campaign.title)获奖名单", issuer: campaign.signatory, date: date?.chinese ?? "",
            campaignTitle: campaign.title, year: campaign.year)
    }

    /// The list's entry for a certificate (standards.md §5: `项目名称（申报单位：××有限公司）`).
    static func entryText(_ certificate: Certificate) -> String {
        switch certificate.category {
        case .projectResult: "\(certificate.projectName)（申报单位：\(certificate.unit)）"
        case .group: "\(certificate.recipient)（\(certificate.unit)）"
        case .recommender: certificate.recipient
        }
    }

    /// Orders by the unit's name: ICU's Chinese stroke or pinyin collation, then the project, then the
    /// number, so equal names never depend on the input's order.
    static func sorted(_ certificates: [Certificate], by order: Order) -> [Certificate] {
        guard order != .data else { return certificates }
        let locale = Locale(identifier: order == .stroke ? "zh@collation=stroke" : "zh@collation=pinyin")
        return certificates.sorted { lhs, rhs in
            for (a, b) in [(lhs.unit, rhs.unit), (lhs.recipient, rhs.recipient), (lhs.projectName, rhs.projectName)] {
                let result = a.compare(b, options: [], range: nil, locale: locale)
                if result != .orderedSame { return result == .orderedAscending }
            }
            return lhs.number < rhs.number
        }
    }
}
