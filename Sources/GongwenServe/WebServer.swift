import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenTemplates
import Hummingbird
import MultipartKit

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

    public static let uploadLimit = 50 * 1024 * 1024

    public init(options: Options, formToken: String = WebServer.randomToken()) {
        self.options = options
        self.formToken = formToken
    }

    public static func randomToken() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// The application: routes and the access check.
    public func application() -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: AccessCheck(token: options.accessToken))
        router.get("/") { _, _ in try self.page(self.overview()) }
        router.get("/check") { _, _ in try self.page(self.check()) }
        router.get("/build") { _, _ in try self.page(self.lastBuild(heading: "上次生成的文件")) }
        router.post("/build") { request, _ in
            guard self.allowed(request, token: try await self.formFields(request)["token"]) else {
                return Self.refused()
            }
            // The build runs on; the page that follows shows its steps as they pass and then its result.
            guard await self.startBuild() else {
                return try self.page(self.blankPage("正在导入或生成，请稍候再试 / an import or a build is running"))
            }
            return Response(status: .seeOther, headers: [.location: "/build/progress"])
        }
        router.post("/import") { request, _ in try await self.importForms(request) }
        router.get("/build/progress") { _, _ in try await self.page(self.progressPage()) }
        router.get("/files/:index") { request, context in try self.download(request, context) }
        return Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "gongwen"))
    }

    // MARK: Pages

    func page(_ page: WebPage) throws -> Response {
        let template = try TemplateFolder(root: BundledResources.templates).load(
            document: .webPage, format: "html", name: "page.html")
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'unsafe-inline'"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: template.renderData(page))))
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
        let days = Self.today().map { Self.days(from: $0, to: deadline) } ?? -1
        page.daysLeft = days >= 0 ? String(days) : ""
        var validator = CampaignValidator(policy: CampaignValidator.Policy(), campaignFile: "campaign.yaml")
        let diagnostics = validator.validate(data).errors
        let grouped = data.declarationsByRecommender()
        page.recommenders = campaign.recommenders.map { recommender in
            let rows = grouped[recommender.id] ?? []
            let errors = diagnostics.filter { diagnostic in
                rows.contains {
                    $0.origin.row == diagnostic.location.row && diagnostic.location.file.hasSuffix("declarations.csv")
                }
            }.count
            let status = !rows.isEmpty ? "已收到" : days < 0 ? "逾期" : "未收到"
            return WebPage.Recommender(
                id: recommender.id, name: recommender.name, rows: rows.count, errors: errors, status: status)
        }
        page.issued = lastFiles().filter { !$0.documentNumber.isEmpty && $0.path.hasSuffix(".docx") }
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
        Task.detached {
            let page = self.runBuild()
            await self.progress.finish(page)
            await self.gate.release()
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
            page.lines = steps + [(error as? GongwenError)?.description ?? "\(error)"]
            page.problems = context.diagnostics.errors.map(Self.problem)
            return page
        }
    }

    /// The whole build, waited for (tests, and callers that want the result page at once).
    func build() async throws -> WebPage {
        guard
            let result = await gate.run({ () -> WebPage in
                var context = BuildContext(
                    campaignFolder: self.options.campaign, templatesFolder: BundledResources.templates,
                    outputFolder: self.options.output)
                context.templatesChosen = false
                var steps: [String] = []
                do {
                    try BuildPipeline(steps: BuildStep.all).run(&context) { index, count, name in
                        steps.append("[\(index)/\(count)] \(name)")
                    }
                    var page = self.lastBuild(
                        heading: "已生成 \(context.files.count) 个文件 / built \(context.files.count) files")
                    page.lines = steps
                    page.succeeded = true
                    return page
                } catch {
                    var page = self.blankPage("生成失败，原有输出未改动 / the build stopped; the previous output is untouched")
                    page.lines = steps + [(error as? GongwenError)?.description ?? "\(error)"]
                    page.problems = context.diagnostics.errors.map(Self.problem)
                    return page
                }
            })
        else { return blankPage("正在导入或生成，请稍候再试 / an import or a build is running: try again in a moment") }
        return result
    }

    /// The files of the last build, from its manifest.
    func lastBuild(heading: String) -> WebPage {
        var page = blankPage(heading)
        page.files = lastFiles()
        return page
    }

    struct Listing: Decodable {
        struct Entry: Decodable {
            var path: String
            var documentNumber: String?
        }
        var files: [Entry]
    }

    func lastFiles() -> [WebPage.File] {
        guard let data = try? Data(contentsOf: options.output.appendingPathComponent("manifest.json")),
            let listing = try? JSONDecoder().decode(Listing.self, from: data)
        else { return [] }
        return listing.files.enumerated().map { index, entry in
            WebPage.File(
                index: index, path: entry.path, documentNumber: entry.documentNumber ?? "",
                isHTML: entry.path.hasSuffix(".html"))
        }
    }

    // MARK: Import

    /// Returned forms dropped on the page: saved to a private folder and imported exactly as `gongwen import`.
    func importForms(_ request: Request) async throws -> Response {
        guard let contentType = request.headers[.contentType], let boundary = Self.boundary(contentType) else {
            return Self.refused("需要 multipart/form-data / expected multipart/form-data")
        }
        let body = try await request.body.collect(upTo: Self.uploadLimit * 4)
        let parts = try Self.parts(body, boundary: boundary)
        guard allowed(request, token: parts.fields["token"]) else { return Self.refused() }
        guard !parts.files.isEmpty else { return try page(blankPage("没有选择文件 / no file was chosen")) }
        if parts.files.contains(where: { $0.data.count > Self.uploadLimit }) {
            return try page(blankPage("文件超过 50 MB / a file is over 50 MB"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-upload-\(Self.randomToken())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var urls: [URL] = []
        for (index, file) in parts.files.enumerated() {
            // The uploaded name is only used for its extension and shown in the report; never as a path.
            let ext = (file.name as NSString).pathExtension.lowercased()
            let name =
                "\(index + 1)-" + FileNaming.safe((file.name as NSString).deletingPathExtension) + "."
                + (["xlsx", "csv"].contains(ext) ? ext : "bin")
            let url = folder.appendingPathComponent(name)
            try file.data.write(to: url)
            urls.append(url)
        }
        let recommender = parts.fields["recommender"].flatMap { $0.isEmpty ? nil : $0 }
        let files = urls
        guard
            let page = await gate.run({ () -> WebPage in
                var options = Importer.Options(campaign: self.options.campaign, files: files)
                options.recommender = recommender
                do {
                    let result = try Importer(options: options).run()
                    // The page after the import: the recommenders' counts include what came in.
                    var page = self.blankPage("")
                    page.heading = "导入 \(result.acceptedCount) 行 / imported \(result.acceptedCount) rows"
                    for outcome in result.files {
                        page.lines.append(
                            "\(outcome.file)：导入 \(outcome.accepted.count) 行，未导入 \(outcome.rejected.count) 行"
                                + (outcome.refusal.map { "，已拒绝：\($0.description)" } ?? ""))
                        for (row, findings) in outcome.rejected {
                            for finding in findings {
                                page.problems.append(
                                    WebPage.Problem(
                                        place: "\(outcome.file) 第\(row)行 \(finding.location.field ?? "")",
                                        code: finding.code, chinese: finding.chinese, english: finding.english,
                                        severity: "error"))
                            }
                        }
                    }
                    return page
                } catch {
                    var page = self.blankPage("")
                    page.heading = "导入未完成，数据未改动 / nothing was imported"
                    let failure = error as? GongwenError
                    page.lines = [failure?.description ?? "\(error)"]
                    page.problems = (failure?.diagnostics ?? []).map(Self.problem)
                    return page
                }
            })
        else { return try self.page(blankPage("正在导入或生成，请稍候再试 / an import or a build is running")) }
        return try self.page(page)
    }

    struct Upload {
        var name: String
        var data: Data
    }

    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for piece in contentType.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                return String(trimmed.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The form's fields and files, parsed with MultipartKit.
    static func parts(_ body: ByteBuffer, boundary: String) throws -> (fields: [String: String], files: [Upload]) {
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: String] = [:]
        var files: [Upload] = []
        var headers: [String: String] = [:]
        var data = Data()
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            let field = Self.attribute("name", in: disposition) ?? ""
            if let filename = Self.attribute("filename", in: disposition) {
                if !filename.isEmpty { files.append(Upload(name: filename, data: data)) }
            } else {
                fields[field] = String(decoding: data, as: UTF8.self)
            }
            headers = [:]
            data = Data()
        }
        try parser.execute(body)
        return (fields, files)
    }

    static func attribute(_ name: String, in disposition: String) -> String? {
        for piece in disposition.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(name + "=") {
                return String(trimmed.dropFirst(name.count + 1)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    // MARK: Downloads and checks

    /// A file of the last build by its number in manifest.json (`?view=1` shows an HTML file in the browser).
    func download(_ request: Request, _ context: some RequestContext) throws -> Response {
        let files = lastFiles()
        guard let index = context.parameters.get("index", as: Int.self), files.indices.contains(index) else {
            return Response(status: .notFound)
        }
        let url = options.output.appendingPathComponent(files[index].path)
        guard let data = try? Data(contentsOf: url) else { return Response(status: .notFound) }
        var headers = HTTPFields()
        let view = request.uri.queryParameters.get("view") == "1" && files[index].isHTML
        headers[.contentType] = view ? "text/html; charset=utf-8" : "application/octet-stream"
        if !view {
            let name = (files[index].path as NSString).lastPathComponent
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// A POST's form token must be this page's, and its Origin (when sent) this server.
    func allowed(_ request: Request, token: String?) -> Bool {
        guard token == formToken else { return false }
        // A browser names the page a form came from; it must be this server's.
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority else { return false }
            return origin == "http://\(host)" || origin == "https://\(host)"
        }
        return true
    }

    func formFields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    static func refused(_ reason: String = "请求未通过来源或令牌检查 / the request failed the origin or token check") -> Response {
        Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: reason)))
    }
}

/// One import or build at a time: a second is told so instead of waiting on the locks.
actor OperationGate {
    var busy = false

    /// Takes the gate for work that releases it later (a background build).
    func claim() -> Bool {
        guard !busy else { return false }
        busy = true
        return true
    }

    func release() {
        busy = false
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T? {
        guard !busy else { return nil }
        busy = true
        defer { busy = false }
        return try await body()
    }
}

/// With an access token (serving beyond this machine): `?token=` once sets a cookie; every request needs one.
struct AccessCheck<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token else { return try await next(request, context) }
        if request.uri.queryParameters.get("token") == token {
            var response = try await next(request, context)
            response.headers[.setCookie] = "gongwen-access=\(token); HttpOnly; SameSite=Strict; Path=/"
            return response
        }
        let cookies = request.headers[.cookie] ?? ""
        guard
            cookies.split(separator: ";").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == "gongwen-access=\(token)"
            })
        else {
            return Response(
                status: .unauthorized,
                body: .init(byteBuffer: ByteBuffer(string: "需要访问令牌 / an access token is required")))
        }
        return try await next(request, context)
    }
}

/// The running build's steps, and its result page once it ends.
actor BuildProgress {
    var steps: [String] = []
    var running = false
    var result: WebPage?

    func start() {
        steps = []
        running = true
        result = nil
    }

    func step(_ step: String) {
        if running, !steps.contains(step) { steps.append(step) }
    }

    func finish(_ page: WebPage) {
        running = false
        result = page
    }

    func state() -> (steps: [String], running: Bool, result: WebPage?) { (steps, running, result) }
}
