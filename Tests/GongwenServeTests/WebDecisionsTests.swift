import Foundation
import GongwenBuild
import GongwenOOXML
import GongwenReaders
import GongwenRendering
import GongwenTestSupport
import Hummingbird
import Testing

@testable import GongwenServe

/// The decisions page: the selection and the judging as they stand, and the workbooks to download, each
/// judge named by number (nothing from the request becomes a name or a path).
struct WebDecisionsTests {
    func server() throws -> (TemporaryFolder, WebServer) {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        let options = WebServer.Options(campaign: copy, output: folder.url.appendingPathComponent("output"))
        return (folder, WebServer(options: options, formToken: "form-token"))
    }

    @Test func thePageShowsTheSelectionTheFindingsAndEachJudgesWorkbook() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            try await client.execute(uri: "/decisions", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<span>申报项目 64</span><span>已列入计划 43</span>"))
                #expect(page.contains("雷同提示"))
                #expect(page.contains("<a href=\"/judging/form?judge=5\">下载陈思远的评分表</a>（未交回）"))
                #expect(page.contains("<a href=\"/plan/draft\" id=\"plan-draft\">"))
            }
        }
    }

    @Test func projectsNotSelectedAreListedWithTheirReasons() async throws {
        let (folder, server) = try server()
        _ = folder
        let record =
            "\u{FEFF}计划编号,推荐单位,申报单位名称,统一社会信用代码,项目名称,结果,理由\r\n"
            + ",KFQ,天津宏泰环保科技有限公司,91120116MA0C8NGM60,减少危废焚烧飞灰,不列入,与2018年项目雷同\r\n"
        try Data(record.utf8).write(to: server.options.campaign.appendingPathComponent("selection.csv"))
        try await server.application().routed { client in
            try await client.execute(uri: "/decisions", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<span>不列入 1</span>"))
                #expect(page.contains("<tr><td>减少危废焚烧飞灰</td><td>天津宏泰环保科技有限公司</td><td>与2018年项目雷同</td></tr>"))
            }
        }
    }

    @Test func theWorkbooksDownloadAndAnUnknownJudgeIsNotFound() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            try await client.execute(uri: "/plan/draft", method: .get) { response in
                #expect(response.status == .ok)
                let rows = try XLSXReader.firstSheet(Data(buffer: response.body))
                #expect(rows.contains { $0.texts.contains("是否列入") })
            }
            try await client.execute(uri: "/judging/form?judge=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("%E6%9D%8E%E6%85%A7%E6%95%8F") == true)
                let rows = try XLSXReader.firstSheet(Data(buffer: response.body))
                #expect(rows.contains { $0.texts.contains("评委：李慧敏") })
            }
            for bad in ["0", "6", "../campaign.yaml", "%2e%2e", "1e3", ""] {
                try await client.execute(uri: "/judging/form?judge=\(bad)", method: .get) { response in
                    #expect(response.status == .notFound, "\(bad)")
                }
            }
        }
    }
}

/// The decisions' uploads: shown first, confirmed or discarded, undone; refused whole with their errors.
struct WebDecisionUploadTests {
    static let boundary = "gongwendecisions"
    static let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    static func upload(_ files: [(name: String, data: Data)]) -> ByteBuffer {
        var body = Data()
        for file in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\n\r\n"
                    .utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(data: body)
    }

    /// A selection workbook marking the first project the plan lacks 列入 (made from the draft's own rows).
    static func markedWorkbook(_ campaign: URL) throws -> Data {
        let data = try #require(CampaignReader().read(folder: campaign).data)
        let planned = Set(data.plan.map(\.projectKey))
        let project = try #require(data.declarations.first { !planned.contains($0.projectKey) })
        let sheet = PlainTableSheet(
            name: "表", title: "项目筛选表", lines: [],
            columns: ["统一社会信用代码", "项目名称", "是否列入"].map { .init($0, width: 10) },
            rows: [[.text(project.creditCode, .text), .text(project.projectName, .text), .text("列入", .text)]])
        return try PlainWorkbook.data(
            [sheet], fonts: FormLayout.Fonts(body: "仿宋_GB2312", heading: "黑体", title: "方正小标宋简体"),
            core: CorePropertiesPart(title: "t", creator: "c", created: nil))
    }

    func server() throws -> (TemporaryFolder, WebServer) {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        let options = WebServer.Options(campaign: copy, output: folder.url.appendingPathComponent("output"))
        return (folder, WebServer(options: options, formToken: "form-token"))
    }

    @Test func aSelectionWorkbookIsShownThenImportedAndCanBeUndone() async throws {
        let (folder, server) = try server()
        _ = folder
        let plan = server.options.campaign.appendingPathComponent("plan.csv")
        let before = try Data(contentsOf: plan)
        let workbook = try Self.markedWorkbook(server.options.campaign)
        try await server.application().routed { client in
            // Without the token: refused before the body, nothing kept.
            try await client.execute(
                uri: "/plan/import", method: .post, headers: Self.headers,
                body: Self.upload([("筛选表.xlsx", workbook)])
            ) { response in #expect(response.status == .forbidden) }
            var confirm = ""
            try await client.execute(
                uri: "/plan/import?token=form-token", method: .post, headers: Self.headers,
                body: Self.upload([("筛选表.xlsx", workbook)])
            ) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("新增列入 1 项"))
                #expect(page.contains("新增列入 BHZLGG-2019-044"))
                let range = try #require(
                    page.range(
                        of: #"/plan/import/confirm\?token=form-token&amp;upload=[0-9a-f]{32}"#,
                        options: .regularExpression))
                confirm = String(page[range]).replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(try Data(contentsOf: plan) == before, "shown, not yet made")
            // A returned-forms confirmation cannot take this upload.
            try await client.execute(
                uri: confirm.replacingOccurrences(of: "/plan/import/confirm", with: "/import/confirm"), method: .post
            ) { response in #expect(response.status == .gone) }
            try await client.execute(uri: confirm, method: .post) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/history/undo?token=form-token&amp;number=1"))
            }
            #expect(try String(contentsOf: plan, encoding: .utf8).contains("BHZLGG-2019-044"))
            try await client.execute(uri: "/history/undo?token=form-token&number=1", method: .post) { response in
                #expect(response.status == .ok)
            }
            #expect(try Data(contentsOf: plan) == before, "undone byte for byte")
        }
    }

    @Test func aScoringWorkbookWithAnErrorIsRefusedWithItsPlace() async throws {
        let (folder, server) = try server()
        _ = folder
        let form = try JudgingFlow.form(campaign: server.options.campaign, judge: 1).data
        try await server.application().routed { client in
            // The blank form as returned: every score missing, refused naming the judge.
            try await client.execute(
                uri: "/judging/import?token=form-token", method: .post, headers: Self.headers,
                body: Self.upload([("评分表-张明远.xlsx", form)])
            ) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .unprocessableContent)
                #expect(page.contains("未导入，数据未改动"))
                #expect(page.contains("scoring.blank"))
                #expect(page.contains("评委“张明远”"))
            }
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: server.options.campaign.appendingPathComponent("judging/scores.csv").path))
        let uploads = server.options.campaign.appendingPathComponent(".gongwen/uploads")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: uploads.path)) ?? []).isEmpty)
    }
}
