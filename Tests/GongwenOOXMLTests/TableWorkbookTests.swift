import Foundation
import GongwenOOXML
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

struct TableWorkbookTests {
    func source(rows: Int) -> TableSheetSource {
        TableSheetSource(
            name: "汇总", annexLabel: "附件 2", title: "申报表", recommenderLine: "推荐单位(公章):", signOff: ["填报人："],
            notes: ["注：1."], rowCount: rows,
            rows: { AnyIterator((1...max(1, rows)).lazy.map { BodyRow.data([.number($0, .center)]) }.makeIterator()) })
    }

    @Test func aTableLongerThanASheetContinuesOnFurtherSheets() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        var workbook = TableWorkbook(layout: layout)
        workbook.maximumRows = 20  // 4 header rows, a spacer, one sign-off line and one note leave 13 body rows
        let package = workbook.package(
            [source(rows: 30)], core: CorePropertiesPart(title: "t", creator: "c", created: nil))
        let data = try package.data()
        let parts = try PackageParts.read(data).parts
        let workbookXML = String(decoding: try #require(parts["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbookXML.contains("<sheet name=\"汇总\" sheetId=\"1\""))
        #expect(workbookXML.contains("<sheet name=\"汇总(2)\" sheetId=\"2\""))
        #expect(workbookXML.contains("<sheet name=\"汇总(3)\" sheetId=\"3\""))
        var numbers: [Int] = []
        for index in 1...3 {
            let sheet = String(decoding: try #require(parts["xl/worksheets/sheet\(index).xml"]), as: UTF8.self)
            #expect(sheet.contains("<t>申报表</t>"), "every sheet repeats the form's head")
            let values = sheet.components(separatedBy: "<v>").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(values.count <= 13)
            numbers += values
        }
        #expect(numbers == Array(1...30), "no row lost, none repeated, in order")
    }
}
