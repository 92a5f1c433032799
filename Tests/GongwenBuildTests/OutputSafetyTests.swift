import Foundation
import GongwenBuild
import GongwenModel
import GongwenTestSupport
import Testing

/// "Nothing lost" for the output folder: a folder gongwen did not make is never replaced, files a person added
/// are kept, two builds at once leave a consistent folder, and a kill mid-swap loses nothing.
struct OutputSafetyTests {
    func build(_ campaign: URL = Fixtures.campaign("valid-small"), into output: URL) throws -> BuildContext {
        var context = BuildContext(campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        return context
    }

    /// Every file of `folder` matches manifest.json, and the manifest lists every file.
    static func isConsistent(_ folder: URL) throws -> Bool {
        let files = try TemporaryFolder.contents(of: folder)
        guard let manifest = files["manifest.json"],
            let object = try JSONSerialization.jsonObject(with: manifest) as? [String: Any],
            let listed = object["files"] as? [[String: Any]]
        else { return false }
        guard listed.count == files.count - 1 else { return false }
        return listed.allSatisfy { entry in
            guard let path = entry["path"] as? String, let data = files[path] else { return false }
            return entry["size"] as? Int == data.count
        }
    }

    @Test func aFolderHoldingOnlyHiddenEntriesIsNotGongwens() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("project")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: output.appendingPathComponent(".git/HEAD"))
        try Data("SECRET=1\n".utf8).write(to: output.appendingPathComponent(".env"))
        let before = try TemporaryFolder.contents(of: output)
        #expect {
            _ = try build(into: output)
        } throws: { error in
            (error as? GongwenError)?.message.contains(".env") == true
        }
        #expect(try TemporaryFolder.contents(of: output) == before)
    }

    @Test func anotherProgramsManifestDoesNotMakeAFolderGongwens() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("webapp")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data(#"{"name": "My App", "start_url": "/"}"#.utf8).write(
            to: output.appendingPathComponent("manifest.json"))
        try Data("<html></html>".utf8).write(to: output.appendingPathComponent("index.html"))
        let before = try TemporaryFolder.contents(of: output)
        #expect(throws: GongwenError.self) { _ = try build(into: output) }
        #expect(try TemporaryFolder.contents(of: output) == before)
    }

    @Test func aFileAPersonAddedToTheOutputIsNamedAndKept() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        _ = try build(into: output)
        let scan = output.appendingPathComponent("申报表/盖章扫描件.pdf")
        try Data("%PDF-1.4 stamped".utf8).write(to: scan)
        #expect {
            _ = try build(into: output)
        } throws: { error in
            (error as? GongwenError)?.message.contains("申报表/盖章扫描件.pdf") == true
        }
        #expect(try Data(contentsOf: scan) == Data("%PDF-1.4 stamped".utf8))
        try FileManager.default.removeItem(at: scan)
        _ = try build(into: output)
        #expect(try Self.isConsistent(output), "once the file is moved out, the build goes on")
    }

    @Test func twoBuildsIntoOneFolderAtOnceLeaveItConsistent() async throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        for _ in 0..<4 {
            async let first = Task.detached { try self.build(into: output).files.count }.value
            async let second = Task.detached {
                try self.build(Fixtures.sampleCampaign, into: output).files.count
            }.value
            _ = try await (first, second)
            #expect(try Self.isConsistent(output))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(leftovers.filter { $0.contains("staging") || $0.contains("previous") }.isEmpty)
        }
    }

    @Test func aKillBetweenTheTwoRenamesLosesNothing() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        _ = try build(into: output)
        let good = try TemporaryFolder.contents(of: output)
        // What a kill between `output → output.gongwen-previous` and `staging → output` used to leave.
        let previous = folder.url.appendingPathComponent("output.gongwen-previous")
        try FileManager.default.moveItem(at: output, to: previous)
        // The next build fails on bad data: the previous output must be back, whole.
        #expect(throws: GongwenError.self) { _ = try build(Fixtures.campaign("broken-declarations"), into: output) }
        #expect(try TemporaryFolder.contents(of: output) == good)
        #expect(!FileManager.default.fileExists(atPath: previous.path))
    }

    @Test func aSymbolicLinkAsOutputIsFollowedAndADanglingOneNamed() throws {
        let folder = try TemporaryFolder()
        let real = folder.url.appendingPathComponent("real")
        let link = folder.url.appendingPathComponent("link")
        _ = try build(into: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        _ = try build(Fixtures.sampleCampaign, into: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path, "still a link")
        #expect(try Self.isConsistent(real))
        #expect(try TemporaryFolder.contents(of: real).keys.contains { $0.hasPrefix("质量月表彰") || $0.contains("证书") })

        let dangling = folder.url.appendingPathComponent("dangling")
        try FileManager.default.createSymbolicLink(
            at: dangling, withDestinationURL: folder.url.appendingPathComponent("gone"))
        #expect {
            _ = try build(into: dangling)
        } throws: { error in
            (error as? GongwenError)?.message.contains("符号链接") == true
        }
    }

    @Test func aFailedWriteNeverShowsARawFoundationError() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent(String(repeating: "长", count: 100))
        #expect {
            _ = try build(into: output)
        } throws: { error in
            guard let error = error as? GongwenError else { return false }
            return error.family == .io && !error.message.contains("Domain=") && !error.message.contains("UserInfo")
        }
    }
}

/// A file gongwen wrote and a person then edited is kept like a file they added.
struct EditedOutputTests {
    @Test func aFileEditedAfterTheBuildIsNamedAndKept() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        let build = { () throws -> Void in
            var context = BuildContext(
                campaignFolder: Fixtures.campaign("valid-small"), templatesFolder: Fixtures.templates,
                outputFolder: output)
            try BuildPipeline(steps: BuildStep.all).run(&context)
        }
        try build()
        let table = output.appendingPathComponent("申报表/汇总.csv")
        let edited = try Data(contentsOf: table) + Data("手工补充的一行\r\n".utf8)
        try edited.write(to: table)
        #expect {
            try build()
        } throws: { error in
            (error as? GongwenError)?.message.contains("申报表/汇总.csv") == true
        }
        #expect(try Data(contentsOf: table) == edited)
    }
}
