import GongwenModel

/// What a re-import would cut off: plan entries and awards that name a project of a recommender whose rows the
/// import replaces, when the recommender's new form no longer has that project.
///
/// The plan notice and the commendation decision are issued from those rows; a project dropped from the
/// declarations would leave them pointing at nothing (a build then refuses the plan). So the import stops
/// before changing anything and lists them, unless the clerk confirms with `--replace`.
enum ReferenceCheck {
    static func orphans(
        in data: CampaignData, replacing recommenders: Set<String>, with accepted: [Declaration]
    ) -> [Diagnostic] {
        let campaign = data.campaign
        let kept = Set(accepted.map(\.projectKey))
        var dropped: [ProjectKey: Declaration] = [:]
        for declaration in data.declarations {
            guard let id = campaign.recommender(named: declaration.recommender)?.id, recommenders.contains(id)
            else { continue }
            let key = declaration.projectKey
            if !kept.contains(key) { dropped[key] = declaration }
        }
        guard !dropped.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for entry in data.plan {
            guard let declaration = dropped[entry.projectKey] else { continue }
            found.append(
                diagnostic(
                    entry.origin.location(of: "projectName", titled: "项目名称"), entry.projectName, "计划表",
                    "plan", declaration, campaign))
        }
        for award in data.awards where !award.projectName.isEmpty {
            guard let declaration = dropped[award.projectKey] else { continue }
            found.append(
                diagnostic(
                    award.origin.location(of: "projectName", titled: "项目名称"), award.projectName, "获奖名单",
                    "award list", declaration, campaign))
        }
        return found
    }

    static func diagnostic(
        _ location: SourceLocation, _ project: String, _ table: String, _ english: String, _ declaration: Declaration,
        _ campaign: Campaign
    ) -> Diagnostic {
        let recommender = campaign.recommender(named: declaration.recommender)?.name ?? declaration.recommender
        return Diagnostic(
            .error, "import.orphan", at: location,
            chinese: "\(table)中的项目“\(project)”不在\(recommender)新交的申报表中；导入会使这一行失去对应的申报（确认无误请加 --replace）",
            english:
                "the \(english) names project \"\(project)\", which \(recommender)'s new form no longer has;"
                + " importing would leave the row without its declaration (confirm with --replace)")
    }
}
