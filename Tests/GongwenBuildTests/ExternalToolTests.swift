import Foundation
import GongwenTestSupport
import Testing

@testable import GongwenBuild

/// The programs gongwen runs but does not ship (soffice, fc-match): nothing they start outlives them or
/// gongwen, and what they answer does not depend on the user's locale (issue 21).
struct ExternalToolTests {
    /// A shell script in `folder`, executable.
    static func script(_ body: String, in folder: URL, named name: String = "tool") throws -> ExternalTool {
        let url = folder.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return ExternalTool(url: url)
    }

    /// Whether process `pid` is still there (a zombie counts as gone).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        return !status.contains("State:\tZ")
    }

    static func waitUntilGone(_ pid: Int32, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isRunning(pid) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return !isRunning(pid)
    }

    @Test func whatTheProgramLeavesRunningEndsWithIt() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let pids = folder.url.appendingPathComponent("pids")
        // As soffice does: start a process that outlives the command, then return.
        let tool = try Self.script("sleep 300 & echo $! > '\(pids.path)'\necho done", in: folder.url)
        let result = try tool.run([], timeout: 30)
        #expect(result.status == 0 && result.output == "done\n")
        let pid = try #require(
            Int32(String(contentsOf: pids, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.waitUntilGone(pid), "the process the program left behind still runs")
    }

    @Test func aProgramStoppedAtItsTimeLimitTakesItsChildrenWithIt() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let pids = folder.url.appendingPathComponent("pids")
        let tool = try Self.script("sleep 300 & echo $! > '\(pids.path)'\nsleep 300", in: folder.url)
        #expect(throws: ToolError.self) { try tool.run([], timeout: 1) }
        let pid = try #require(
            Int32(String(contentsOf: pids, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.waitUntilGone(pid))
    }

    @Test func exitCodesOutputAndErrorsComeBack() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let tool = try Self.script("echo \"$1\"; echo oops >&2; exit 3", in: folder.url)
        let result = try tool.run(["参数 with space"], timeout: 30)
        #expect(result.status == 3 && result.output == "参数 with space\n" && result.errors == "oops\n")
        // Far more output than a pipe holds is read while the program runs.
        let chatty = try Self.script("head -c 3000000 /dev/zero", in: folder.url, named: "chatty")
        #expect(try chatty.run([], timeout: 30).output.utf8.count == 3_000_000)
    }

    /// Killed with kill -9, gongwen leaves nothing behind: a process that runs a tool is killed mid-way and
    /// the tool's own child must go too (the watchdog sees its parent gone).
    @Test func killingGongwenKillsTheToolsItRuns() throws {
        let program = try #require(Fixtures.builtProgram("gongwen"), "swift test builds gongwen")
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        // The sample issues documents, so the build reaches the PDF step.
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        let pids = folder.url.appendingPathComponent("pids")
        // A stand-in for LibreOffice that starts a long-lived helper and then takes its time.
        let soffice = try Self.script(
            "sleep 300 & echo $! >> '\(pids.path)'\necho $$ >> '\(pids.path)'\nsleep 300", in: folder.url,
            named: "soffice")
        let process = Process()
        process.executableURL = program
        process.arguments = [
            "build", campaign.path, "--output", folder.url.appendingPathComponent("output").path, "--pdf",
            "--allow-substitute-fonts",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["GONGWEN_SOFFICE": soffice.url.path]) {
            $1
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the stand-in runs (both pids written), then kill gongwen outright.
        let deadline = Date().addingTimeInterval(120)
        var started: [Int32] = []
        while Date() < deadline, started.count < 2, process.isRunning {
            started = ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                Int32($0)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(started.count == 2, "the stand-in for soffice never ran")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        for pid in started { #expect(Self.waitUntilGone(pid), "process \(pid) outlived gongwen") }
    }

    /// fc-match runs under one fixed language whatever the user's locale, so the names it reports — recorded
    /// in the OFD and the metadata — are the same in any locale.
    @Test func fontconfigIsAskedInOneLanguage() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let fake = try Self.script(
            "printf '%s|%s|%s\\t/f.ttf\\t0\\tTrueType\\n' \"$FC_LANG\" \"$LC_ALL\" \"$LANG\"", in: folder.url,
            named: "fc-match")
        let matches = try FontResolution(fcMatch: fake).matches("仿宋_GB2312")
        #expect(matches.first?.families == ["en|C.UTF-8|C.UTF-8"])
    }
}
