extension CampaignValidator {
    func checkPlan(_ plan: [PlanEntry], declared: Set<ProjectKey>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var numbers: [String: PlanEntry] = [:]
        var planned: [ProjectKey: PlanEntry] = [:]
        for entry in plan {
            if entry.planNumber.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, "field.required", at: entry.origin.location(of: "planNumber", titled: "计划编号"),
                        chinese: "计划编号为必填项", english: "plan number is required"))
            } else if let first = numbers[entry.planNumber] {
                diagnostics.append(
                    Diagnostic(
                        .error, "plan.number-reused", at: entry.origin.location(of: "planNumber", titled: "计划编号"),
                        chinese: "计划编号 \(entry.planNumber) 重复，已用于第\(first.origin.row)行",
                        english: "plan number \(entry.planNumber) repeats; first used in row \(first.origin.row)"))
            } else {
                numbers[entry.planNumber] = entry
            }
            let key = entry.projectKey
            if !declared.contains(key) {
                diagnostics.append(
                    Diagnostic(
                        .error, "plan.undeclared", at: entry.origin.location(of: "projectName", titled: "项目名称"),
                        chinese: "计划项目“\(entry.projectName)”（\(entry.creditCode)）不在申报表中",
                        english: "planned project \"\(entry.projectName)\" (\(entry.creditCode)) was not declared"))
            } else if let first = planned[key] {
                diagnostics.append(
                    Diagnostic(
                        .error, "plan.duplicate", at: entry.origin.location(of: "projectName", titled: "项目名称"),
                        chinese: "项目“\(entry.projectName)”已在第\(first.origin.row)行列入计划",
                        english: "project \"\(entry.projectName)\" is already in the plan at row \(first.origin.row)"))
            } else {
                planned[key] = entry
            }
        }
        return diagnostics
    }

    func checkAwards(_ awards: [Award], data: CampaignData, declared: Set<ProjectKey>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var awarded: [String: Award] = [:]
        var numbered: [String: Award] = [:]
        for award in awards {
            func report(_ code: String, _ field: String, _ title: String, _ chinese: String, _ english: String) {
                diagnostics.append(
                    Diagnostic(
                        .error, code, at: award.origin.location(of: field, titled: title), chinese: chinese,
                        english: english))
            }
            // 优秀推荐单位 is a title in itself; it may carry a level or none.
            let levelOptional = award.category == .recommender && award.level.isEmpty
            if !levelOptional, !data.campaign.awardLevels.contains(award.level) {
                report(
                    "award.unknown-level", "level", "等级",
                    "奖项等级“\(award.level)”不在活动的等级中（\(data.campaign.awardLevels.joined(separator: "、"))）",
                    "award level \"\(award.level)\" is not one of the campaign's levels")
            }
            let identity: String
            switch award.category {
            case .projectResult, .group:
                identity = "\(award.category.rawValue)|\(award.projectKey.creditCode)|\(award.projectKey.projectName)"
                if !declared.contains(award.projectKey) {
                    report(
                        "award.undeclared", "projectName", "项目名称",
                        "获奖项目“\(award.projectName)”（\(award.creditCode)）不是已申报的项目",
                        "awarded project \"\(award.projectName)\" (\(award.creditCode)) was not declared")
                }
                if award.category == .group {
                    if award.groupName.isEmpty {
                        report("field.required", "groupName", "小组名称", "小组名称为必填项", "group name is required")
                    }
                    if award.unit.isEmpty {
                        report("award.group-without-unit", "unit", "所在单位", "获奖小组未填写所在单位", "the group has no unit")
                    }
                }
            case .recommender:
                identity = "recommender|\(data.campaign.recommender(named: award.recommender)?.id ?? award.recommender)"
                if data.campaign.recommender(named: award.recommender) == nil {
                    report(
                        "recommender.unknown", "recommender", "推荐单位",
                        "优秀推荐单位“\(award.recommender)”不在活动的推荐单位名单中",
                        "recommender \"\(award.recommender)\" is not one of the campaign's recommenders")
                }
            }
            // An issued 证书编号 identifies one certificate.
            if !award.certificateNumber.isEmpty {
                if let first = numbered[award.certificateNumber] {
                    report(
                        "award.number-reused", "certificateNumber", "证书编号",
                        "证书编号 \(award.certificateNumber) 已用于第\(first.origin.row)行",
                        "certificate number \(award.certificateNumber) is already used in row \(first.origin.row)")
                } else {
                    numbered[award.certificateNumber] = award
                }
            }
            if let first = awarded[identity] {
                report(
                    "award.duplicate", award.category == .recommender ? "recommender" : "projectName", "获奖对象",
                    "同一获奖对象在“\(award.category.title)”中重复获奖，已见于第\(first.origin.row)行",
                    "the same winner is awarded twice in \(award.category.rawValue); first at row \(first.origin.row)")
            } else {
                awarded[identity] = award
            }
        }
        return diagnostics
    }
}
