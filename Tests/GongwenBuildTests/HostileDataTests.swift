import Foundation
import GongwenBuild
import GongwenTestSupport
import Testing

/// Hostile strings in the data go through the whole build and come out harmless in every format.
struct HostileDataTests {
    @Test func scriptsAndFormulasFromTheDataAreEscapedAndNeutralised() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "c")
        let file = campaign.appendingPathComponent("declarations.csv")
        let hostileApplicant = "</td><script>alert(1)</script>"
        let hostileProject = "=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")"
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "天津海川精密机械有限公司", with: "\"\(hostileApplicant)\"")
            .replacingOccurrences(of: "降低曲轴加工尺寸超差率", with: "\"\(hostileProject)\"")
            .replacingOccurrences(of: "王伟,", with: "\"王\u{1}伟𠮷\",")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        let files = try TemporaryFolder.contents(of: output)

        let html = String(decoding: try #require(files["申报表/汇总.html"]), as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("王伟𠮷"), "control characters removed, characters beyond the BMP kept")

        let csv = String(decoding: try #require(files["申报表/汇总.csv"]), as: UTF8.self)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\""))
        #expect(csv.contains(hostileApplicant), "CSV needs no HTML escaping; the text is kept as written")
        #expect(!csv.unicodeScalars.contains("\u{1}"))
    }
}
