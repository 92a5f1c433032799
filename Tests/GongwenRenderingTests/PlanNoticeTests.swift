import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

struct PlanNoticeTests {
    /// A campaign of `count` declarations, all planned, with the plan notice numbered 5 and dated 2019-04-30.
    static func data(projects count: Int) -> CampaignData {
        var campaign = TestCampaign.make(serials: ["plan_notice": 5])
        campaign.issueDates["plan_notice"] = CalendarDate(year: 2019, month: 4, day: 30)
        let declarations = (1...count).map { index in
            TestCampaign.declaration(row: index + 1, projectName: "降低第\(index)号产品不良率")
        }
        let plan = declarations.enumerated().map { index, declaration in
            PlanEntry(
                planNumber: "BHZLGG-2019-\(index + 1)", creditCode: declaration.creditCode,
                projectName: declaration.projectName, origin: RecordOrigin(file: "plan.csv", row: index + 2))
        }
        return CampaignData(campaign: campaign, declarations: declarations, plan: plan)
    }

    func templates(editing edit: ((String) -> String)? = nil) throws -> (TemporaryFolder, TemplateFolder) {
        let folder = try TemporaryFolder()
        let root = try folder.copy(Fixtures.templates, as: "Templates")
        if let edit {
            let file = root.appendingPathComponent("plan-notice/notice.yaml")
            try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        return (folder, TemplateFolder(root: root))
    }

    func documentXML(_ files: [RenderedFile]) throws -> String {
        let docx = try #require(files.first { $0.path.hasSuffix(".docx") && $0.kind == .planNotice })
        return try PackageParts.text("word/document.xml", in: docx.data)
    }

    @Test func headingsAreNumberedByLevelAndValuesFilledIn() throws {
        let context = try #require(PlanNoticeContext.make(Self.data(projects: 3)))
        let text = try NoticeText.load(
            document: .planNotice, from: TemplateFolder(root: Fixtures.templates), values: context.values)
        let headings = text.blocks.compactMap { block -> String? in
            if case .heading(_, let ordinal, _) = block { return ordinal }
            return nil
        }
        #expect(headings == ["一、", "二、", "（一）", "（二）", "三、"])
        #expect(text.title == "关于下达2019年滨海新区质量攻关重点项目计划的通知")
        #expect(
            text.blocks.first
                == .paragraph(
                    "根据《2019年滨海新区质量攻关活动方案》安排，各推荐单位于4月22日前共推荐质量攻关项目3项。经区质量工作领导小组办公室严格筛选，确定1家推荐单位的3个项目列入2019年滨海新区质量攻关重点项目计划，现予下达，并提出以下要求。"
                ))
    }

    @Test func numbersDatesAndPageSetupFollowGBT9704() throws {
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(
            Self.data(projects: 3))
        let xml = try documentXML(files)
        #expect(xml.contains("<w:t>津滨质量组办〔2019〕5号</w:t>"))
        #expect(xml.contains("<w:t>2019年4月30日</w:t>"))
        #expect(xml.contains("<w:t>2019年4月30日印发</w:t>"))
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        #expect(xml.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"))
        #expect(xml.contains("w:color w:val=\"FF0000\""), "the red 发文机关标志")
        // The 版记's two lines are framed at the foot of the type area (12756 − 2 × 579 and − 1 × 579 twips),
        // followed by the hidden paragraph that anchors them.
        #expect(
            xml.contains(
                "w:hRule=\"exact\" w:wrap=\"around\" w:vAnchor=\"margin\" w:hAnchor=\"margin\" w:xAlign=\"center\" w:y=\"11598\""
            ))
        #expect(xml.contains("w:y=\"12177\""))
        #expect(xml.contains("<w:vanish/><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p><w:sectPr>"))
        #expect(files.first { $0.kind == .planNotice }?.documentNumber == "津滨质量组办〔2019〕5号")
        let paths = files.map(\.path)
        #expect(paths.filter { $0.hasPrefix("计划通知/") }.count == 5)
        #expect(paths.contains("计划通知/2019年滨海新区质量攻关重点项目计划表.xlsx"))
    }

    @Test func aNoticeWithoutAttachmentsHasNoAttachmentNoteAndNoTablePage() throws {
        let (folder, templates) = try templates { yaml in
            yaml.replacingOccurrences(
                of: "attachments:\n  - \"{{year}}年{{area}}质量攻关重点项目计划表\"\n", with: "attachments: []\n")
        }
        _ = folder
        let xml = try documentXML(try PlanNoticeRenderer(templates: templates).render(Self.data(projects: 3)))
        #expect(!xml.contains("附件"))
        #expect(!xml.contains("<w:pageBreakBefore/>"))
        #expect(!xml.contains("<w:tblHeader/>"))
    }

    @Test func severalAttachmentsAreNumbered() throws {
        let (folder, templates) = try templates { yaml in
            yaml.replacingOccurrences(
                of: "attachments:\n  - \"{{year}}年{{area}}质量攻关重点项目计划表\"\n",
                with: "attachments:\n  - \"{{year}}年{{area}}质量攻关重点项目计划表\"\n  - 项目实施方案模板\n")
        }
        _ = folder
        let xml = try documentXML(try PlanNoticeRenderer(templates: templates).render(Self.data(projects: 3)))
        #expect(xml.contains("<w:t>附件：1. 2019年滨海新区质量攻关重点项目计划表</w:t>"))
        #expect(xml.contains("<w:t>2. 项目实施方案模板</w:t>"))
        #expect(xml.contains("<w:t>附件1</w:t>"), "the attachment page is numbered like its note")
    }

    @Test func aThousandProjectsFlowOverPagesWithTheHeaderRepeated() throws {
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(
            Self.data(projects: 1000))
        let xml = try documentXML(files)
        #expect(xml.components(separatedBy: "<w:tr>").count - 1 == 1001)
        #expect(xml.components(separatedBy: "<w:tblHeader/>").count - 1 == 1, "one header row, repeated by Word")
        #expect(xml.components(separatedBy: "<w:cantSplit/>").count - 1 == 1001, "no row splits across pages")
        #expect(xml.contains("<w:t>BHZLGG-2019-1000</w:t>"))
        let workbook = try #require(files.first { $0.path.hasSuffix(".xlsx") })
        let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: workbook.data)
        #expect(sheet.contains("<t>BHZLGG-2019-1000</t>"))
    }

    @Test func aPlanNeedsANumberedAndDatedNotice() {
        var data = Self.data(projects: 2)
        data.campaign.documentSerials = [:]
        data.campaign.issueDates = [:]
        let codes = CampaignValidator().validate(data).map(\.code)
        #expect(codes.contains("plan-notice.document_numbers") && codes.contains("plan-notice.issue_dates"))
    }
}
