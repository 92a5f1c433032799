import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenTestSupport
import Hummingbird
import Testing

@testable import GongwenServe

/// Corrections through the page (issue 22): a form with one corrected row is shown, then merged; rows go only
/// as the clerk's second, separate choice; an import is undone from the history page; refused rows stay counted
/// on the overview after a restart.
struct WebCorrectionTests {
    static let boundary = "gongwencorrection"

    static func upload(_ csv: String, named name: String = "KFQ.csv") -> ByteBuffer {
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"recommender\"\r\n\r\nKFQ\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n"
        body += csv + "\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    static func form(_ rows: [String]) -> String {
        "序号,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n" + rows.joined(separator: "\r\n")
    }

    static let corrected =
        "1,天津海川精密机械有限公司,91120116MA05K3L296,制造业,经济技术开发区,降低曲轴加工尺寸超差率,王伟,13899998888,qc@haichuan-tj.com"

    func server() throws -> (TemporaryFolder, WebServer) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let extra =
            "4,KFQ,天津新港船舶重工有限公司,91120116MA05K3L296,制造业,经济技术开发区,缩短船体分段合拢周期,孙丽,13611112222,ss@xg.cn\r\n"
        let url = campaign.appendingPathComponent("declarations.csv")
        try (try Data(contentsOf: url) + Data(extra.utf8)).write(to: url)
        let options = WebServer.Options(campaign: campaign, output: folder.url.appendingPathComponent("output"))
        return (folder, WebServer(options: options, formToken: "form-token"))
    }

    func kfqRows(_ server: WebServer) throws -> [String] {
        let text = try String(
            contentsOf: server.options.campaign.appendingPathComponent("declarations.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).filter { $0.contains(",KFQ,") || $0.contains(",天津经济") }.map(
            String.init)
    }

    /// The confirmation address on a preview page (`replace`: the second button's).
    static func confirmation(_ page: String, replace: Bool) throws -> String {
        let pattern =
            #"/import/confirm\?token=form-token&amp;upload=[0-9a-f]{32}"# + (replace ? "&amp;replace=1" : "\"")
        let range = try #require(page.range(of: pattern, options: .regularExpression), "\(page.prefix(2000))")
        return String(page[range]).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "\"", with: "")
    }

    @Test func oneCorrectedRowIsShownThenMergedAndRowsGoOnlyOnTheSecondChoice() async throws {
        let (folder, server) = try server()
        _ = folder
        #expect(try kfqRows(server).count == 3)
        try await server.application().routed { client in
            var page = ""
            try await client.execute(
                uri: "/import?token=form-token", method: .post, headers: Self.headers,
                body: Self.upload(Self.form([Self.corrected]))
            ) { page = String(buffer: $0.body) }
            #expect(page.contains("联系方式“13812345678”改为“13899998888”"))
            #expect(page.contains("新表中没有，保留：缩短船体分段合拢周期"))
            #expect(page.contains("以新表替换：删除新表中没有的 2 行"))
            try await client.execute(uri: try Self.confirmation(page, replace: false), method: .post) {
                #expect($0.status == .ok)
            }
            let rows = try kfqRows(server)
            #expect(rows.count == 3 && rows[0].contains("13899998888"), "\(rows)")
            // The same form again, now confirmed as replacing: the two rows go, and are listed.
            try await client.execute(
                uri: "/import?token=form-token", method: .post, headers: Self.headers,
                body: Self.upload(Self.form([Self.corrected]))
            ) { page = String(buffer: $0.body) }
            try await client.execute(uri: try Self.confirmation(page, replace: true), method: .post) { response in
                #expect(String(buffer: response.body).contains("删除表中未列的 2 行"))
            }
            #expect(try kfqRows(server).count == 1)
            // Undone from the history page: the two rows are back.
            try await client.execute(uri: "/history", method: .get) {
                #expect(String(buffer: $0.body).contains("撤销第 2 次修改"))
            }
            try await client.execute(uri: "/history/undo?token=form-token&number=2", method: .post) {
                #expect(String(buffer: $0.body).contains("已撤销第 2 次修改"))
            }
            #expect(try kfqRows(server).count == 3)
            // Without the token, nothing is undone.
            try await client.execute(uri: "/history/undo?number=1", method: .post) { #expect($0.status == .forbidden) }
        }
    }

    @Test func refusedRowsAreStillCountedAfterARestart() async throws {
        let (folder, server) = try server()
        _ = folder
        let wrong = "2,天津坏公司,91120116MA05K3L29X,制造业,经济技术开发区,另一个项目,李雷,13900001111,x@y.cn"
        try await server.application().routed { client in
            var page = ""
            try await client.execute(
                uri: "/import?token=form-token", method: .post, headers: Self.headers,
                body: Self.upload(Self.form([Self.corrected, wrong]))
            ) { page = String(buffer: $0.body) }
            try await client.execute(uri: try Self.confirmation(page, replace: false), method: .post) { _ in }
        }
        // A new server on the same campaign: the refused row is on the overview.
        let restarted = WebServer(options: server.options, formToken: "other")
        try await restarted.application().routed { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(
                    page.contains(
                        "<tr><td><a href=\"/recommender?id=KFQ\">天津经济技术开发区市场监督管理局</a></td><td>3</td><td>0</td><td>1 <a href=\"/returned-form?recommender=KFQ\">"
                    ),
                    "\(page)")
            }
            // The form to send back: the refused row, its wrong cell on light red with the reason as a note.
            try await client.execute(uri: "/returned-form?recommender=KFQ", method: .get) { response in
                #expect(response.status == .ok)
                let form = Data(buffer: response.body)
                let comments = try PackageParts.text("xl/comments1.xml", in: form)
                #expect(comments.contains("<comment ref=\"C5\"") && comments.contains("校验位不符"), "\(comments)")
                #expect(try PackageParts.text("xl/styles.xml", in: form).contains("FFFFC7CE"))
                let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: form)
                #expect(sheet.contains("<legacyDrawing r:id=\"rId2\"/>") && sheet.contains("天津坏公司"))
                #expect(
                    try PackageParts.text("xl/worksheets/_rels/sheet1.xml.rels", in: form).contains("vmlDrawing1.vml"))
                // Sent back unchanged, it is read as the recommender's form and the row refused again.
                let folder = try TemporaryFolder()
                let url = folder.url.appendingPathComponent("returned.xlsx")
                try form.write(to: url)
                var options = Importer.Options(campaign: server.options.campaign, files: [url])
                options.dryRun = true
                let result = try Importer(options: options).run()
                #expect(result.files.first?.recommender == "KFQ" && result.files.first?.rejected.map(\.row) == [5])
            }
            try await client.execute(uri: "/returned-form?recommender=BSQ", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/returned-form?recommender=..%2F..", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func thePageHasLandmarksLabelsAndAViewport() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<main>") && page.contains("<nav aria-label="))
                #expect(page.contains("<label for=\"files\">") && page.contains("id=\"files\""))
                #expect(page.contains("<label for=\"recommender\">") && page.contains("id=\"recommender\""))
                #expect(page.contains("name=\"viewport\" content=\"width=device-width"))
                #expect(page.contains("已报 2") && page.contains("未报 0"))
            }
        }
    }
}

/// A new year's campaign completed on the settings page alone (issue 22).
struct WebSettingsTests {
    @Test func aCampaignFromInitIsMadeBuildableOnTheSettingsPage() async throws {
        let folder = try TemporaryFolder()
        let campaign = folder.url.appendingPathComponent("2020")
        try CampaignInit.create(campaign, year: 2020, from: Fixtures.sampleCampaign)
        let server = WebServer(
            options: WebServer.Options(campaign: campaign, output: folder.url.appendingPathComponent("output")),
            formToken: "form-token")
        let original = try String(contentsOf: campaign.appendingPathComponent("campaign.yaml"), encoding: .utf8)
        try await server.application().routed { client in
            try await client.execute(uri: "/", method: .get) {
                #expect(String(buffer: $0.body).contains("活动数据无法读取"))
            }
            try await client.execute(uri: "/settings", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("name=\"deadline\"") && page.contains("name=\"date.plan_notice\""))
                #expect(page.contains("<label for=\"deadline\">"))
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            // Without the token: refused, nothing written.
            try await client.execute(
                uri: "/settings", method: .post, headers: form, body: ByteBuffer(string: "deadline=2020-04-22")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/settings?token=form-token", method: .post, headers: form,
                body: ByteBuffer(string: "deadline=2020-04-22&date.call=2020-04-08&serial.call=1")
            ) { response in
                #expect(String(buffer: response.body).contains("已保存"), "\(String(buffer: response.body).prefix(900))")
            }
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("活动数据无法读取") && page.contains("2020年4月22日"))
            }
        }
        let text = try String(contentsOf: campaign.appendingPathComponent("campaign.yaml"), encoding: .utf8)
        #expect(text.hasPrefix(original.split(separator: "\n")[0] + "\n"), "the file's first comment is kept")
        #expect(text.contains("declaration_deadline: 2020-04-22\n") && text.contains("  call: 2020-04-08\n"))
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates,
            outputFolder: folder.url.appendingPathComponent("output"))
        try BuildPipeline(steps: BuildStep.all).run(&context)
        #expect(!context.files.isEmpty)
    }
}

/// A recommender's own page, and the import form closed while a build runs (issue 22).
struct WebSeasonTests {
    @Test func aRecommendersRowsAreOnItsPageBeforeAnyBuild() async throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let server = WebServer(
            options: WebServer.Options(campaign: campaign, output: folder.url.appendingPathComponent("output")),
            formToken: "form-token")
        try await server.application().routed { client in
            try await client.execute(uri: "/recommender?id=KFQ", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<h2 id=\"heading\">天津经济技术开发区市场监督管理局</h2>"))
                #expect(page.contains("<td>降低曲轴加工尺寸超差率</td>") && page.contains("已收申报 2 行"), "\(page.prefix(3000))")
            }
            try await client.execute(uri: "/recommender?id=..%2F", method: .get) {
                #expect(String(buffer: $0.body).contains("没有这个推荐单位"))
            }
            // While a build runs, the import form says so and its button is off.
            server.building.set(true)
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("生成结束后才能导入") && page.contains("id=\"import\" disabled"))
            }
            server.building.set(false)
            try await client.execute(uri: "/", method: .get) {
                #expect(!String(buffer: $0.body).contains("id=\"import\" disabled"))
            }
        }
    }
}

/// The render step shows how many documents are made while it runs (issue 22: 20 s at 10,000 with no count).
struct BuildProgressTests {
    @Test func theRunningStepCountsItsDocuments() async {
        let progress = BuildProgress()
        await progress.start()
        await progress.step("[5/8] 生成 render")
        for _ in 0..<3 { await progress.document() }
        let state = await progress.state()
        #expect(state.steps.last == "[5/8] 生成 render：已完成 3 份文件 / 3 documents made")
        await progress.finish(WebPage(campaignTitle: "", formToken: ""))
        #expect(await progress.state().steps.last == "[5/8] 生成 render")
    }
}
