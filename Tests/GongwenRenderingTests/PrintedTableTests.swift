import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

/// The 附件2 tables as they print: one-line values never broken mid-value, room to sign, pages numbered per
/// sheet and in the browser.
struct PrintedTableTests {
    func data(phone: String = "022-66201234转8012", email: String = "xiangmu45@tjchangxing.com.cn") -> CampaignData {
        var declaration = TestCampaign.declaration()
        declaration.phone = phone
        declaration.email = email
        return CampaignData(campaign: TestCampaign.make(), declarations: [declaration])
    }

    func renderer() throws -> DeclarationTableRenderer {
        try DeclarationTableRenderer(templates: TemplateFolder(root: Fixtures.templates))
    }

    func file(_ suffix: String, in data: CampaignData) throws -> Data {
        let files = try renderer().render(data)
        return try #require(files.first { $0.path.hasPrefix("申报表/01-") && $0.path.hasSuffix(suffix) }).data
    }

    @Test func anEmailAddressIsSetSmallerNotBrokenInTheDOCX() throws {
        let document = try PackageParts.text("word/document.xml", in: try file(".docx", in: data()))
        // 28 characters do not fit the e-mail column at 10 pt: a smaller size, and no break inside it.
        let run = try #require(document.range(of: "xiangmu45@tjchangxing.com.cn</w:t>"))
        let before = document[..<run.lowerBound]
        let size = try #require(before.range(of: "<w:sz w:val=\"", options: .backwards))
        let halfPoints = Int(before[size.upperBound...].prefix { $0.isNumber }) ?? 0
        #expect(halfPoints < 20 && halfPoints >= 14, "set at \(halfPoints) half points")
        #expect(!document.contains("xiangmu45@tjchangxing.com.c<"))
    }

    @Test func twoPhoneNumbersAreTwoLinesAndAnExtensionStaysOnItsNumbersLine() throws {
        let two = try PackageParts.text(
            "word/document.xml", in: try file(".docx", in: data(phone: "18571614716/022-25201234")))
        #expect(two.contains("<w:t>18571614716/</w:t><w:br/><w:t>022-25201234</w:t>"))
        let html = String(decoding: try file(".html", in: data(phone: "18571614716/022-25201234")), as: UTF8.self)
        #expect(html.contains("<span class=\"line\">18571614716/</span><span class=\"line\">022-25201234</span>"))
        let one = String(decoding: try file(".html", in: data()), as: UTF8.self)
        #expect(one.contains(">022-66201234转8012</td>"), "one number: one text, no spans")
    }

    @Test func theHTMLCellOfATooWideValueCarriesItsSize() throws {
        let html = String(decoding: try file(".html", in: data()), as: UTF8.self)
        #expect(html.contains("<td class=\"email\" style=\"font-size: "))
        let short = String(decoding: try file(".html", in: data(email: "qc@a.cn")), as: UTF8.self)
        #expect(short.contains("<td class=\"email\">qc@a.cn</td>"), "a value that fits keeps the table's size")
    }

    @Test func codesPhonesAndEmailsShrinkToFitInTheWorkbook() throws {
        let styles = try PackageParts.text("xl/styles.xml", in: try file(".xlsx", in: data()))
        #expect(styles.contains("wrapText=\"0\" shrinkToFit=\"1\""))
        let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: try file(".xlsx", in: data()))
        let codeStyle = CellStyle.code.rawValue
        #expect(sheet.contains("s=\"\(codeStyle)\" t=\"inlineStr\"><is><t>xiangmu45@tjchangxing.com.cn"))
    }

    @Test func theSignOffHasRoomToWriteByHand() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        let blank = try PackageParts.text(
            "xl/worksheets/sheet1.xml", in: try DeclarationTableXLSX(layout: layout).blankForm(TestCampaign.make()))
        // Two lines of two fields, each field across half the table, each line 28 pt tall.
        let signOffRows = blank.components(separatedBy: "<row ").filter {
            $0.contains("推荐部门负责人") || $0.contains("联系人电话")
        }
        #expect(signOffRows.count == 2)
        for row in signOffRows { #expect(row.contains("ht=\"28\"")) }
        #expect(blank.contains("<t>填报人：</t>") && blank.contains("<t>日期：</t>"))
        let merges = blank.components(separatedBy: "<mergeCell ref=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let row = try #require(signOffRows.first?.split(separator: "\"").dropFirst().first)
        #expect(merges.contains("A\(row):E\(row)") && merges.contains("F\(row):I\(row)"))
        let document = try PackageParts.text("word/document.xml", in: try file(".docx", in: data()))
        #expect(document.contains("<w:trHeight w:val=\"624\" w:hRule=\"atLeast\"/>"))
        #expect(!document.contains("推荐部门负责人:"), "the crowded one-line form is gone")
    }

    @Test func aWorkbookOfSeveralSheetsNumbersEachSheetsPages() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        var campaign = TestCampaign.make()
        campaign.recommenders.append(TestCampaign.recommender(id: "BSQ", name: "天津港保税区市场监督管理局"))
        var second = TestCampaign.declaration(row: 3, recommender: "BSQ")
        second.serial = "2"
        let consolidated = try DeclarationTableXLSX(layout: layout).consolidatedWorkbook(
            CampaignData(campaign: campaign, declarations: [TestCampaign.declaration(), second]))
        for index in 1...3 {
            let sheet = try PackageParts.text("xl/worksheets/sheet\(index).xml", in: consolidated)
            #expect(sheet.contains("firstPageNumber=\"1\""))
            #expect(sheet.contains("useFirstPageNumber=\"1\""))
            #expect(sheet.contains("<oddFooter>&amp;C&amp;A　第 &amp;P 页</oddFooter>"), "no &N: it counts the workbook")
        }
        let single = try PackageParts.text("xl/worksheets/sheet1.xml", in: try file(".xlsx", in: data()))
        #expect(single.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"))
    }

    @Test func multiPageHTMLTablesCarryPageNumbers() throws {
        let html = String(decoding: try file(".html", in: data()), as: UTF8.self)
        #expect(html.contains("@bottom-center { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""))
    }
}
