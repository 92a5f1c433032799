import Foundation
import GongwenBuild
import GongwenCLI
import GongwenTestSupport
import Testing

/// `gongwen verify`: each kind of damage is named, by file, with exit code 65; an intact output passes.
struct VerifyTests {
    func builtOutput() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(
            campaignFolder: Fixtures.campaign("valid-small"), templatesFolder: Fixtures.templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        return (folder, output)
    }

    func exitCode(_ output: URL) -> Int32 {
        do {
            var command = try Gongwen.parseAsRoot(["verify", output.path])
            try command.run()
            return 0
        } catch {
            return Gongwen.exitCode(for: error).rawValue
        }
    }

    static let docx = "申报表/汇总.docx"

    @Test func anIntactOutputVerifies() throws {
        let (folder, output) = try builtOutput()
        _ = folder
        let report = try OutputVerifier(folder: output).verify()
        #expect(report.holds && report.verified > 5)
        #expect(exitCode(output) == 0)
    }

    @Test(arguments: ["flipped byte", "deleted", "added", "truncated", "manifest entry"])
    func damageIsNamed(_ damage: String) throws {
        let (folder, output) = try builtOutput()
        _ = folder
        let file = output.appendingPathComponent(Self.docx)
        var expected: (OutputVerifier.Finding.Kind, String)
        switch damage {
        case "flipped byte":
            var bytes = [UInt8](try Data(contentsOf: file))
            bytes[bytes.count / 2] ^= 0x01
            try Data(bytes).write(to: file)
            expected = (.changed, Self.docx)
        case "deleted":
            try FileManager.default.removeItem(at: file)
            expected = (.missing, Self.docx)
        case "added":
            try Data("扫描件".utf8).write(to: output.appendingPathComponent("申报表/盖章扫描件.pdf"))
            expected = (.added, "申报表/盖章扫描件.pdf")
        case "truncated":
            let data = try Data(contentsOf: file)
            try data.prefix(data.count - 10).write(to: file)
            expected = (.changed, Self.docx)
        default:
            let manifest = output.appendingPathComponent("manifest.json")
            var text = try String(contentsOf: manifest, encoding: .utf8)
            let entry = try #require(text.range(of: "\"sha256\" : \""))
            let start = entry.upperBound
            let end = text.index(start, offsetBy: 1)
            let first = text[start..<end] == "0" ? "1" : "0"
            text.replaceSubrange(start..<end, with: first)
            try text.write(to: manifest, atomically: true, encoding: .utf8)
            expected = (.changed, "")
        }
        let report = try OutputVerifier(folder: output).verify()
        #expect(report.findings.count == 1, "\(report.findings)")
        #expect(report.findings.first?.kind == expected.0)
        if !expected.1.isEmpty { #expect(report.findings.first?.path == expected.1) }
        #expect(exitCode(output) == 65)
    }
}
