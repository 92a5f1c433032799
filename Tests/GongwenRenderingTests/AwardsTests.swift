import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenReaders
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

struct AwardsTests {
    /// Project results of companies whose names share their first characters (天津…).
    static func data(units: [String], level: String = "一等奖") -> CampaignData {
        let declarations = units.enumerated().map { index, unit in
            var declaration = TestCampaign.declaration(row: index + 2, projectName: "项目\(index)")
            declaration.applicant = unit
            return declaration
        }
        let awards = declarations.enumerated().map { index, declaration in
            Award(
                category: .projectResult, level: level, creditCode: declaration.creditCode,
                projectName: declaration.projectName, origin: RecordOrigin(file: "awards.csv", row: index + 2))
        }
        return CampaignData(campaign: TestCampaign.make(), declarations: declarations, awards: awards)
    }

    func order(_ units: [String], _ order: AwardsContext.Order) -> [String] {
        AwardsContext.make(Self.data(units: units), order: order).categories[0].levels[0].entries.map(
            \.certificate.unit)
    }

    @Test func strokeOrderComparesPastTiedFirstCharacters() {
        // 一 1 stroke, 丁 2, 王 4, 李 7: all after the tied 天津.
        let units = ["天津王氏有限公司", "天津李氏有限公司", "天津一汽有限公司", "天津丁氏有限公司"]
        #expect(order(units, .stroke) == ["天津一汽有限公司", "天津丁氏有限公司", "天津王氏有限公司", "天津李氏有限公司"])
    }

    @Test func pinyinOrderComparesPastTiedFirstCharacters() {
        // ding < li < wang < yi.
        let units = ["天津王氏有限公司", "天津李氏有限公司", "天津一汽有限公司", "天津丁氏有限公司"]
        #expect(order(units, .pinyin) == ["天津丁氏有限公司", "天津李氏有限公司", "天津王氏有限公司", "天津一汽有限公司"])
    }

    @Test func dataOrderKeepsTheListsOrderAndClaimsARank() {
        let units = ["天津王氏有限公司", "天津一汽有限公司"]
        #expect(order(units, .data) == units)
        #expect(AwardsContext.make(Self.data(units: units), order: .data).categories[0].note.isEmpty)
        #expect(AwardsContext.make(Self.data(units: units), order: .stroke).categories[0].note == "（排名不分先后）")
    }

    @Test func groupsAreHeadedWithOrdinalAndCount() {
        let context = AwardsContext.make(Self.data(units: ["天津甲公司", "天津乙公司"]))
        #expect(context.categories[0].heading == "优秀成果（2项）")
        #expect(context.categories[0].levels[0].heading == "一、一等奖（2项）")
        // Stroke order: 乙 (1 stroke) before 甲 (5).
        #expect(context.categories[0].levels[0].entries.map(\.text) == ["项目1（申报单位：天津乙公司）", "项目0（申报单位：天津甲公司）"])
    }

    @Test func numbersStayWhenAWinnerIsAdded() {
        let before = AwardsContext.make(Self.data(units: ["天津甲公司", "天津乙公司", "天津丙公司"]))
        var data = Self.data(units: ["天津甲公司", "天津乙公司", "天津丙公司", "天津丁公司"])
        data.awards.insert(data.awards.removeLast(), at: 0)  // the new winner comes first in the list
        let after = AwardsContext.make(data)
        for certificate in before.certificates {
            #expect(
                after.certificates.first { $0.projectName == certificate.projectName }?.number == certificate.number)
        }
        #expect(Set(after.certificates.map(\.number)).count == 4)
        #expect(before.certificates[0].number.hasPrefix("BH2019-CG-"))
    }

    @Test func numbersAreUniqueAcrossTenThousandWinners() {
        let identities = (0..<10_000).map {
            ("projectResult|9112011600000000\($0)|项目\($0)", AwardCategory.projectResult)
        }
        let numbers = CertificateNumbering.numbers(for: identities, prefix: "BH", year: 2019)
        #expect(Set(numbers.values).count == 10_000)
        let alphabet = Set("0123456789ABCDEFGHJKLMNPQRTUWXY")
        #expect(
            numbers.values.allSatisfy { $0.hasPrefix("BH2019-CG-") && $0.dropFirst(10).allSatisfy(alphabet.contains) })
    }

    @Test func anIssuedNumberIsKept() {
        var data = Self.data(units: ["天津甲公司"])
        data.awards[0].certificateNumber = "津滨质证〔2019〕001"
        #expect(AwardsContext.make(data).certificates[0].number == "津滨质证〔2019〕001")
    }

    @Test func fileNamesAreSafeForSlashesColonsAndLongNames() {
        var certificate = AwardsContext.make(Self.data(units: ["天津甲公司"])).certificates[0]
        certificate.recipient = "A/B:C\\D*E?F\"G<H>I|J" + String(repeating: "很长的单位名称", count: 20)
        let name = AwardsRenderer.fileName(certificate)
        #expect(!name.dropLast(5).contains { "/\\:*?\"<>|".contains($0) })
        #expect(name.hasPrefix(certificate.number + "-A_B_C_D_E_F_G_H_I_J"))
        #expect(name.count <= FileNaming.maximumLength + 5)
        #expect(name.hasSuffix(".docx"))
    }

    @Test func certificatesRenderOnePerWinnerWithTheSentenceOfTheCampaign() throws {
        let data = Self.data(units: ["天津甲公司", "天津乙公司"])
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let single = files.filter { $0.path.contains("/单份/") }
        #expect(single.count == 2)
        let combined = try #require(files.first { $0.path.hasSuffix("全部获奖证书.docx") })
        let xml = try PackageParts.text("word/document.xml", in: combined.data)
        #expect(xml.contains("项目在2019年滨海新区质量攻关活动中荣获成果一等奖。"), "no doubled 优秀成果优秀奖")
        #expect(xml.contains("<w:t>特发此证，以资鼓励。</w:t>"))
        #expect(xml.components(separatedBy: "<w:pageBreakBefore/>").count - 1 == 1, "two certificates, one break")
        #expect(XMLWellFormedness.check(Data(xml.utf8)) == nil)
        // Every per-winner package shares its parts: only the document differs.
        let first = try PackageParts.read(single[0].data).parts
        let second = try PackageParts.read(single[1].data).parts
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first.filter { $0.key != "word/document.xml" } == second.filter { $0.key != "word/document.xml" })
    }

    @Test func reusedCertificateNumbersAreAnError() {
        var data = Self.data(units: ["天津甲公司", "天津乙公司"])
        data.awards[0].certificateNumber = "X-1"
        data.awards[1].certificateNumber = "X-1"
        #expect(CampaignValidator().validate(data).map(\.code) == ["award.number-reused"])
    }
}

struct CommendationDecisionTests {
    @Test func theDecisionIsNumberedAndCarriesTheListAsItsAttachment() throws {
        let data = try #require(CampaignReader().read(folder: Fixtures.sampleCampaign).data)
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let decision = try #require(files.first { $0.kind == .commendation })
        #expect(decision.documentNumber == "津滨质量组办〔2019〕12号")
        let xml = try PackageParts.text("word/document.xml", in: decision.data)
        #expect(xml.contains("<w:t>津滨质量组办〔2019〕12号</w:t>"))
        #expect(xml.contains("授予24项成果“滨海新区质量攻关优秀成果”，12个小组"))
        #expect(xml.contains("<w:t>附件：2019年滨海新区质量攻关活动获奖名单</w:t>"))
        #expect(xml.contains("<w:t>一、一等奖（3项）</w:t>"), "the list follows as the attachment")
        #expect(xml.contains("<w:t>2019年9月20日印发</w:t>"))
    }

    @Test func noDecisionWithoutItsNumber() throws {
        var data = try #require(CampaignReader().read(folder: Fixtures.sampleCampaign).data)
        data.campaign.documentSerials["commendation"] = nil
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        #expect(!files.contains { $0.kind == .commendation })
    }
}

/// What looking at the printed certificates and list found: the block centred, one heading look, each
/// category of the list workbook on its own pages with shaded heading rows, no repeated heading.
struct PrintedAwardsTests {
    @Test func aCertificatesBlockIsCentredOnThePage() throws {
        let data = AwardsTests.data(units: ["天津甲公司"])
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let single = try #require(files.first { $0.path.contains("/单份/") })
        let xml = try PackageParts.text("word/document.xml", in: single.data)
        // 165 mm of type area and a block of about 130 mm: some 10–40 mm of space above it.
        let before = try #require(xml.range(of: "w:before=\""))
        let twips = Int(xml[before.upperBound...].prefix { $0.isNumber }) ?? 0
        #expect((600...2300).contains(twips), "\(twips) twips above the certificate number")
        #expect(xml.contains("<w:spacing w:val=\"420\"/>"), "荣 誉 证 书 spaced as in the HTML")
        let html = String(decoding: try #require(files.first { $0.path.hasSuffix(".html") }).data, as: UTF8.self)
        #expect(html.contains("class=\"number\" style=\"margin-top: ") && html.contains("<div class=\"seal\"></div>"))
    }

    @Test func theDecisionIsIssuedAsHTMLTooWithTheListOfWinnersAttached() throws {
        var data = AwardsTests.data(units: ["天津甲公司"])
        data.campaign.issueDates["commendation"] = CalendarDate(year: 2019, month: 9, day: 20)
        data.campaign.documentSerials["commendation"] = 12
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let html = try #require(files.first { $0.path.hasSuffix("决定.html") })
        let text = String(decoding: html.data, as: UTF8.self)
        #expect(text.contains("津滨质量组办〔2019〕12号") && text.contains("<section class=\"attachment\">"))
        // The list as the DOCX sets it (an entry with its unit, wrapped under its text), not a table.
        #expect(text.contains("<p class=\"list-entry\">1.") && text.contains("天津甲公司"))
        #expect(!text.contains("<table>"))
    }

    @Test func eachCategoryOfTheListStartsAPageAndNoHeadingRepeats() throws {
        var data = AwardsTests.data(units: ["天津甲公司", "天津乙公司"])
        let recommender = TestCampaign.recommender()
        data.awards.append(
            Award(
                category: .recommender, level: "", creditCode: "", projectName: "", recommender: recommender.id,
                origin: RecordOrigin(file: "awards.csv", row: 9)))
        let files = try AwardsRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let workbook = try #require(files.first { $0.path.hasSuffix("名单.xlsx") })
        let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: workbook.data)
        #expect(sheet.contains("<rowBreaks count=\"1\" manualBreakCount=\"1\">"), "the second category on a new page")
        #expect(!sheet.contains("一、优秀推荐单位"), "the category's heading is not repeated as a level")
        let styles = try PackageParts.text("xl/styles.xml", in: workbook.data)
        #expect(styles.contains("<fgColor rgb=\"FFF2F2F2\"/>"), "heading rows shaded")
    }
}
