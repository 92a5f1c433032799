import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// `gongwen import`: returned forms into the campaign's declarations, checked, with a report.
///
/// Each file is read on its own; a refused file is one line in the report and the others go on. A row with an
/// error is not imported (with `allOrNothing`, neither is the rest of its file). Re-importing a recommender's
/// form replaces that recommender's earlier rows and touches nothing else; the declarations file is replaced
/// atomically, so the previous one stays until the new one is complete.
public struct Importer {
    public struct Options: Sendable {
        public var campaign: URL
        public var files: [URL]
        public var recommender: String?
        /// The day the forms were received, for the deadline check.
        public var received: CalendarDate?
        public var allOrNothing = false
        /// Go ahead even when plan or award rows name projects the new forms drop (they are then reported).
        public var replace = false
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
        public var notices: [ImportNotice] = []
    }

    public struct Result: Sendable {
        public var files: [FileOutcome]
        /// Plan and award rows whose project the import removed (with `replace`), for the report.
        public var orphaned: [Diagnostic] = []
        public var declarationsFile: URL
        public var reportFiles: [URL]

        public var acceptedCount: Int { files.map(\.accepted.count).reduce(0, +) }
        public var isComplete: Bool { files.allSatisfy { $0.refusal == nil && $0.rejected.isEmpty } }
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
        var outcomes = options.files.map { url in readFile(url, campaign: campaign) }

        // Duplicates: against the campaign's rows of the recommenders not being replaced, and across files.
        let replaced = Set(outcomes.compactMap { $0.refusal == nil ? $0.recommender : nil })
        let kept = data.declarations.filter {
            !replaced.contains(campaign.recommender(named: $0.recommender)?.id ?? "")
        }
        var seen: [ProjectKey: String] = [:]
        for declaration in kept {
            seen[declaration.projectKey] = "\(declaration.origin.file) 第\(declaration.origin.row)行"
        }
        let validator = CampaignValidator(policy: options.policy)
        for index in outcomes.indices where outcomes[index].refusal == nil {
            var accepted: [Declaration] = []
            for declaration in outcomes[index].accepted {
                var findings = validator.check(declaration, in: campaign).filter { $0.severity == .error }
                findings += FormulaCheck.findings(declaration)
                if let first = seen[declaration.projectKey] {
                    findings.append(
                        Diagnostic(
                            .error, "declaration.duplicate", at: declaration.origin.location(of: .projectName),
                            chinese: "项目“\(declaration.projectName)”（\(declaration.creditCode)）重复，已见于 \(first)",
                            english: "project \"\(declaration.projectName)\" is already declared (\(first))"))
                }
                if findings.isEmpty {
                    seen[declaration.projectKey] = "\(declaration.origin.file) 第\(declaration.origin.row)行"
                    accepted.append(declaration)
                } else {
                    outcomes[index].rejected.append((declaration.origin.row, findings))
                }
            }
            if options.allOrNothing, !outcomes[index].rejected.isEmpty {
                outcomes[index].rejected += accepted.map {
                    (
                        $0.origin.row,
                        [
                            Diagnostic(
                                .error, "import.all-or-nothing",
                                at: SourceLocation(file: $0.origin.file, row: $0.origin.row),
                                chinese: "同一文件中有错误行，按“全部或全不”要求未导入",
                                english: "not imported: the file has errors and --all-or-nothing is set")
                        ]
                    )
                }
                accepted = []
            }
            outcomes[index].accepted = accepted
        }

        let importedRecommenders = Set(outcomes.filter { !$0.accepted.isEmpty }.compactMap(\.recommender))
        let orphaned = ReferenceCheck.orphans(
            in: data, replacing: importedRecommenders, with: outcomes.flatMap(\.accepted))
        if !orphaned.isEmpty, !options.replace {
            throw GongwenError(
                .invalidData, path: declarationsURL.path,
                message:
                    "计划表或获奖名单中有 \(orphaned.count) 行引用的项目不在新交的申报表中，未导入任何内容，文件未改动；确认无误请加 --replace"
                    + " / \(orphaned.count) plan or award rows name projects the new forms drop; nothing was imported and"
                    + " no file was changed (confirm with --replace)",
                diagnostics: orphaned)
        }
        if !importedRecommenders.isEmpty {
            let edited = try DeclarationsRewrite(
                url: declarationsURL, file: read.declarationsFile, exists: declarationsExist, before: data
            ).replacing(importedRecommenders, with: outcomes.flatMap(\.accepted))
            try AtomicFile.write(edited, to: declarationsURL)
        }
        var result = Result(files: outcomes, declarationsFile: declarationsURL, reportFiles: [])
        result.orphaned = orphaned.map { finding in
            var warning = finding
            warning.severity = .warning
            return warning
        }
        var report = ImportReport(result: result, campaign: campaign)
        if let folder = read.templatesFolder {
            report.templates = TemplateFolder(root: folder, fallback: BundledResources.templates)
        }
        result.reportFiles = try report.write(to: options.reportFolder ?? options.campaign)
        return result
    }

    func readFile(_ url: URL, campaign: Campaign) -> FileOutcome {
        let name = url.lastPathComponent
        var outcome = FileOutcome(file: name)
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            outcome.refusal = ImportRefusal("文件不存在或无法读取", "the file does not exist or cannot be read")
            return outcome
        }
        let form: ReturnedForm
        do {
            form = try ReturnedFormReader.read(data, file: name, limits: options.limits)
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
                "推荐单位“\(named)”与名单中多个单位相符：\(listed(candidates))；请用 --recommender 指定",
                "the recommender \"\(named)\" fits several: \(listed(candidates)); give --recommender ID")
            return outcome
        case .none(let closest):
            let hint = closest.isEmpty ? "" : "最接近的是 \(listed(closest))；"
            let english = closest.isEmpty ? "" : " (closest: \(listed(closest)))"
            outcome.refusal = ImportRefusal(
                "无法确定推荐单位（表中“推荐单位(公章)”为“\(form.recommenderLine ?? "")”）；\(hint)请用 --recommender 指定",
                "cannot tell the recommender (the form says \"\(form.recommenderLine ?? "")\")\(english); give --recommender"
            )
            return outcome
        }
        outcome.recommender = recommender.id
        outcome.notices = form.notices
        outcome.accepted = form.declarations.map { declaration in
            var declaration = declaration
            declaration.recommender = recommender.name
            declaration.received = options.received ?? declaration.received
            return declaration
        }
        return outcome
    }
}
