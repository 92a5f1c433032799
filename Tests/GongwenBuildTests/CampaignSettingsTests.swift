import Foundation
import GongwenBuild
import GongwenCLI
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

/// A new year's campaign completed without an editor (issue 22): the deadline, dates, 文号 and a new
/// recommender set through `CampaignSettings`; campaign.yaml keeps its comments and order; the campaign then
/// reads and checks; the change is undone byte for byte.
struct CampaignSettingsTests {
    func newYear() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let campaign = folder.url.appendingPathComponent("2020")
        var command = try Gongwen.parseAsRoot([
            "init", campaign.path, "--year", "2020", "--from", Fixtures.sampleCampaign.path,
        ])
        try command.run()
        return (folder, campaign)
    }

    @Test func aCampaignFromInitIsCompletedAndKeepsItsComments() throws {
        let (folder, campaign) = try newYear()
        _ = folder
        let yaml = campaign.appendingPathComponent("campaign.yaml")
        let original = try String(contentsOf: yaml, encoding: .utf8)
        #expect(CampaignReader().read(folder: campaign).data == nil, "init leaves the deadline to fill in")
        let settings = CampaignSettings(campaign: campaign)
        var values = settings.values()
        #expect(values.recommenders.count >= 7 && values.documents.map(\.key).contains("plan_notice"))
        values.deadline = "2020-04-22"
        values.documents = values.documents.map { document in
            switch document.key {
            case "call": ("call", "2020-04-08", "1")
            case "plan_notice": ("plan_notice", "2020-04-30", "5")
            default: document
            }
        }
        values.recommenders[0].phone = "022-66201234"
        values.recommenders.append(
            CampaignSettings.RecommenderValues(
                id: "TGS", name: "滨海新区市场监督管理局塘沽市场监管所", shortName: "塘沽市场监管所", kind: "市场监管所",
                preparer: "张三", phone: "13812345678"))
        guard case .saved(let entry) = try settings.save(values) else {
            Issue.record("not saved")
            return
        }
        let text = try String(contentsOf: yaml, encoding: .utf8)
        // Comments and order kept: every comment line of the file is still there, in order.
        let comments = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("#") && !$0.contains("待填写") }
        }
        #expect(comments(text) == comments(original))
        #expect(text.contains("declaration_deadline: 2020-04-22\n"))
        #expect(text.contains("issue_dates:\n  call: 2020-04-08\n  plan_notice: 2020-04-30\n"))
        #expect(text.contains("\"塘沽市场监管所\""))
        let read = CampaignReader().read(folder: campaign)
        let data = try #require(read.data, "\(read.diagnostics)")
        #expect(data.campaign.declarationDeadline == CalendarDate(year: 2020, month: 4, day: 22))
        #expect(
            data.campaign.recommenders.last?.id == "TGS" && data.campaign.recommenders.first?.phone == "022-66201234")
        #expect(data.campaign.documentSerials["plan_notice"] == 5)
        #expect(!CampaignValidator().validate(data).hasErrors)
        try DataHistory(campaign: campaign).undo(entry.number)
        #expect(try String(contentsOf: yaml, encoding: .utf8) == original)
    }

    @Test func aBadValueIsRefusedAndNothingWritten() throws {
        let (folder, campaign) = try newYear()
        _ = folder
        let yaml = campaign.appendingPathComponent("campaign.yaml")
        let original = try Data(contentsOf: yaml)
        let settings = CampaignSettings(campaign: campaign)
        var values = settings.values()
        values.deadline = "4月22日"
        guard case .refused(let problems) = try settings.save(values) else {
            Issue.record("a bad date was saved")
            return
        }
        #expect(problems.first?.location.field == "declaration_deadline")
        // A date outside the campaign's year reads with an error the file did not have: refused too.
        values.deadline = "2021-04-22"
        guard case .refused = try settings.save(values) else {
            Issue.record("a date outside the year was saved")
            return
        }
        #expect(try Data(contentsOf: yaml) == original)
    }
}
