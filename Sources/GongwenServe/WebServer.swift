import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenTemplates
import Hummingbird
import NIOCore

/// `gongwen serve`: the office's page in its browser — the campaign at a glance, returned forms taken in,
/// the data checked, everything built and downloaded — over the same library the commands call (no logic
/// lives only here). Safe by default: bound to 127.0.0.1; on another host an access token printed at start
/// is required (given once as `?token=`, kept as a cookie); every POST carries the page's form token and, when
/// the browser sends one, an Origin of this server; uploads are capped at 50 MB a file and go through the
/// import's defences; a download names a file by its number in manifest.json, so no path from a request
/// reaches the file system; one import or build at a time (a second is told so), each atomic as on the
/// command line.
public struct WebServer: Sendable {
    public struct Options: Sendable {
        public var campaign: URL
        public var output: URL
        public var host = "127.0.0.1"
        public var port = 8080
        /// Required of every request when set (serving beyond this machine).
        public var accessToken: String?
        /// The largest file an upload may hold (50 MB).
        public var uploadLimit = 50 * 1024 * 1024
        /// How long a connection may stay idle — between requests, or part-way through a request's header or
        /// body with nothing arriving — before the server closes it (10 s).
        public var idleTimeout: TimeAmount = .seconds(10)

        public init(campaign: URL, output: URL) {
            self.campaign = campaign
            self.output = output
        }
    }

    public let options: Options
    /// Carried by every form; a POST without it is refused.
    public let formToken: String
    let gate = OperationGate()
    let progress = BuildProgress()
    let overviewCache = OverviewCache()
    /// The decisions page's originality warnings (``originalityWarnings(_:)``).
    let originalityCache = KeptValue<[Diagnostic]>()
    /// Whether a build is running, read by every page without waiting (the import form is closed meanwhile).
    let building = RunningFlag()

    public static let uploadLimit = 50 * 1024 * 1024

    public init(options: Options, formToken: String = WebServer.randomToken()) {
        self.options = options
        self.formToken = formToken
    }

    public static func randomToken() -> String {
        Hex.lowercase((0..<16).map { _ in UInt8.random(in: 0...255) })
    }

    /// The application: routes behind the request guard (Host, access token, headers on every answer).
    /// `onListening` is told the port it listens on (the one the system chose, for port 0).
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol
    {
        let router = Router()
        router.add(
            middleware: RequestGuard(host: options.host, port: options.port, accessToken: options.accessToken))
        router.get("/") { _, _ in try self.page(self.overview()) }
        router.get("/recommender") { request, _ in try self.page(self.recommenderPage(request)) }
        router.get("/check") { _, _ in try self.page(self.check()) }
        router.get("/build") { _, _ in try self.page(self.lastBuild(heading: "上次生成的文件")) }
        router.post("/build") { request, _ in
            // The token and the origin are checked before a byte of the body is read.
            if let refusal = self.refusal(request) { return refusal }
            // The build runs on; the page that follows shows its steps as they pass and then its result.
            guard await self.startBuild() else {
                return try self.page(
                    self.blankPage("正在导入或生成，请稍候再试 / an import or a build is running"), status: .conflict)
            }
            return Response(status: .seeOther, headers: [.location: "/build/progress"])
        }
        router.post("/import") { request, _ in try await self.importForms(request) }
        router.post("/import/confirm") { request, _ in try await self.confirmImport(request) }
        router.post("/import/discard") { request, _ in try self.discardImport(request) }
        router.get("/history") { _, _ in try self.page(self.historyPage()) }
        router.get("/settings") { _, _ in try self.page(self.settingsPage()) }
        router.post("/settings") { request, _ in try await self.saveSettings(request) }
        router.post("/history/undo") { request, _ in try await self.undo(request) }
        router.get("/build/progress") { _, _ in try await self.page(self.progressPage()) }
        router.get("/file") { request, _ in try self.download(request) }
        router.get("/zip") { request, _ in try self.zip(request) }
        router.get("/blank-form") { _, _ in try self.blankForm() }
        router.get("/returned-form") { request, _ in try self.returnedForm(request) }
        router.get("/decisions") { _, _ in try self.page(self.decisionsPage()) }
        router.get("/plan/draft") { _, _ in try self.planDraft() }
        router.get("/judging/form") { request, _ in try self.judgingForm(request) }
        router.post("/plan/import") { request, _ in try await self.planImport(request) }
        router.post("/plan/import/confirm") { request, _ in try await self.confirmPlanImport(request) }
        router.post("/judging/import") { request, _ in try await self.judgingImport(request) }
        router.post("/judging/import/confirm") { request, _ in try await self.confirmJudgingImport(request) }
        router.post("/judging/adopt") { request, _ in try await self.adoptProposal(request) }
        return Application(
            router: router,
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [SecureResponses()], idleTimeout: options.idleTimeout)),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "gongwen"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? options.port) })
    }

    // MARK: Pages

    func page(_ page: WebPage, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let template = try TemplateFolder(root: BundledResources.templates).load(
            document: .webPage, format: "html", name: "page.html")
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        // Not part of the kept overview: whether a build runs now closes the import form on every page.
        var page = page
        page.building = building.value
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: template.renderData(page))))
    }

    /// A page with `heading` over the campaign's recommenders (so its forms work on every page).
    func blankPage(_ heading: String) -> WebPage {
        var page = overview()
        page.heading = heading
        page.problems = []
        page.issued = []
        page.deadline = ""
        return page
    }

    /// The campaign's title, deadline and days left; per recommender its rows, errors and whether its form is
    /// in; the documents issued so far (from the last build's manifest).
    func overview() -> WebPage {
        let today = Self.today()
        let key = OverviewCache.fingerprint(
            campaign: options.campaign, manifest: options.output.appendingPathComponent("manifest.json"),
            today: today.map { "\($0.year)-\($0.month)-\($0.day)" } ?? "")
        return overviewCache.page(for: key) { readOverview(today: today) }
    }

    func readOverview(today: CalendarDate?) -> WebPage {
        let read = CampaignReader().read(folder: options.campaign)
        var page = WebPage(campaignTitle: read.data?.campaign.title ?? "gongwen", formToken: formToken)
        guard let data = read.data else {
            page.heading = "活动数据无法读取 / the campaign cannot be read"
            page.problems = read.diagnostics.map(Self.problem)
            return page
        }
        let campaign = data.campaign
        let deadline = campaign.declarationDeadline
        page.deadline = deadline.chinese
        let days = today.map { Self.days(from: $0, to: deadline) } ?? -1
        page.daysLeft = days >= 0 ? String(days) : ""
        let validator = CampaignValidator(policy: CampaignValidator.Policy(), campaignFile: "campaign.yaml")
        // Rows of declarations.csv with an error, counted once per finding as `gongwen check` lists them.
        var findingsByRow: [Int: Int] = [:]
        for diagnostic in validator.validate(data).errors where diagnostic.location.file.hasSuffix("declarations.csv") {
            if let row = diagnostic.location.row { findingsByRow[row, default: 0] += 1 }
        }
        let grouped = data.declarationsByRecommender()
        let refused = RefusedRows(campaign: options.campaign).load()
        page.recommenders = campaign.recommenders.map { recommender in
            let rows = grouped[recommender.id] ?? []
            let errors = rows.reduce(0) { $0 + (findingsByRow[$1.origin.row] ?? 0) }
            let latest = rows.compactMap(\.received).max()
            let lateRow = rows.contains { ($0.received.map { $0 > deadline }) ?? false }
            let status = !rows.isEmpty ? (lateRow ? "逾期收到" : "已收到") : days < 0 ? "逾期未交" : "未收到"
            var entry = WebPage.Recommender(
                id: recommender.id, name: recommender.name, rows: rows.count, errors: errors, status: status)
            entry.refused = refused[recommender.id]?.rows.count ?? 0
            entry.received = latest?.iso ?? ""
            entry.contact = [recommender.preparer, recommender.phone].filter { !$0.isEmpty }.joined(separator: " ")
            entry.late = lateRow || (rows.isEmpty && days < 0)
            return entry
        }
        page.formsIn = page.recommenders.filter { $0.rows > 0 }.count
        page.formsMissing = page.recommenders.count - page.formsIn
        page.formsLate = page.recommenders.filter(\.late).count
        page.issued = WebPage.IssuedDocument.of(lastFiles())
        return page
    }

    /// Today in Tianjin, for the page's "days left" (nothing gongwen writes depends on the clock).
    static func today() -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        let calendar = Calendar(identifier: .gregorian)
        guard let a = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day)),
            let b = calendar.date(from: DateComponents(year: end.year, month: end.month, day: end.day))
        else { return 0 }
        return calendar.dateComponents([.day], from: a, to: b).day ?? 0
    }

    static func problem(_ diagnostic: Diagnostic) -> WebPage.Problem {
        WebPage.Problem(
            place: diagnostic.location.description, code: diagnostic.code, chinese: diagnostic.chinese,
            english: diagnostic.english, severity: diagnostic.severity == .error ? "error" : "warning")
    }

    /// Every problem of the data, as `gongwen check` lists them.
    func check() -> WebPage {
        var context = BuildContext(
            campaignFolder: options.campaign, templatesFolder: BundledResources.templates, outputFolder: options.output)
        context.templatesChosen = false
        var page = blankPage("")
        do {
            try BuildPipeline(steps: [.read, .validate, .checkTemplates]).run(&context)
            page.heading = "检查通过：\(context.data?.declarations.count ?? 0) 项申报 / check passed"
        } catch {
            page.heading = "\(error.message)"
        }
        page.problems = context.diagnostics.map(Self.problem)
        return page
    }

    /// Starts the build in the background (false when an import or build is running).
    func startBuild() async -> Bool {
        guard await gate.claim() else { return false }
        await progress.start()
        building.set(true)
        // A build is minutes of blocking work at scale: on a thread of its own, never on the pool that serves
        // the pages (two cores give that pool two threads).
        let (progress, gate, building) = (self.progress, self.gate, self.building)
        DispatchQueue.global(qos: .userInitiated).async {
            let page = self.runBuild()
            building.set(false)
            Task {
                await progress.finish(page)
                await gate.release()
            }
        }
        return true
    }

    /// While the build runs, its steps so far (the page reloads itself each second); then its result.
    func progressPage() async -> WebPage {
        let state = await progress.state()
        if let result = state.result { return result }
        var page = blankPage(state.running ? "正在生成… / building…" : "没有进行中的生成 / no build is running")
        page.lines = state.steps
        page.refresh = state.running
        if !state.running { page.files = lastFiles() }
        return page
    }

    /// The whole build, as `gongwen build` runs it; the steps as they ran, then the files or what stopped it.
    func runBuild() -> WebPage {
        var context = BuildContext(
            campaignFolder: options.campaign, templatesFolder: BundledResources.templates, outputFolder: options.output)
        context.templatesChosen = false
        var steps: [String] = []
        let progress = self.progress
        // Each document as it is made: the render step's count on the progress page.
        context.observeJob = { _, _ in Task { await progress.document() } }
        do {
            try BuildPipeline(steps: BuildStep.all).run(&context) { index, count, name in
                let step = "[\(index)/\(count)] \(name)"
                steps.append(step)
                Task { await progress.step(step) }
            }
            var page = lastBuild(heading: "已生成 \(context.files.count) 个文件 / built \(context.files.count) files")
            page.lines = steps
            page.succeeded = true
            return page
        } catch {
            var page = blankPage("生成失败，原有输出未改动 / the build stopped; the previous output is untouched")
            page.lines = steps + [error.description]
            page.problems = context.diagnostics.errors.map(Self.problem)
            return page
        }
    }

    /// The files of the last build, from its manifest.
    func lastBuild(heading: String) -> WebPage {
        var page = blankPage(heading)
        page.files = lastFiles()
        return page
    }
}
