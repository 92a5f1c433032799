/// One project the office selected for the year's 重点项目计划, with its plan number (计划编号).
///
/// It names its declaration by the project's identity (credit code and project name), the same key the
/// duplicate check uses, so a plan line cannot silently point at the wrong row after the table is re-sorted.
public struct PlanEntry: Sendable, Equatable {
    public var planNumber: String
    public var creditCode: String
    public var projectName: String
    public var origin: RecordOrigin

    public init(planNumber: String, creditCode: String, projectName: String, origin: RecordOrigin) {
        self.planNumber = planNumber
        self.creditCode = creditCode
        self.projectName = projectName
        self.origin = origin
    }

    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// The award categories of the campaign plan §五(六): results, groups and excellent recommenders.
public enum AwardCategory: String, CaseIterable, Sendable {
    /// 项目成果: a declared project's result.
    case projectResult
    /// 小组: the project group (QC 小组) of a declared project, with its unit.
    case group
    /// 优秀推荐单位: a recommender.
    case recommender

    public var title: String {
        switch self {
        case .projectResult: "项目成果"
        case .group: "小组"
        case .recommender: "优秀推荐单位"
        }
    }

    /// Accepts the Chinese title or the key.
    public init?(title: String) {
        guard let match = Self.allCases.first(where: { $0.title == title || $0.rawValue == title }) else {
            return nil
        }
        self = match
    }
}

/// One award decided by the experts in September.
public struct Award: Sendable, Equatable {
    public var category: AwardCategory
    /// One of the campaign's award levels (一等奖 …). 优秀推荐单位 may have none.
    public var level: String
    /// The project's credit code and name (项目成果 and 小组).
    public var creditCode: String
    public var projectName: String
    /// 小组名称.
    public var groupName: String
    /// The unit a group belongs to (申报单位).
    public var unit: String
    /// The recommender (优秀推荐单位), by name or id.
    public var recommender: String
    /// 证书编号 as already issued, if the office keeps its own; empty for gongwen's stable number.
    public var certificateNumber: String
    public var origin: RecordOrigin

    public init(
        category: AwardCategory, level: String, creditCode: String = "", projectName: String = "",
        groupName: String = "", unit: String = "", recommender: String = "", certificateNumber: String = "",
        origin: RecordOrigin
    ) {
        self.certificateNumber = certificateNumber
        self.category = category
        self.level = level
        self.creditCode = creditCode
        self.projectName = projectName
        self.groupName = groupName
        self.unit = unit
        self.recommender = recommender
        self.origin = origin
    }

    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// Everything read from one campaign folder: the campaign, its declarations, its plan and its awards.
public struct CampaignData: Sendable, Equatable {
    public var campaign: Campaign
    public var declarations: [Declaration]
    public var plan: [PlanEntry]
    public var awards: [Award]

    public init(campaign: Campaign, declarations: [Declaration], plan: [PlanEntry] = [], awards: [Award] = []) {
        self.campaign = campaign
        self.declarations = declarations
        self.plan = plan
        self.awards = awards
    }

    /// The declarations of one recommender, in the order of the data.
    public func declarations(of recommender: Recommender) -> [Declaration] {
        declarations.filter { campaign.recommender(named: $0.recommender)?.id == recommender.id }
    }

    /// The index in `declarations` of each project's first declaration. Indexes, not declarations: a
    /// dictionary of 100,000 whole declarations took 100 MB.
    public func firstDeclarationIndexByProject() -> [ProjectKey: Int] {
        var first: [ProjectKey: Int] = [:]
        first.reserveCapacity(declarations.count)
        for (index, declaration) in declarations.enumerated() where first[declaration.projectKey] == nil {
            first[declaration.projectKey] = index
        }
        return first
    }

    /// Every recommender's declarations by recommender id, in the order of the data, found in one pass.
    public func declarationsByRecommender() -> [String: [Declaration]] {
        var groups: [String: [Declaration]] = [:]
        for declaration in declarations {
            guard let id = campaign.recommender(named: declaration.recommender)?.id else { continue }
            groups[id, default: []].append(declaration)
        }
        return groups
    }
}
