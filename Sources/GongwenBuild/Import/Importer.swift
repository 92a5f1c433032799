import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// `gongwen import`: returned forms into the campaign's declarations, checked, with a report.
///
/// Each file is read on its own; a refused file is one line in the report and the others go on. A row with an
/// error is not imported (with `allOrNothing`, neither is the rest of its file) and is kept, with its reasons,
/// until the recommender sends it again (``RefusedRows``). A form is matched with the rows its recommender
/// already has (``RecommenderChange``): new projects are added, corrected ones changed in place, and rows the
/// form no longer has are kept — removed only with `replace`, together with the plan and award rows naming
/// them. Every change is recorded in the campaign's history (``DataHistory``) and can be undone; with
/// `dryRun` nothing is written and the result says what would change.
public struct Importer {
    public struct Options: Sendable {
        public var campaign: URL
        public var files: [URL]
        /// The names to show for `files` (an upload's own name), in the same order; the files' names if empty.
        public var displayNames: [String] = []
        public var recommender: String?
        /// The day the forms were received: each new row's 收到日期, and the deadline check.
        public var received: CalendarDate?
        /// Today, for forms taken in on the page: used as `received` only when it falls in the campaign's year
        /// (a past year's campaign opened later, as the bundled sample is, gets no date rather than a wrong one).
        public var receivedToday: CalendarDate?
        public var allOrNothing = false
        /// The forms replace their recommenders' rows: rows a form no longer has are removed, with the plan and
        /// award rows that name them.
        public var replace = false
        /// Work out and report what would change; write nothing.
        public var dryRun = false
        public var reportFolder: URL?
        public var policy = CampaignValidator.Policy()
        public var limits = ImportLimits()

        public init(campaign: URL, files: [URL]) {
            self.campaign = campaign
            self.files = files
        }
    }

    /// What became of one file.
    public struct FileOutcome: Sendable {
        public var file: String
        public var recommender: String?
        public var refusal: ImportRefusal?
        public var accepted: [Declaration] = []
        public var rejected: [(row: Int, diagnostics: [Diagnostic])] = []
        /// The rejected rows' values, by row.
        public var rejectedRows: [Int: Declaration] = [:]
        public var notices: [ImportNotice] = []
    }

    public struct Result: Sendable {
        public var files: [FileOutcome]
        /// Per recommender whose form came in: what was added, changed, kept or removed.
        public var changes: [RecommenderChange] = []
        /// Plan and award rows removed with their projects (`replace`).
        public var orphaned: [Diagnostic] = []
        public var declarationsFile: URL
        public var reportFiles: [URL]
        /// The history entry of this import (nil for a dry run or when nothing changed).
        public var entry: DataHistory.Entry?

        public var acceptedCount: Int { files.map(\.accepted.count).reduce(0, +) }
        public var isComplete: Bool { files.allSatisfy { $0.refusal == nil && $0.rejected.isEmpty } }
        public var removedCount: Int { changes.map(\.removed.count).reduce(0, +) }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() throws(GongwenError) -> Result {
        // One import at a time per campaign: two at once would each rewrite the table the other read.
        let lock = try RunLock.acquire(
            RunLock.forCampaign(options.campaign), purpose: "import", what: ("活动数据", "campaign data"))
        defer { withExtendedLifetime(lock) {} }
        let read = CampaignReader().read(folder: options.campaign)
        let declarationsURL = options.campaign.appendingPathComponent(read.declarationsFile)
        let declarationsExist = FileManager.default.fileExists(atPath: declarationsURL.path)
        // A campaign whose own tables cannot be read is never rewritten: the rows gongwen could not read would be
        // lost. Only a declarations file that does not exist yet (a new campaign) is not an error here.
        let readErrors = read.diagnostics.errors.filter { error in
            declarationsExist || error.code != "file.missing" || !error.location.file.hasSuffix(read.declarationsFile)
        }
        guard let data = read.data, readErrors.isEmpty else {
            throw GongwenError(
                .invalidData, path: options.campaign.path,
                message:
                    "活动数据有 \(readErrors.count) 处读取错误，未导入任何内容，文件未改动 / the campaign's data has \(readErrors.count)"
                    + " read errors; nothing was imported and no file was changed",
                diagnostics: read.diagnostics)
        }
        let campaign = data.campaign
        var outcomes = options.files.enumerated().map { index, url in
            readFile(
                url, named: index < options.displayNames.count ? options.displayNames[index] : nil, campaign: campaign)
        }
        check(&outcomes, against: data)

        // Per recommender: the form's rows against the rows it has.
        let grouped = data.declarationsByRecommender()
        var formRows: [String: [Declaration]] = [:]
        var order: [String] = []
        for outcome in outcomes where outcome.refusal == nil {
            guard let id = outcome.recommender, !outcome.accepted.isEmpty || options.replace else { continue }
            if formRows[id] == nil { order.append(id) }
            formRows[id, default: []] += outcome.accepted
        }
        let changes = order.compactMap { id in
            campaign.recommenders.first { $0.id == id }.map { recommender in
                RecommenderChange.compare(
                    recommender: recommender, existing: grouped[id] ?? [], form: formRows[id] ?? [],
                    replace: options.replace)
            }
        }
        let removed = changes.flatMap(\.removed)
        var result = Result(files: outcomes, declarationsFile: declarationsURL, reportFiles: [])
        result.changes = changes
        result.orphaned = ReferenceCheck.references(in: data, to: removed)
        if options.dryRun { return result }

        // The data files this import changes, all in one recorded step.
        var writes: [(name: String, data: Data?)] = []
        if changes.contains(where: \.changesData) {
            let edited = try DeclarationsRewrite(
                url: declarationsURL, file: read.declarationsFile, exists: declarationsExist, before: data
            ).applying(changes)
            writes.append((read.declarationsFile, edited))
        }
        let removedKeys = Set(removed.map(\.projectKey))
        for (file, table) in [(read.planFile, TableFileEdit.Table.plan), (read.awardsFile, .awards)] {
            if let rewritten = try ReferenceCheck.rewrite(
                options.campaign.appendingPathComponent(file), file: file, table: table, removing: removedKeys)
            {
                writes.append((file, rewritten.data))
            }
        }
        writes += try RefusedRows(campaign: options.campaign).updated(with: outcomes, campaign: campaign)
        if !writes.isEmpty {
            result.entry = try DataHistory(campaign: options.campaign).apply(
                writes, action: options.replace ? "replace" : "import", uploads: outcomes.map(\.file),
                recommenders: changes.map(\.name), summary: changes.map { $0.name + "：" + $0.summary })
        }
        var report = ImportReport(result: result, campaign: campaign)
        if let folder = read.templatesFolder {
            report.templates = TemplateFolder(root: folder, fallback: BundledResources.templates)
        }
        result.reportFiles = try report.write(to: options.reportFolder ?? options.campaign)
        return result
    }

    /// Each accepted row checked as `check` would, and against the projects other recommenders declared and
    /// the other files of this import; a row with an error moves to `rejected`.
    func check(_ outcomes: inout [FileOutcome], against data: CampaignData) {
        let campaign = data.campaign
        let importing = Set(outcomes.compactMap { $0.refusal == nil ? $0.recommender : nil })
        // A project another recommender already declared is a duplicate; one this recommender declared is the
        // row its form corrects.
        var seen: [ProjectKey: String] = [:]
        for declaration in data.declarations {
            let recommender = campaign.recommender(named: declaration.recommender)
            guard !importing.contains(recommender?.id ?? "") else { continue }
            let name = recommender?.name ?? declaration.recommender
            seen[declaration.projectKey] = "\(name)的申报表（第\(declaration.origin.row)行）"
        }
        let validator = CampaignValidator(policy: options.policy)
        for index in outcomes.indices where outcomes[index].refusal == nil {
            var accepted: [Declaration] = []
            let name = outcomes[index].recommender.flatMap { campaign.recommender(named: $0)?.name } ?? ""
            for declaration in outcomes[index].accepted {
                var findings = validator.check(declaration, in: campaign).filter { $0.severity == .error }
                findings += FormulaCheck.findings(declaration)
                if let first = seen[declaration.projectKey] {
                    findings.append(
                        Diagnostic(
                            .error, "declaration.duplicate", at: declaration.origin.location(of: .projectName),
                            chinese: "项目“\(declaration.projectName)”（\(declaration.creditCode)）已在\(first)中申报",
                            english: "project \"\(declaration.projectName)\" is already declared (\(first))"))
                }
                if findings.isEmpty {
                    seen[declaration.projectKey] = "\(name)本次交来的表（第\(declaration.origin.row)行）"
                    accepted.append(declaration)
                } else {
                    outcomes[index].rejected.append((declaration.origin.row, findings))
                    outcomes[index].rejectedRows[declaration.origin.row] = declaration
                }
            }
            if options.allOrNothing, !outcomes[index].rejected.isEmpty {
                for declaration in accepted {
                    outcomes[index].rejectedRows[declaration.origin.row] = declaration
                    outcomes[index].rejected.append(
                        (
                            declaration.origin.row,
                            [
                                Diagnostic(
                                    .error, "import.all-or-nothing",
                                    at: SourceLocation(file: declaration.origin.file, row: declaration.origin.row),
                                    chinese: "同一文件中有错误行，按“全部或全不”要求未导入",
                                    english: "not imported: the file has errors and --all-or-nothing is set")
                            ]
                        ))
                }
                accepted = []
            }
            outcomes[index].accepted = accepted
        }
    }

    func readFile(_ url: URL, named shown: String?, campaign: Campaign) -> FileOutcome {
        let name = shown ?? url.lastPathComponent
        var outcome = FileOutcome(file: name)
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            outcome.refusal = ImportRefusal("文件不存在或无法读取", "the file does not exist or cannot be read")
            return outcome
        }
        let form: ReturnedForm
        do {
            form = try ReturnedFormReader.read(data, file: url.lastPathComponent, limits: options.limits)
        } catch {
            outcome.refusal = error
            return outcome
        }
        if let problem = form.problems.first {
            outcome.refusal = ImportRefusal(problem.chinese, problem.english)
            return outcome
        }
        let named = options.recommender ?? form.recommenderLine ?? ""
        let recommender: Recommender
        func listed(_ candidates: [Recommender]) -> String {
            candidates.map { "\($0.name)（\($0.id)）" }.joined(separator: "、")
        }
        switch campaign.match(recommender: named) {
        case .one(let found):
            recommender = found
        case .ambiguous(let candidates):
            outcome.refusal = ImportRefusal(
                "推荐单位“\(named)”与名单中多个单位相符：\(listed(candidates))；请选定推荐单位后重新导入（网页上的“推荐单位”选项，命令行的 --recommender）",
                "the recommender \"\(named)\" fits several: \(listed(candidates)); choose the recommender (the page's"
                    + " choice, or --recommender) and import again")
            return outcome
        case .none(let closest):
            let hint = closest.isEmpty ? "" : "最接近的是 \(listed(closest))；"
            let english = closest.isEmpty ? "" : " (closest: \(listed(closest)))"
            outcome.refusal = ImportRefusal(
                "无法确定推荐单位（表中“推荐单位(公章)”为“\(form.recommenderLine ?? "")”）；\(hint)请选定推荐单位后重新导入（网页上的“推荐单位”选项，命令行的 --recommender）",
                "cannot tell the recommender (the form says \"\(form.recommenderLine ?? "")\")\(english); choose it (the page's"
                    + " choice, or --recommender) and import again"
            )
            return outcome
        }
        outcome.recommender = recommender.id
        outcome.notices = form.notices
        outcome.accepted = form.declarations.map { declaration in
            var declaration = declaration
            declaration.recommender = recommender.name
            declaration.received =
                options.received ?? options.receivedToday.flatMap { $0.year == campaign.year ? $0 : nil }
                ?? declaration.received
            return declaration
        }
        return outcome
    }
}
