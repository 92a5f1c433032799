import Foundation
import GongwenBuild
import GongwenOOXML
import GongwenTestSupport
import Hummingbird
import Testing

@testable import GongwenServe

/// What the page refuses, each with its status and a message, and with nothing in the campaign or the output
/// changed: an oversized upload, a POST without the form token, a second operation while one runs, hostile
/// workbooks (an external entity, a zip bomb), a path that is not a manifest number.
struct WebServerRefusalTests {
    static let boundary = "gongwenrefusal"

    func server(
        _ campaign: URL = Fixtures.campaign("valid-small"), uploadLimit: Int = WebServer.uploadLimit
    ) throws -> (TemporaryFolder, WebServer) {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(campaign, as: "campaign")
        var options = WebServer.Options(campaign: copy, output: folder.url.appendingPathComponent("output"))
        options.uploadLimit = uploadLimit
        return (folder, WebServer(options: options, formToken: "form-token"))
    }

    /// A multipart body with one file.
    static func upload(_ data: Data, named name: String) -> ByteBuffer {
        var body = Data()
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"recommender\"\r\n\r\nBSQ\r\n".utf8)
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(data: body)
    }

    static let multipart: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    /// Posts `body` to /import and expects `status` and a page mentioning `message`, with the campaign's data
    /// byte for byte as before and no output folder made.
    func expectImportRefused(
        _ body: ByteBuffer, token: String? = "form-token", uploadLimit: Int = WebServer.uploadLimit,
        status: HTTPResponse.Status, message: String
    ) async throws {
        let (folder, server) = try server(uploadLimit: uploadLimit)
        let before = try Self.data(of: server.options.campaign)
        try await server.application().routed { client in
            let uri = "/import" + (token.map { "?token=\($0)" } ?? "")
            try await client.execute(uri: uri, method: .post, headers: Self.multipart, body: body) { response in
                let page = String(buffer: response.body)
                #expect(response.status == status)
                #expect(page.contains(message), "\(page.prefix(800))")
            }
        }
        let after = try Self.data(of: server.options.campaign)
        #expect(after == before, "the campaign's data: \(after.keys.filter { after[$0] != before[$0] }.sorted())")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("output").path))
    }

    /// The campaign's data: every file but the import's report (kept, as `gongwen import` keeps it, to say
    /// why nothing came in), its lock file and uploads waiting for confirmation.
    static func data(of campaign: URL) throws -> [String: Data] {
        try TemporaryFolder.contents(of: campaign).filter {
            !$0.key.hasPrefix("import-report.") && $0.key != ".gongwen-lock" && !$0.key.hasPrefix(".gongwen/uploads/")
        }
    }

    static let header = "序号,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n"

    @Test func anUploadOverTheLimitIsRefusedWith413() async throws {
        let row = "1,天津网页测试有限公司,91120116MA05K3L296,制造业,保税区,降低返工率,李四,13812345678,web@test.cn\r\n"
        let csv = Data((Self.header + String(repeating: row, count: 40)).utf8)
        #expect(csv.count > 2048)
        try await expectImportRefused(
            Self.upload(csv, named: "大.csv"), uploadLimit: 2048, status: .contentTooLarge, message: "文件超过")
        // A body far over the limit is cut off while it is read, not collected whole.
        try await expectImportRefused(
            Self.upload(Data(count: 256 << 10), named: "大.xlsx"), uploadLimit: 1024, status: .contentTooLarge,
            message: "文件超过")
    }

    @Test func anUploadWithoutTheFormTokenIsRefusedWith403() async throws {
        let csv = Data((Self.header + "1,天津网页测试有限公司,91120116MA05K3L296,制造业,保税区,降低返工率,李四,13812345678,\r\n").utf8)
        try await expectImportRefused(
            Self.upload(csv, named: "表.csv"), token: nil, status: .forbidden, message: "令牌")
        try await expectImportRefused(
            Self.upload(csv, named: "表.csv"), token: "guessed", status: .forbidden, message: "令牌")
    }

    @Test func aWorkbookWithAnExternalEntityIsRefusedWith422() async throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
            """
        let xlsx = try Self.workbook(sheet: Data(sheet.utf8))
        try await expectImportRefused(
            Self.upload(xlsx, named: "返回表.xlsx"), status: .unprocessableContent, message: "DTD")
    }

    @Test func aZipBombIsRefusedWith422() async throws {
        // 80 MB of spaces deflate to about 80 KB: under the upload limit, over the reader's inflation cap.
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 9)
        try Self.addWorkbookParts(to: zip)
        let stream = try zip.begin("xl/worksheets/sheet1.xml")
        let spaces = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<80 { try stream.write(spaces) }
        try stream.finish()
        try zip.finish()
        try await expectImportRefused(
            Self.upload(sink.data, named: "炸弹.xlsx"), status: .unprocessableContent, message: "疑似压缩炸弹")
    }

    @Test func aSecondOperationWhileOneRunsIsToldSoWith409() async throws {
        let (folder, server) = try server()
        let before = try TemporaryFolder.contents(of: server.options.campaign)
        #expect(await server.gate.claim(), "an import or a build is under way")
        let csv = Data((Self.header + "1,天津网页测试有限公司,91120116MA05K3L296,制造业,保税区,降低返工率,李四,13812345678,\r\n").utf8)
        try await server.application().routed { client in
            try await client.execute(
                uri: "/build?token=form-token", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "")
            ) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("正在导入或生成"))
            }
            try await client.execute(
                uri: "/import?token=form-token", method: .post, headers: Self.multipart,
                body: Self.upload(csv, named: "表.csv")
            ) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("正在导入或生成"))
            }
        }
        await server.gate.release()
        #expect(try TemporaryFolder.contents(of: server.options.campaign) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("output").path))
    }

    @Test func twoBuildsPressedTogetherRunOnce() async throws {
        let (folder, server) = try server()
        _ = folder
        // A build from the command line holds the output folder, so the page's first build is still waiting
        // for it when the second press comes, however slow the machine.
        nonisolated(unsafe) var held: RunLock? = try RunLock.acquire(
            RunLock.forOutput(server.options.output), purpose: "test", what: ("测试", "test"))
        try await server.application().routed { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/build?token=form-token", method: .post, headers: form, body: ByteBuffer(string: "")
                ) { statuses.append($0.status) }
            }
            #expect(statuses == [.seeOther, .conflict])
            held = nil
            var result: String?
            for _ in 0..<600 where result == nil {
                result = await server.progress.state().result?.heading
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(result?.hasPrefix("已生成") == true, "\(String(describing: result))")
        }
        _ = held
    }

    @Test func onlyManifestEntriesReachTheFileSystem() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.application().routed { client in
            for uri in [
                "/file?sha256=0000000000000000&path=..%2Fcampaign%2Fcampaign.yaml", "/files/0",
                "/file?sha256=0000000000000000&path=%2Fetc%2Fpasswd", "/file?path=x",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound || response.status == .badRequest, "\(uri)")
                    #expect(!String(buffer: response.body).contains("root:"))
                }
            }
            try await client.execute(uri: "/../campaign/campaign.yaml", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    static func addWorkbookParts(to zip: ZipWriter) throws {
        try zip.add(
            "xl/workbook.xml",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                <sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8))
        try zip.add(
            "xl/_rels/workbook.xml.rels",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet1.xml"/></Relationships>
                """.utf8))
    }

    static func workbook(sheet: Data) throws -> Data {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 6)
        try addWorkbookParts(to: zip)
        try zip.add("xl/worksheets/sheet1.xml", sheet)
        try zip.finish()
        return sink.data
    }
}
