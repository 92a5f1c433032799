/// The office's screening of the declarations into the year's plan (方案 §五(二): "依据各推荐单位的推荐项目，
/// 区质量工作领导小组办公室经严格筛选后，下达…计划"): each project marked 列入 or 不列入, with a reason.
public enum SelectionMark: String, Sendable, CaseIterable {
    case selected = "列入"
    case notSelected = "不列入"

    /// Accepts 列入 / 不列入 and the words a clerk might type instead (是/否, Y/N).
    public init?(typed text: String) {
        switch TextNormalization.folded(text, uppercased: true) {
        case "列入", "是", "Y", "YES", "√", "✓": self = .selected
        case "不列入", "否", "N", "NO", "×", "✗": self = .notSelected
        default: return nil
        }
    }
}

/// One row of a returned selection workbook: a project and what the office marked.
public struct SelectionDecision: Sendable, Equatable {
    public var creditCode: String
    public var projectName: String
    /// nil: left blank (the project keeps the state it had).
    public var mark: SelectionMark?
    public var reason: String
    public var origin: RecordOrigin

    public init(creditCode: String, projectName: String, mark: SelectionMark?, reason: String, origin: RecordOrigin) {
        self.creditCode = creditCode
        self.projectName = projectName
        self.mark = mark
        self.reason = reason
        self.origin = origin
    }

    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// One project in the selection record (selection.csv): the basis of the plan notice, kept with its reasons.
public struct SelectionRecordEntry: Sendable, Equatable {
    /// The 计划编号 the project was given, if it ever was: kept when it leaves the plan, so it is never reused.
    public var planNumber: String
    public var creditCode: String
    public var projectName: String
    public var applicant: String
    public var recommender: String
    /// 列入, 不列入 or empty (not decided).
    public var result: String
    public var reason: String

    public init(
        planNumber: String, creditCode: String, projectName: String, applicant: String, recommender: String,
        result: String, reason: String
    ) {
        self.planNumber = planNumber
        self.creditCode = creditCode
        self.projectName = projectName
        self.applicant = applicant
        self.recommender = recommender
        self.result = result
        self.reason = reason
    }

    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// The plan a set of marks makes, and what changes from the plan there was.
///
/// Numbering rule (stable): a project that has (or ever had) a 计划编号 keeps it; a newly selected project gets
/// the next number after the highest the rule has given this year (plan or record), in recommender order —
/// campaign.yaml's order of recommenders, then the order of the declarations. So selecting one more project
/// later numbers it after all the others and renumbers nothing; a number freed by 不列入 is not given again.
public struct PlanSelection: Sendable {
    public var plan: [PlanEntry]
    public var record: [SelectionRecordEntry]
    /// Projects that enter, leave, or stay in the plan; projects left blank.
    public var added: [PlanEntry] = []
    public var removed: [PlanEntry] = []
    public var kept = 0
    public var unmarked = 0

    /// Applies `decisions` to the campaign's plan. Every decision must name a declared project (the caller has
    /// checked, ``unknownProjects(_:in:)``).
    public static func apply(
        _ decisions: [SelectionDecision], to data: CampaignData, record previous: [SelectionRecordEntry]
    ) -> PlanSelection {
        let campaign = data.campaign
        let numbering = campaign.decisions.planNumbering
        var decided: [ProjectKey: SelectionDecision] = [:]
        for decision in decisions { decided[decision.projectKey] = decision }
        var numberOf: [ProjectKey: String] = [:]
        for entry in previous where !entry.planNumber.isEmpty { numberOf[entry.projectKey] = entry.planNumber }
        for entry in data.plan { numberOf[entry.projectKey] = entry.planNumber }
        var highest = numberOf.values.compactMap { numbering.sequence(of: $0, year: campaign.year) }.max() ?? 0
        let planned = Set(data.plan.map(\.projectKey))
        var previousRecord: [ProjectKey: SelectionRecordEntry] = [:]
        for entry in previous { previousRecord[entry.projectKey] = entry }

        // Declarations in numbering order: recommenders as campaign.yaml lists them, then as the data has them.
        let rank = Dictionary(
            campaign.recommenders.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let first = data.firstDeclarationIndexByProject().sorted { $0.value < $1.value }.map(\.value)
        let ordered = first.sorted { a, b in
            let ra = campaign.recommender(named: data.declarations[a].recommender).flatMap { rank[$0.id] } ?? Int.max
            let rb = campaign.recommender(named: data.declarations[b].recommender).flatMap { rank[$0.id] } ?? Int.max
            return (ra, a) < (rb, b)
        }
        var result = PlanSelection(plan: [], record: [])
        var planByKey: [ProjectKey: PlanEntry] = [:]
        for entry in data.plan where planByKey[entry.projectKey] == nil { planByKey[entry.projectKey] = entry }
        for index in ordered {
            let declaration = data.declarations[index]
            let key = declaration.projectKey
            let decision = decided[key]
            let wasPlanned = planned.contains(key)
            let selected: Bool
            switch decision?.mark {
            case .selected: selected = true
            case .notSelected: selected = false
            case nil:
                selected = wasPlanned
                if decision != nil { result.unmarked += 1 }
            }
            var number = numberOf[key] ?? ""
            if selected, number.isEmpty {
                highest += 1
                number = numbering.number(highest, year: campaign.year)
            }
            let entry =
                planByKey[key]
                ?? PlanEntry(
                    planNumber: number, creditCode: declaration.creditCode, projectName: declaration.projectName,
                    origin: RecordOrigin(file: "", row: 0))
            if selected {
                result.plan.append(entry)
                if wasPlanned { result.kept += 1 } else { result.added.append(entry) }
            } else if wasPlanned {
                result.removed.append(entry)
            }
            // Left blank or not in this workbook: the project keeps the result it had.
            let previousResult =
                previousRecord[key]?.result == SelectionMark.notSelected.rawValue
                ? SelectionMark.notSelected.rawValue : ""
            let resultText =
                decision?.mark?.rawValue ?? (wasPlanned ? SelectionMark.selected.rawValue : previousResult)
            let reason = decision.map(\.reason).flatMap { $0.isEmpty ? nil : $0 } ?? previousRecord[key]?.reason ?? ""
            result.record.append(
                SelectionRecordEntry(
                    planNumber: number, creditCode: declaration.creditCode, projectName: declaration.projectName,
                    applicant: declaration.applicant, recommender: declaration.recommender,
                    result: resultText,
                    reason: reason))
        }
        // Plan lines first as the rule numbers them; lines numbered otherwise (the office's own) keep their place.
        let position = Dictionary(
            data.plan.enumerated().map { ($0.element.projectKey, $0.offset) }, uniquingKeysWith: { a, _ in a })
        result.plan.sort { a, b in
            let sa = numbering.sequence(of: a.planNumber, year: campaign.year) ?? Int.max
            let sb = numbering.sequence(of: b.planNumber, year: campaign.year) ?? Int.max
            return (sa, position[a.projectKey] ?? Int.max) < (sb, position[b.projectKey] ?? Int.max)
        }
        return result
    }

    /// The decisions that name no declared project, and the projects decided twice with different marks.
    public static func unknownProjects(_ decisions: [SelectionDecision], in data: CampaignData) -> [SelectionDecision] {
        let declared = Set(data.declarations.map(\.projectKey))
        return decisions.filter { !declared.contains($0.projectKey) }
    }
}
