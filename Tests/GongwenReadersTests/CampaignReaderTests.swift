import Foundation
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

struct CampaignReaderTests {
    @Test func theSampleCampaignReadsCleanly() throws {
        let result = CampaignReader().read(folder: Fixtures.sampleCampaign)
        #expect(result.diagnostics.isEmpty)
        let data = try #require(result.data)
        #expect(data.campaign.title == "2019年滨海新区质量攻关活动")
        #expect(data.campaign.recommenders.count >= 8)
        #expect(data.declarations.count >= 60)
        #expect(data.plan.count * 3 >= data.declarations.count * 2 - 3)
        #expect(Set(data.awards.map(\.category)) == Set(AwardCategory.allCases))
        #expect(data.campaign.declarationDeadline == CalendarDate(year: 2019, month: 4, day: 22))
        #expect(data.campaign.documentNumber(for: "plan_notice")?.description == "津滨质量组办〔2019〕5号")
        #expect(CampaignValidator().validate(data).isEmpty)
    }

    @Test func declarationsKeepTheirRowsAndColumns() throws {
        let data = try #require(CampaignReader().read(folder: Fixtures.campaign("valid-small")).data)
        #expect(data.declarations.map(\.origin.row) == [2, 3, 4])
        #expect(data.declarations[1].phone == "022-66707955转8012")
        #expect(data.declarations[0].origin.location(of: .creditCode).column == 4)
    }

    @Test func gb18030CSVWithAnnotatedAndBrokenTitles() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "c")
        // Titles as the printed form has them: annotation, spaces and a line break inside a title.
        let csv =
            "推荐单位,序号,申报单位名称(与公章一致),\"统一社会信用\n代码\",行 业,所在区,项目名称,\"项目\r\n负责人\",联系方式,电子邮箱,,\r\n"
            + "KFQ,1,天津海川精密机械有限公司,91120116MA05K3L296,制造业,保税区,降低曲轴加工尺寸超差率,王伟,13812345678,qc@a.cn,,\r\n"
            + ",,,,,,,,,,,\r\n"
        let bytes = try #require(csv.data(using: String.Encoding(rawValue: 0x8000_0632)))
        try bytes.write(to: campaign.appendingPathComponent("declarations.csv"))
        let result = CampaignReader().read(folder: campaign)
        #expect(result.diagnostics.isEmpty)
        let declaration = try #require(result.data?.declarations.first)
        #expect(result.data?.declarations.count == 1, "the blank row is not a declaration")
        #expect(declaration.applicant == "天津海川精密机械有限公司")
        #expect(declaration.projectLead == "王伟")
        #expect(declaration.origin.columns["creditCode"] == 4)
    }

    @Test func aMissingColumnIsNamed() throws {
        let result = CampaignReader().read(folder: Fixtures.campaign("broken-columns"))
        let missing = result.diagnostics.filter { $0.code == "table.missing-column" }
        #expect(missing.map(\.location.field) == ["统一社会信用代码"])
        #expect(result.diagnostics.contains { $0.code == "table.unknown-column" && $0.location.column == 10 })
    }

    @Test func aYAMLSyntaxErrorHasItsLine() throws {
        let result = CampaignReader().read(folder: Fixtures.campaign("broken-yaml"))
        #expect(result.data == nil)
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == "yaml.syntax")
        #expect(finding.location.row == 5)
    }

    @Test func aMissingKeyIsNamedByItsPath() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "c")
        let yaml = try String(contentsOf: campaign.appendingPathComponent("campaign.yaml"), encoding: .utf8)
        try yaml.replacingOccurrences(of: "    kind: 功能区市场监管局\n    head: 张强", with: "    head: 张强")
            .write(to: campaign.appendingPathComponent("campaign.yaml"), atomically: true, encoding: .utf8)
        let result = CampaignReader().read(folder: campaign)
        #expect(result.diagnostics.map(\.location.field) == ["recommenders[2].kind"])
    }

    @Test func aMissingCampaignFolderIsOneClearError() {
        let result = CampaignReader().read(folder: URL(fileURLWithPath: "/nonexistent/campaign"))
        #expect(result.data == nil)
        #expect(result.diagnostics.map(\.code) == ["file.missing"])
    }
}
