import Foundation
import GongwenOOXML
import Testing

struct WorksheetWriterTests {
    func rows(_ build: (inout WorksheetWriter, inout XMLWriter) throws -> Void) rethrows -> String {
        var sheet = WorksheetWriter(layout: WorksheetLayout(columnWidths: []))
        var writer = XMLWriter()
        try build(&sheet, &writer)
        return writer.string
    }

    @Test func aTextCellIsAnInlineStringWithItsStyle() throws {
        let xml = try rows { sheet, writer in try sheet.row([.text("neptune", .text)], &writer) }
        #expect(xml == "<row r=\"1\"><c r=\"A1\" s=\"4\" t=\"inlineStr\"><is><t>neptune</t></is></c></row>")
    }

    @Test func codesStayTextAndFormulasStayText() throws {
        let xml = try rows { sheet, writer in
            try sheet.row(
                [.text("111201160000876524", .code), .text("=cmd|' /C calc'!A0", .text)], height: 20, &writer)
        }
        #expect(
            xml
                == "<row r=\"1\" ht=\"20\" customHeight=\"1\"><c r=\"A1\" s=\"6\" t=\"inlineStr\"><is><t>111201160000876524</t></is></c>"
                + "<c r=\"B1\" s=\"4\" t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0</t></is></c></row>")
        #expect(!xml.contains("<f>"))
    }

    @Test func numbersEmptiesAndPreservedSpace() throws {
        let xml = try rows { sheet, writer in
            try sheet.row([.number(7, .center), .empty(.text), .text(" lead", .text)], &writer)
        }
        #expect(
            xml == "<row r=\"1\"><c r=\"A1\" s=\"5\"><v>7</v></c><c r=\"B1\" s=\"4\"/>"
                + "<c r=\"C1\" s=\"4\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> lead</t></is></c></row>")
    }

    @Test func columnNames() {
        #expect(WorksheetWriter.columnName(1) == "A")
        #expect(WorksheetWriter.columnName(26) == "Z")
        #expect(WorksheetWriter.columnName(27) == "AA")
        #expect(WorksheetWriter.columnName(16384) == "XFD")
    }

    @Test func theTailFollowsSchemaOrder() throws {
        var sheet = WorksheetWriter(
            layout: WorksheetLayout(
                columnWidths: [6], frozenRows: 1, footer: "&C第 &P 页",
                dataValidations: [
                    DataValidation(range: "C2:C9", rule: .textLength(18), promptTitle: "代码", prompt: "18位")
                ]))
        var writer = XMLWriter()
        sheet.start(&writer)
        try sheet.row([.text("a", .title), .empty(.title)], &writer)
        sheet.mergeLastRow(from: 1, to: 2)
        sheet.finish(&writer)
        let xml = writer.string
        let order = [
            "<sheetPr>", "<sheetViews>", "<sheetFormatPr", "<cols>", "<sheetData>", "<mergeCells", "<dataValidations",
            "<printOptions", "<pageMargins", "<pageSetup", "<headerFooter>",
        ].map { xml.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil))
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(xml.contains("<mergeCell ref=\"A1:B1\"/>"))
        #expect(
            xml.contains(
                "<pageSetup paperSize=\"9\" firstPageNumber=\"1\" fitToWidth=\"1\" fitToHeight=\"0\" "
                    + "orientation=\"landscape\" useFirstPageNumber=\"1\"/>"))
        #expect(xml.contains("<oddFooter>&amp;C第 &amp;P 页</oddFooter>"))
    }
}

struct WorkbookPartTests {
    @Test func printTitlesAreDefinedPerSheet() {
        let xml = String(
            decoding: WorkbookPart(sheets: [
                .init(name: "汇总", printTitleRows: 4...4), .init(name: "下拉选项", hidden: true),
            ])
            .xml(), as: UTF8.self)
        #expect(xml.contains("<sheet name=\"下拉选项\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"))
        #expect(xml.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'汇总'!$4:$4</definedName>"))
    }

    @Test(
        arguments: [
            ("a/b:c*d?e[f]g\\h", Set<String>(), "a_b_c_d_e_f_g_h"),
            ("天津滨海高新技术产业开发区市场监督管理局天津滨海高新技术产业开发区", Set<String>(), "天津滨海高新技术产业开发区市场监督管理局天津滨海高新技术产业开"),
            ("汇总", Set(["汇总"]), "汇总(2)"),
            ("Sheet", Set(["sheet", "Sheet(2)"]), "Sheet(3)"),
            ("'quoted'", Set<String>(), "quoted"),
            ("", Set<String>(), "Sheet"),
        ] as [(String, Set<String>, String)])
    func sheetNamesAreValidForExcel(proposed: String, used: Set<String>, expected: String) {
        let name = SheetName.make(proposed, avoiding: used)
        #expect(name == expected)
        #expect(name.count <= 31)
    }
}

struct RowHeightTests {
    @Test func linesFollowTheColumnWidth() {
        #expect(RowHeight.lines("制造业", width: 14) == 1)
        #expect(RowHeight.lines("水利、环境和公共设施管理业", width: 14) == 3)
        #expect(RowHeight.lines("项目\n负责人", width: 10) == 2)
        #expect(RowHeight.fitting([.text("短", .text), .text("长长长长长长长长长长", .text)], widths: [10, 10]) > 30)
    }
}
