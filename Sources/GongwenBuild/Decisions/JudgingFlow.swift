import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// 组织评选: one scoring workbook per judge out (`gongwen judging forms`), the returned workbooks in (`gongwen
/// judging import`), and the proposal made the award list once the office has reviewed it (`gongwen judging
/// adopt`).
///
/// A returned workbook is checked whole — the judge it names is one of campaign.yaml's, every planned project
/// has every score, each from 0 to its criterion's maximum — and refused whole with an error naming judge,
/// project and criterion. Accepted scores are kept in judging/scores.csv (a judge's later workbook replaces that
/// judge's scores); once every judge's are in, the projects are ranked (``JudgingRanking``) and the ranking and
/// proposal written beside them. Each import, and the adoption, is one recorded change that can be undone.
public enum JudgingFlow {
    struct Setup {
        var decision: DecisionData
        var rules: ScoringRules

        var data: CampaignData { decision.data }
        var judges: [String] { data.campaign.decisions.judges }
    }

    static func setup(_ folder: URL) throws(GongwenError) -> Setup {
        let decision = try DecisionData.read(folder)
        let rules: ScoringRules
        do {
            rules = try ScoringRulesFile.load(from: decision.templates)
        } catch {
            throw GongwenError(.template, path: error.file, message: error.description)
        }
        guard !decision.data.campaign.decisions.judges.isEmpty else {
            throw GongwenError(
                .invalidData, path: folder.appendingPathComponent("campaign.yaml").path,
                message: "campaign.yaml 未列出评委（judges:）/ campaign.yaml names no judges (judges:)")
        }
        guard !decision.data.plan.isEmpty else {
            throw GongwenError(
                .invalidData, path: folder.path, message: "计划表还没有项目，无从评选 / the plan has no projects to judge yet")
        }
        return Setup(decision: decision, rules: rules)
    }

    /// Writes `评分表-<评委>.xlsx` for each judge into `output` (each file atomically); returns their URLs. A
    /// workbook already there (perhaps one a judge has filled in) is not replaced unless `replacing`; then none
    /// is written.
    public static func forms(campaign folder: URL, to output: URL, replacing: Bool = false) throws(GongwenError)
        -> [URL]
    {
        let setup = try setup(folder)
        let urls = setup.judges.indices.map { output.appendingPathComponent(formName(setup.judges[$0])) }
        if !replacing, let taken = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw GongwenError(
                .io, path: taken.path,
                message: "评分表已存在，未覆盖任何文件（请换一个文件夹，或加 --force 覆盖）/ a scoring workbook is already"
                    + " there; nothing was overwritten (choose another folder, or pass --force)")
        }
        var written: [URL] = []
        let declarations = declarationsByProject(setup.data)
        for (index, url) in urls.enumerated() {
            let (_, bytes) = try form(setup, judge: index + 1, declarations: declarations)
            try AtomicFile.write(bytes, to: url, replacing: replacing)
            written.append(url)
        }
        return written
    }

    static func formName(_ judge: String) -> String { "评分表-\(FileNaming.safe(judge)).xlsx" }

    /// The scoring workbook of the `number`-th judge of campaign.yaml (1-based), with its file name (the page's
    /// download names a judge by number, never by a name from the request).
    public static func form(campaign folder: URL, judge number: Int) throws(GongwenError) -> (name: String, data: Data)
    {
        let setup = try setup(folder)
        return try form(setup, judge: number, declarations: declarationsByProject(setup.data))
    }

    static func form(_ setup: Setup, judge number: Int, declarations: [ProjectKey: Declaration]) throws(GongwenError)
        -> (name: String, data: Data)
    {
        guard setup.judges.indices.contains(number - 1) else {
            throw GongwenError(.usage, message: "没有第 \(number) 位评委 / there is no judge \(number)")
        }
        let judge = setup.judges[number - 1]
        let workbook = ScoringWorkbook(rules: setup.rules, fonts: try setup.decision.fonts())
        do {
            let data = try workbook.data(
                for: judge, plan: setup.data.plan, declarations: declarations, campaign: setup.data.campaign)
            return (formName(judge), data)
        } catch {
            throw GongwenError(.io, message: "评分表无法生成 / the scoring workbook cannot be made: \(error)")
        }
    }

    /// Which judges' scores are in (judging/scores.csv) and the ranking, if made (judging/ranking.csv).
    public static func status(campaign folder: URL, judges: [String]) -> (
        returned: Set<String>, ranking: [[String: String]]
    ) {
        var returned: Set<String> = []
        if let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(JudgingFiles.scores).path),
            let (header, rows) = RecordTableFile.read(bytes), let column = header.firstIndex(of: "评委")
        {
            returned = Set(rows.compactMap { column < $0.count ? $0[column] : nil }).intersection(judges)
        }
        var ranking: [[String: String]] = []
        if let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(JudgingFiles.ranking).path),
            let (header, rows) = RecordTableFile.read(bytes)
        {
            ranking = rows.map { row in
                Dictionary(zip(header, row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
            }
        }
        return (returned, ranking)
    }

    static func declarationsByProject(_ data: CampaignData) -> [ProjectKey: Declaration] {
        data.firstDeclarationIndexByProject().mapValues { data.declarations[$0] }
    }

    public struct ImportResult: Sendable {
        /// The judges whose scores came in now.
        public var imported: [String]
        /// The judges still to return their workbooks.
        public var missing: [String]
        /// The ranking, once every judge's scores are in.
        public var ranking: [RankedProject] = []
        public var recommenders: [RecommenderResult] = []
        public var proposal: [Award] = []
        public var entry: DataHistory.Entry?
    }

    /// Imports returned scoring workbooks (bytes with the names to show).
    public static func importWorkbooks(
        _ files: [(data: Data, name: String)], campaign folder: URL, dryRun: Bool
    ) throws(GongwenError) -> ImportResult {
        let lock = try RunLock.acquire(
            RunLock.forCampaign(folder), purpose: "judging import", what: ("活动数据", "campaign data"))
        defer { withExtendedLifetime(lock) {} }
        let setup = try setup(folder)
        let plan = setup.data.plan
        var errors: [Diagnostic] = []
        var incoming: [String: JudgeScores] = [:]
        for file in files {
            let (returned, problems) = ScoringWorkbookReader.read(
                file.data, file: file.name, rules: setup.rules, plan: plan)
            errors += problems.errors
            guard let returned, !problems.hasErrors else { continue }
            guard let judge = returned.judge, setup.judges.contains(judge) else {
                errors.append(
                    Diagnostic(
                        .error, "scoring.unknown-judge", at: SourceLocation(file: file.name, field: "评委"),
                        chinese: "评分表写的评委“\(returned.judge ?? "")”不在 campaign.yaml 的 judges 中",
                        english: "the workbook's judge \"\(returned.judge ?? "")\" is not one of campaign.yaml's judges"
                    ))
                continue
            }
            guard incoming[judge] == nil else {
                errors.append(
                    Diagnostic(
                        .error, "scoring.judge-twice", at: SourceLocation(file: file.name, field: "评委"),
                        chinese: "评委“\(judge)”的评分表导入了两份", english: "two workbooks of judge \(judge) were given"))
                continue
            }
            incoming[judge] = returned.scores
        }
        guard errors.isEmpty else {
            throw GongwenError(
                .invalidData, path: files.map(\.name).joined(separator: ", "),
                message: "评分表有 \(errors.count) 处错误，未导入，文件未改动 / the scoring workbooks have \(errors.count)"
                    + " errors; nothing was imported and no file was changed",
                diagnostics: errors)
        }
        // Scores kept from earlier imports, replaced judge by judge.
        var kept: [String: JudgeScores] = [:]
        let scoresURL = folder.appendingPathComponent(JudgingFiles.scores)
        if let bytes = FileManager.default.contents(atPath: scoresURL.path) {
            let (earlier, problems) = JudgingFiles.decodeScores(bytes, file: JudgingFiles.scores, rules: setup.rules)
            guard !problems.hasErrors else {
                throw GongwenError(
                    .invalidData, path: scoresURL.path, message: "评分记录无法读取 / the score record cannot be read",
                    diagnostics: problems)
            }
            for judge in earlier where setup.judges.contains(judge.judge) { kept[judge.judge] = judge }
        }
        kept.merge(incoming) { _, new in new }
        let all = setup.judges.compactMap { kept[$0] }
        var result = ImportResult(
            imported: setup.judges.filter { incoming[$0] != nil }, missing: setup.judges.filter { kept[$0] == nil })
        var changes: [(name: String, data: Data?)] = [
            (JudgingFiles.scores, JudgingFiles.encodeScores(all, rules: setup.rules, plan: plan))
        ]
        // Every judge must have scored the plan as it is now (a project added since a workbook was made is
        // not in it): such a judge is one still to return.
        let complete =
            result.missing.isEmpty && all.allSatisfy { judge in plan.allSatisfy { judge.scores[$0.planNumber] != nil } }
        if complete {
            let campaign = setup.data.campaign
            let quotas = campaign.decisions.awardQuotas
            result.ranking = JudgingRanking.rank(
                plan: plan, declarations: declarationsByProject(setup.data), judges: all, rules: setup.rules,
                quotas: quotas)
            result.recommenders = JudgingRanking.recommenders(
                result.ranking, campaign: campaign, quotas: quotas, count: campaign.decisions.recommenderAwards)
            result.proposal = JudgingRanking.proposedAwards(result.ranking, recommenders: result.recommenders)
            changes += [
                (JudgingFiles.ranking, JudgingFiles.encodeRanking(result.ranking, judges: setup.judges)),
                (JudgingFiles.recommenders, JudgingFiles.encodeRecommenders(result.recommenders)),
                (JudgingFiles.proposedAwards, JudgingFiles.encodeAwards(result.proposal)),
            ]
        } else {
            result.missing = setup.judges.filter { judge in
                guard let scores = kept[judge] else { return true }
                return !plan.allSatisfy { scores.scores[$0.planNumber] != nil }
            }
        }
        guard !dryRun else { return result }
        try createJudgingFolder(in: folder)
        result.entry = try DataHistory(campaign: folder).apply(
            changes, action: "judging", uploads: files.map(\.name), recommenders: result.imported,
            summary: [
                "评分表 \(result.imported.joined(separator: "、"))；"
                    + (complete
                        ? "已排名 \(result.ranking.count) 项，建议获奖 \(result.proposal.count) 项"
                        : "尚缺 \(result.missing.joined(separator: "、"))")
                    + " / scores of \(result.imported.count) judges"
            ])
        return result
    }

    static func createJudgingFolder(in folder: URL) throws(GongwenError) {
        let url = folder.appendingPathComponent(JudgingFiles.folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GongwenError(.io, path: url.path, message: FileSystem.describe(error))
        }
    }

    /// What adopting the proposal does: the award list's rows before and after.
    public struct Adoption: Sendable {
        /// Rows of the award list before.
        public var before: Int
        /// Its 项目成果 and 优秀推荐单位 rows, which the proposal replaces.
        public var replaced: Int
        /// Its other rows (小组), kept.
        public var kept: Int
        public var proposed: Int
        public var entry: DataHistory.Entry?

        public var summary: String {
            "获奖名单：项目成果和优秀推荐单位 \(replaced) 行换为评选建议 \(proposed) 行，其他 \(kept) 行（小组）保留"
                + " / award list: \(replaced) result and recommender rows replaced by the \(proposed) proposed, \(kept) other"
                + " rows (groups) kept"
        }
    }

    /// Makes judging/awards-proposed.csv the campaign's award list (recorded; `gongwen history undo` reverses).
    public static func adopt(campaign folder: URL, dryRun: Bool) throws(GongwenError) -> Adoption {
        // Only the change itself waits for the campaign's lock: the preview (the page shows it on every visit)
        // reads files that are only ever replaced whole.
        let lock =
            dryRun
            ? nil
            : try RunLock.acquire(
                RunLock.forCampaign(folder), purpose: "judging adopt", what: ("活动数据", "campaign data"))
        defer { withExtendedLifetime(lock) {} }
        let decision = try DecisionData.read(folder)
        let proposalURL = folder.appendingPathComponent(JudgingFiles.proposedAwards)
        guard let proposal = FileManager.default.contents(atPath: proposalURL.path) else {
            throw GongwenError(
                .usage, path: proposalURL.path,
                message: "还没有评选建议（先导入全部评委的评分表）/ there is no proposal yet; import every judge's workbook first")
        }
        let (proposed, problems) = CampaignTables.awards(from: proposal, file: JudgingFiles.proposedAwards)
        guard !problems.hasErrors else {
            throw GongwenError(
                .invalidData, path: proposalURL.path, message: "评选建议无法读取 / the proposal cannot be read",
                diagnostics: problems)
        }
        // The judging proposes 项目成果 and 优秀推荐单位; the list's other rows (小组) are kept as they are.
        let replaced: Set<String> = [AwardCategory.projectResult.title, AwardCategory.recommender.title]
        let awardsURL = folder.appendingPathComponent(decision.read.awardsFile)
        let bytes: Data
        let keptRows: Int
        do {
            let edit = try TableFileEdit(
                existing: FileManager.default.contents(atPath: awardsURL.path), file: decision.read.awardsFile,
                table: .awards)
            (bytes, keptRows) = try edit.rewriting(
                { values in
                    let category = AwardCategory(title: values["category"] ?? "")?.title ?? values["category"] ?? ""
                    return replaced.contains(category) ? .remove : .keep
                },
                appending: proposed.map { award in
                    [
                        "category": award.category.title, "level": award.level, "creditCode": award.creditCode,
                        "projectName": award.projectName, "groupName": award.groupName, "unit": award.unit,
                        "recommender": award.recommender,
                    ]
                })
        } catch {
            throw GongwenError(
                .invalidData, path: awardsURL.path,
                message: "获奖名单无法改写，未改动 / the award list cannot be rewritten; nothing changed")
        }
        var adoption = Adoption(
            before: decision.data.awards.count, replaced: decision.data.awards.count - keptRows, kept: keptRows,
            proposed: proposed.count)
        guard !dryRun else { return adoption }
        adoption.entry = try DataHistory(campaign: folder).apply(
            [(decision.read.awardsFile, bytes)], action: "awards", uploads: [JudgingFiles.proposedAwards],
            summary: [adoption.summary])
        return adoption
    }
}
