import Foundation
import GongwenBuild
import GongwenModel
import GongwenTestSupport
import Testing

struct BuildPipelineTests {
    func build(_ campaign: URL, into output: URL, templates: URL = Fixtures.templates) throws -> BuildContext {
        var context = BuildContext(campaignFolder: campaign, templatesFolder: templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        return context
    }

    @Test func theSampleCampaignBuildsTheDeclarationTablesAndManifest() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        _ = try build(Fixtures.sampleCampaign, into: output)
        let files = try TemporaryFolder.contents(of: output)
        #expect(files["manifest.json"] != nil)
        #expect(files["申报表/汇总.html"] != nil && files["申报表/汇总.csv"] != nil)
        #expect(files.keys.filter { $0.hasPrefix("申报表/") && $0.hasSuffix(".html") }.count == 11)
        let manifest = try JSONSerialization.jsonObject(with: try #require(files["manifest.json"])) as? [String: Any]
        let listed = try #require(manifest?["files"] as? [[String: Any]])
        #expect(listed.count == files.count - 1, "the manifest lists every other file")
        for entry in listed {
            let path = try #require(entry["path"] as? String)
            #expect((entry["size"] as? Int) == files[path]?.count)
            #expect((entry["sha256"] as? String)?.count == 64)
        }
    }

    @Test func sameInputSameBytes() throws {
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("a")
        let second = folder.url.appendingPathComponent("b")
        _ = try build(Fixtures.sampleCampaign, into: first)
        _ = try build(Fixtures.sampleCampaign, into: second)
        #expect(try TemporaryFolder.contents(of: first) == TemporaryFolder.contents(of: second))
    }

    @Test func goldenFilesOfTheSmallCampaign() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        _ = try build(Fixtures.campaign("valid-small"), into: output)
        let goldens = GoldenFolder(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/valid-small"))
        let files = try TemporaryFolder.contents(of: output)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if let difference = try goldens.compare(data, to: path) { Issue.record("\(difference)") }
        }
    }

    @Test func anInterruptedWriteLeavesThePreviousOutputIntact() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        _ = try build(Fixtures.campaign("valid-small"), into: output)
        let before = try TemporaryFolder.contents(of: output)

        var context = BuildContext(
            campaignFolder: Fixtures.sampleCampaign, templatesFolder: Fixtures.templates, outputFolder: output)
        context.writeInterruption = { index in
            if index == 3 { throw CocoaError(.fileWriteOutOfSpace) }
        }
        #expect {
            try BuildPipeline(steps: BuildStep.all).run(&context)
        } throws: { error in
            (error as? GongwenError).map { $0.family == .io && $0.step == "生成 render" } ?? false
        }
        #expect(try TemporaryFolder.contents(of: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers.sorted() == [".output.gongwen-lock", "output"], "no staging folder is left behind")
    }

    @Test func invalidDataWritesNothing() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        #expect {
            _ = try build(Fixtures.campaign("broken-declarations"), into: output)
        } throws: { error in
            guard let error = error as? GongwenError else { return false }
            return error.family == .invalidData && error.diagnostics.errors.count == 14
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aFolderGongwenDidNotMakeIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("Desktop")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: output.appendingPathComponent("letter.txt"))
        #expect(throws: GongwenError.self) { _ = try build(Fixtures.campaign("valid-small"), into: output) }
        #expect(try TemporaryFolder.contents(of: output) == ["letter.txt": Data("keep me".utf8)])
    }

    @Test func aBrokenTemplateFailsWithItsPlace() throws {
        let folder = try TemporaryFolder()
        let templates = try folder.copy(Fixtures.templates, as: "Templates")
        let file = templates.appendingPathComponent("declaration-table/html/table.html.mustache")
        try "<html>\n{{#groups}}\n</html>\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try build(
                Fixtures.campaign("valid-small"), into: folder.url.appendingPathComponent("out"), templates: templates)
        } throws: { error in
            guard let error = error as? GongwenError else { return false }
            return error.family == .template && error.path == "Templates/declaration-table/html/table.html.mustache"
        }
    }
}
