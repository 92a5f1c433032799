import Foundation
import GongwenBuild
import GongwenReaders
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
