import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenTestSupport
import Hummingbird
import Testing

@testable import GongwenServe

/// The office's page, driven through its routes: what it shows, what it refuses, and that a build and a
/// download are the command line's.
struct WebServerTests {
    func server(_ campaign: URL = Fixtures.sampleCampaign, token: String? = nil) throws -> (TemporaryFolder, WebServer)
    {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(campaign, as: "campaign")
        var options = WebServer.Options(campaign: copy, output: folder.url.appendingPathComponent("output"))
        options.accessToken = token
        return (folder, WebServer(options: options, formToken: "form-token"))
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func theOverviewShowsTheCampaignAndItsRecommenders() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<h1>2019年滨海新区质量攻关活动</h1>"))
                #expect(page.contains("<tr><td><a href=\"/recommender?id=KFQ\">天津经济技术开发区市场监督管理局</a></td><td>8</td>"))
                #expect(page.contains("action=\"/import?token=form-token\""))
            }
        }
    }

    /// The overview lists each issued document once: archive copies left out (the same bytes), a document
    /// issued one copy per recipient folded under one entry — and after the recommenders, which the office
    /// looks at first.
    @Test func theOverviewListsEachIssuedDocumentOnceAfterTheRecommenders() async throws {
        let (folder, server) = try server()
        _ = folder
        _ = server.runBuild()
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                let issued = try #require(page.range(of: "<section id=\"issued\"")).lowerBound
                let recommenders = try #require(page.range(of: "<section id=\"recommenders\"")).lowerBound
                #expect(recommenders < issued)
                let section = String(page[issued...])
                #expect(!section.contains("归档包"))
                #expect(section.components(separatedBy: "<li>津滨质量组办〔2019〕9号 ").count == 2)
                #expect(section.components(separatedBy: ">津滨质量组办〔2019〕9号 关于报送").count - 1 == 10)
                #expect(section.contains("关于报送2019年滨海新区质量攻关活动成果的通知（10 份，每个主送单位一份）</summary>"))
                #expect(section.contains(">关于下达2019年滨海新区质量攻关重点项目计划的通知</a>"))
                #expect(section.components(separatedBy: "<li>津滨质量组办").count - 1 == 7)
                let serials = section.components(separatedBy: "<li>津滨质量组办〔2019〕").dropFirst().map {
                    $0.prefix { $0.isNumber }
                }
                #expect(serials == ["3", "5", "6", "9", "10", "12", "14"])  // in the order they were issued
            }
        }
    }

    @Test func theBlankFormDownloadsAsTheCommandWritesIt() async throws {
        let (folder, server) = try server()
        let written = folder.url.appendingPathComponent("blank.xlsx")
        _ = try BlankForm.write(campaign: server.options.campaign, templates: nil, to: written)
        let expected = try Data(contentsOf: written)
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) {
                #expect(String(buffer: $0.body).contains("href=\"/blank-form\""))
            }
            try await client.execute(uri: "/blank-form", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
                #expect(Data(buffer: response.body) == expected)
            }
        }
    }

    @Test func theOverviewFollowsTheCampaignsFilesAsTheyChange() async throws {
        let (folder, server) = try server()
        _ = folder
        let declarations = server.options.campaign.appendingPathComponent("declarations.csv")
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) {
                #expect(
                    String(buffer: $0.body).contains(
                        "<tr><td><a href=\"/recommender?id=KFQ\">天津经济技术开发区市场监督管理局</a></td><td>8</td>"))
            }
            // A row added by hand (another editor, not the page): the next page counts it, and its error.
            let row =
                "99,天津经济技术开发区市场监督管理局,天津手工录入有限公司,91120116MA05K3L29X,制造业,经济技术开发区,"
                + "降低手工录入差错率,王五,13812345678,a@b.cn,2019-04-20\r\n"
            let handle = try FileHandle(forWritingTo: declarations)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(row.utf8))
            try handle.close()
            try await client.execute(uri: "/", method: .get) {
                #expect(
                    String(buffer: $0.body).contains(
                        "<tr><td><a href=\"/recommender?id=KFQ\">天津经济技术开发区市场监督管理局</a></td><td>9</td><td>1</td>"),
                    "\(String(buffer: $0.body))")
            }
        }
    }

    @Test func aBuildNeedsTheFormTokenAndItsFilesDownloadByNumber() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            try await client.execute(
                uri: "/build?token=wrong", method: .post, headers: Self.form, body: ByteBuffer(string: "token=wrong")
            ) {
                #expect($0.status == .forbidden)
            }
            var headers = Self.form
            headers[.origin] = "http://evil.example"
            try await client.execute(
                uri: "/build?token=form-token", method: .post, headers: headers, body: ByteBuffer(string: "")
            ) {
                #expect($0.status == .forbidden, "another site's page cannot build")
            }
            // The token in the body is not enough: it must be known before the body is read.
            try await client.execute(
                uri: "/build", method: .post, headers: Self.form, body: ByteBuffer(string: "token=form-token")
            ) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/build?token=form-token", method: .post, headers: Self.form, body: ByteBuffer(string: "")
            ) {
                #expect($0.status == .seeOther && $0.headers[.location] == "/build/progress")
            }
            // The progress page reloads itself while the build runs, then shows its result.
            var page = ""
            for _ in 0..<300 where !page.contains("已生成") {
                try await client.execute(uri: "/build/progress", method: .get) { page = String(buffer: $0.body) }
                if !page.contains("已生成") {
                    #expect(page.contains("http-equiv=\"refresh\""))
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(page.contains("已生成") && page.contains("[6/8] 归档 archive") && !page.contains("http-equiv"))
            // Grouped as the output folder is: a heading per folder, each file by its name.
            #expect(page.contains("<summary>计划通知</summary>") && page.contains("data-path=\"计划通知/"))
            // A file by its path and SHA-256 in manifest.json, as the page links it: the same bytes.
            let manifest =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: server.options.output.appendingPathComponent("manifest.json")))
                as? [String: Any]
            let files = try #require(manifest?["files"] as? [[String: Any]])
            let entry = try #require(files.first { ($0["path"] as? String)?.hasSuffix("计划的通知.docx") == true })
            let path = try #require(entry["path"] as? String)
            let link = WebPage.File.link(path: path, sha256: try #require(entry["sha256"] as? String))
            #expect(page.contains(link.replacingOccurrences(of: "&", with: "&amp;")))
            let expected = try Data(contentsOf: server.options.output.appendingPathComponent(path))
            try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == expected)
            }
        }
    }

    @Test func aFilledFormUploadedIsImportedAsTheCommandImportsIt() async throws {
        let (folder, server) = try server(Fixtures.campaign("valid-small"))
        let csv =
            "序号,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n"
            + "1,天津网页测试有限公司,91120116MA05K3L296,制造业,保税区,降低网页测试返工率,李四,13812345678,web@test.cn\r\n"
        let boundary = "gongwenboundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"recommender\"\r\n\r\nBSQ\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../返回表.csv\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        let upload = body
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        let declarationsURL = folder.url.appendingPathComponent("campaign/declarations.csv")
        let before = try Data(contentsOf: declarationsURL)
        try await server.application().routed { client in
            // First shown: nothing written yet.
            var page = ""
            try await client.execute(
                uri: "/import?token=form-token", method: .post, headers: headers, body: ByteBuffer(string: upload)
            ) { page = String(buffer: $0.body) }
            #expect(page.contains("请核对") && page.contains("新增：降低网页测试返工率"), "\(page.prefix(600))")
            #expect(page.contains("../../返回表.csv：可导入 1 行"), "the name as sent, shown, never a path")
            #expect(try Data(contentsOf: declarationsURL) == before)
            let confirm = try WebCorrectionTests.confirmation(page, replace: false)
            try await client.execute(uri: confirm, method: .post) {
                let page = String(buffer: $0.body)
                #expect(page.contains("已导入") && page.contains("撤销这次导入"), "\(page.prefix(800))")
            }
            // Confirmed once only: the upload is gone.
            try await client.execute(uri: confirm, method: .post) { #expect($0.status == .gone) }
        }
        let declarations = try String(contentsOf: declarationsURL, encoding: .utf8)
        #expect(declarations.contains("天津网页测试有限公司"))
    }

    @Test func beyondThisMachineTheAccessTokenIsRequired() async throws {
        let (folder, server) = try server(token: "secret")
        _ = folder
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/?token=secret", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.contains("gongwen-access=secret") == true)
            }
            try await client.execute(uri: "/check", method: .get, headers: [.cookie: "gongwen-access=secret"]) {
                #expect($0.status == .ok)
            }
        }
    }
}
