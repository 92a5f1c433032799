import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

struct TemplateTests {
    func folder(with template: String) throws -> (TemporaryFolder, TemplateFolder) {
        let temporary = try TemporaryFolder()
        let root = temporary.url.appendingPathComponent("Templates")
        let html = root.appendingPathComponent("declaration-table/html")
        try FileManager.default.createDirectory(at: html, withIntermediateDirectories: true)
        try template.write(to: html.appendingPathComponent("table.html.mustache"), atomically: true, encoding: .utf8)
        return (temporary, TemplateFolder(root: root))
    }

    @Test func aSyntaxErrorNamesFileLineAndColumn() throws {
        let (temporary, templates) = try folder(with: "<p>\n{{#groups}}\n  {{title}}\n")
        _ = temporary
        #expect {
            try templates.load(document: .declarationTable, format: "html", name: "table.html")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.file == "Templates/declaration-table/html/table.html.mustache" && error.line != nil
        }
    }

    @Test func aPragmaThatWouldSwitchOffEscapingIsRefused() throws {
        let (temporary, templates) = try folder(with: "<p>\n  {{% CONTENT_TYPE: TEXT}}{{title}}</p>\n")
        _ = temporary
        #expect {
            try templates.load(document: .declarationTable, format: "html", name: "table.html")
        } throws: { error in
            (error as? TemplateError).map { $0.line == 2 && $0.column == 3 } ?? false
        }
    }

    @Test func hostileValuesAreEscapedWhateverTheTemplateSays() throws {
        let (temporary, templates) = try folder(with: "<td>{{recommender}}</td><td title=\"{{title}}\">x</td>")
        _ = temporary
        let template = try templates.load(document: .declarationTable, format: "html", name: "table.html")
        var declaration = TestCampaign.declaration()
        declaration.applicant = "</td><script>alert(1)</script>"
        var recommender = TestCampaign.recommender()
        recommender.name = "</td><script>alert('x')</script>\u{1}&"
        let data = CampaignData(campaign: TestCampaign.make(recommenders: [recommender]), declarations: [declaration])
        var context = DeclarationTableContext.make(for: recommender, in: data)
        context.title = "\"><img src=x onerror=alert(1)>"
        let html = template.render(context)
        #expect(
            html
                == "<td>&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</td><td title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">x</td>"
        )
    }

    @Test func theBuiltInTableTemplateRendersTheAnnexForm() throws {
        let data = try #require(
            CampaignReader().read(folder: Fixtures.campaign("valid-small")).data)
        let files = try DeclarationTableRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(data)
        let paths = files.map(\.path)
        for name in ["汇总", "01-天津经济技术开发区市场监督管理局", "02-天津港保税区市场监督管理局"] {
            for format in ["html", "csv", "xlsx", "docx"] { #expect(paths.contains("申报表/\(name).\(format)")) }
        }
        #expect(paths.contains("申报表/空白申报表.xlsx"))
        func file(_ path: String) throws -> Data { try #require(files.first { $0.path == path }).data }
        let html = String(decoding: try file("申报表/01-天津经济技术开发区市场监督管理局.html"), as: UTF8.self)
        for expected in [
            "附件 2", "2019年滨海新区质量攻关重点项目申报表", "推荐单位(公章):", "申报单位名称<br>（与公章一致）", "统一社会信用代码",
            "推荐部门负责人：", "填报人：", "联系人电话：", "日期：", "2019年4月19日", "4月22日前", "scjzjc@tjbh.gov.cn",
            "65306324", "size: A4 landscape", "display: table-header-group",
        ] {
            #expect(html.contains(expected), "missing \(expected)")
        }
        let consolidatedCSV = String(decoding: try file("申报表/汇总.csv"), as: UTF8.self)
        #expect(consolidatedCSV.hasPrefix("\u{FEFF}序号,推荐单位,申报单位名称,统一社会信用代码"))
    }
}

struct FormLayoutTests {
    func templates(editing edit: (String) -> String) throws -> (TemporaryFolder, TemplateFolder) {
        let folder = try TemporaryFolder()
        let root = try folder.copy(Fixtures.templates, as: "Templates")
        let file = root.appendingPathComponent("declaration-table/form.yaml")
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return (folder, TemplateFolder(root: root))
    }

    @Test func aYAMLSyntaxErrorInTheFormNamesItsLine() throws {
        let (folder, templates) = try self.templates {
            $0.replacingOccurrences(of: "sheet_name: 申报表", with: "sheet_name: [申报表")
        }
        _ = folder
        #expect {
            try FormLayout.load(document: .declarationTable, from: templates)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.file == "Templates/declaration-table/form.yaml" && error.line != nil
        }
    }

    @Test func theOfficeRewordsTheFormWithoutCode() throws {
        let (folder, templates) = try self.templates {
            $0.replacingOccurrences(of: "annex_label: 附件 2", with: "annex_label: 附件2（修订）")
        }
        _ = folder
        let layout = try FormLayout.load(document: .declarationTable, from: templates)
        #expect(layout.annexLabel(["x": 1]) == "附件2（修订）")
    }

    @Test func valuesAreInsertedAfterParsingSoTheyCannotBreakTheFile() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        struct Values { var recommender = "a: b\n- [x] & <y> {{title}}" }
        #expect(layout.recommenderLine(Values()) == "推荐单位(公章):a: b\n- [x] & <y> {{title}}")
    }
}

/// The blank form is printed, filled in by hand and stamped: one A4 landscape page, the filled tables as many
/// pages tall as they need.
struct BlankFormPrintTests {
    @Test func theBlankFormFitsOnePageAndTheTablesDoNot() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        let xlsx = DeclarationTableXLSX(layout: layout)
        let blank = try PackageParts.text("xl/worksheets/sheet1.xml", in: try xlsx.blankForm(TestCampaign.make()))
        #expect(blank.contains("fitToWidth=\"1\" fitToHeight=\"1\""))
        #expect(blank.contains("orientation=\"landscape\""))
        let data = CampaignData(campaign: TestCampaign.make(), declarations: [TestCampaign.declaration()])
        let filled = try PackageParts.text(
            "xl/worksheets/sheet1.xml",
            in: try xlsx.workbook(
                for: DeclarationTableContext.make(for: TestCampaign.recommender(), in: data), campaign: data.campaign))
        #expect(filled.contains("fitToHeight=\"0\""))
    }
}
