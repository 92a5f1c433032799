import Foundation
import GongwenBuild
import GongwenCLI
import GongwenReaders
import GongwenTestSupport
import Testing

/// A campaign builds at every stage of its year, and next year's starts from this one's settings.
struct CampaignStageTests {
    @Test func inAprilThereIsNoPlanAndNoAwardsYetAndTheBuildSaysWhatItSkipped() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        try FileManager.default.removeItem(at: campaign.appendingPathComponent("plan.csv"))
        try FileManager.default.removeItem(at: campaign.appendingPathComponent("awards.csv"))
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates,
            outputFolder: folder.url.appendingPathComponent("output"))
        try BuildPipeline(steps: BuildStep.all).run(&context)
        #expect(context.notYet.map(\.table) == ["plan", "awards"])
        #expect(context.files.contains { $0.path.hasPrefix("申报表/") })
        #expect(!context.files.contains { $0.path.hasPrefix("计划通知/") || $0.path.hasPrefix("获奖/") })
        #expect(!context.diagnostics.hasErrors)
    }

    @Test func initStartsNextYearAndCheckNamesWhatIsStillToFillIn() throws {
        let folder = try TemporaryFolder()
        let next = folder.url.appendingPathComponent("2020")
        try CampaignInit.create(next, year: 2020, from: Fixtures.sampleCampaign)
        let read = CampaignReader().read(folder: next)
        let unset = read.diagnostics.filter { $0.code == "campaign.unset" }.compactMap(\.location.field)
        #expect(Set(unset) == ["declaration_deadline", "issue_dates", "document_numbers"])
        // Once the deadline is filled in, the new campaign checks and builds (nothing declared yet).
        let yaml = next.appendingPathComponent("campaign.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(
            of: "declaration_deadline: \"\"", with: "declaration_deadline: 2020-04-22")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let filled = CampaignReader().read(folder: next)
        let data = try #require(filled.data)
        #expect(data.campaign.year == 2020 && data.campaign.title == "2020年滨海新区质量攻关活动")
        #expect(data.campaign.recommenders.count == 10 && data.declarations.isEmpty)
        #expect(!filled.diagnostics.hasErrors)
        #expect(throws: GongwenError.self) { try CampaignInit.create(next, year: 2021, from: next) }
    }
}
