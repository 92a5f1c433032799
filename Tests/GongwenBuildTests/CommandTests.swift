import ArgumentParser
import Foundation
import GongwenCLI
import GongwenTestSupport
import Testing

/// The commands' exit codes: scripts rely on them to tell bad data from other failures.
struct CommandTests {
    func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try Gongwen.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return Gongwen.exitCode(for: error).rawValue
        }
    }

    @Test func checkPassesOnTheSampleCampaign() {
        #expect(exitCode(["check"]) == 0)
    }

    @Test(arguments: ["broken-declarations", "broken-yaml", "broken-columns", "broken-quote", "broken-plan-awards"])
    func checkFailsWithTheDataExitCode(campaign: String) {
        #expect(exitCode(["check", Fixtures.campaign(campaign).path]) == 65)
    }

    @Test func lenientFlagsLowerSeverities() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "c")
        let file = campaign.appendingPathComponent("declarations.csv")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "91120116MA05K3L296", with: "91120116MA05K3L297")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(exitCode(["check", campaign.path]) == 65)
        #expect(exitCode(["check", campaign.path, "--checksum-warning"]) == 0)
    }

    @Test func usageErrorsHaveTheirOwnCode() {
        #expect(exitCode(["build", "--no-such-flag"]) == 64)
    }

    @Test func buildIntoAFileIsAnIOError() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("output")
        try Data().write(to: file)
        #expect(exitCode(["build", Fixtures.campaign("valid-small").path, "--output", file.path]) == 74)
    }
}

struct BlankFormCommandTests {
    @Test func writesTheFormAtomicallyWithTheCampaignLists() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("form.xlsx")
        var command = try Gongwen.parseAsRoot([
            "blank-form", Fixtures.campaign("valid-small").path, "--output", file.path,
        ])
        try command.run()
        let parts = try PackageParts.read(try Data(contentsOf: file)).parts
        let lists = String(decoding: try #require(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self)
        #expect(lists.contains("<t>制造业</t>") && lists.contains("<t>保税区</t>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["form.xlsx"])
    }
}
