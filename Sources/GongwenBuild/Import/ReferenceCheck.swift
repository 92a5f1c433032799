import Foundation
import GongwenModel
import GongwenReaders

/// The plan and award rows that name a project an import removes (`--replace`), and the plan and award files
/// without them.
///
/// The plan notice and the commendation decision are issued from those rows; a project dropped from the
/// declarations would leave them pointing at nothing (a build then refuses the plan). So the import removes
/// them in the same step — listed in its report and undone with it — and never reports a removal it did not
/// make.
enum ReferenceCheck {
    /// The rows of the plan and award list that name one of `removed`, each as a finding at its place.
    static func references(in data: CampaignData, to removed: [Declaration]) -> [Diagnostic] {
        guard !removed.isEmpty else { return [] }
        let campaign = data.campaign
        var dropped: [ProjectKey: Declaration] = [:]
        for declaration in removed { dropped[declaration.projectKey] = declaration }
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
            .warning, "import.reference-removed", at: location,
            chinese: "\(table)中的项目“\(project)”已随\(recommender)的申报一并删除",
            english: "the \(english)'s row for project \"\(project)\" was removed with \(recommender)'s declaration")
    }

    /// The table file at `url` without the rows that name one of `removed`, and how many went; nil when none
    /// does (the file is then left as it is). Read back to prove that exactly those rows went.
    static func rewrite(
        _ url: URL, file: String, table: TableFileEdit.Table, removing removed: Set<ProjectKey>
    ) throws(GongwenError) -> (data: Data, count: Int)? {
        guard !removed.isEmpty, FileManager.default.fileExists(atPath: url.path) else { return nil }
        let existing: Data
        do {
            existing = try Data(contentsOf: url)
        } catch {
            throw GongwenError(.io, path: url.path, message: FileSystem.describe(error))
        }
        func names(_ values: [String: String]) -> Bool {
            let name = values["projectName"] ?? ""
            return !name.isEmpty
                && removed.contains(ProjectKey(creditCode: values["creditCode"] ?? "", projectName: name))
        }
        var count = 0
        let result: (data: Data, keptRows: Int)
        do {
            let edit = try TableFileEdit(existing: existing, file: file, table: table)
            result = try edit.rewriting { values in
                guard names(values) else { return .keep }
                count += 1
                return .remove
            }
        } catch {
            throw DeclarationsRewrite.refusal(error, url: url)
        }
        guard count > 0 else { return nil }
        let before =
            table == .plan
            ? CampaignTables.plan(from: existing, file: file).0.count
            : CampaignTables.awards(from: existing, file: file).0.count
        let after =
            table == .plan
            ? CampaignTables.plan(from: result.data, file: file).0.count
            : CampaignTables.awards(from: result.data, file: file).0.count
        guard after == before - count, result.keptRows == before - count else {
            throw GongwenError(
                .io, path: url.path,
                message: "写回前核对不符，未改动 / the rewritten \(file) would not hold its other rows; nothing was changed")
        }
        return (result.data, count)
    }
}
