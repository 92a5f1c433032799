import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

/// Word-made templates: the parts are written here the way Word writes them, split runs and all.
struct WordTemplateTests {
    static let rPr = "<w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"24\"/></w:rPr>"

    static func run(_ text: String, bold: Bool = false) -> String {
        "<w:r><w:rPr>\(bold ? "<w:b/>" : "")<w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func cell(_ runs: String) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p>\(runs)</w:p></w:tc>"
    }

    /// `{{applicant}}` as Word stores it after a spelling check: three runs with proofing marks between.
    static let splitApplicant =
        run("{{appl") + "<w:proofErr w:type=\"spellStart\"/>" + run("ica", bold: true)
        + "<w:proofErr w:type=\"spellEnd\"/>"
        + run("nt}}")

    static func document(condition: String = "plannedCount") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>\(run("{{tit"))\(run("le}}"))</w:p>\
        <w:p>\(run("{{#\(condition)}}"))</w:p>\
        <w:p>\(run("共 {{plannedCount}} 项，\(condition == "missing" ? "" : "")文号 {{documentNumber}}"))</w:p>\
        <w:p>\(run("{{/\(condition)}}"))</w:p>\
        <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>\
        <w:tr>\(cell(run("序号")))\(cell(run("申报单位")))</w:tr>\
        <w:tr>\(cell(run("{{#rows}}{{number}}")))\(cell(splitApplicant + run("{{/rows}}")))</w:tr>\
        </w:tbl><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    /// A .docx holding `document` and a style part of the author's own.
    static func template(_ document: String, settings: String? = nil, in folder: URL) throws -> URL {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink)
        try zip.add(
            "[Content_Types].xml",
            Data(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"\(WordParts.documentContentType)\"/>"
                    + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(WordParts.stylesContentType)\"/></Types>")
                    .utf8))
        try zip.add(
            "_rels/.rels",
            Data(
                RelationshipsPart(relationships: [
                    Relationship(id: "rId1", type: Relationship.officeDocumentType, target: "word/document.xml")
                ]).xml()))
        try zip.add("word/document.xml", Data(document.utf8))
        try zip.add(
            "word/_rels/document.xml.rels",
            Data(
                RelationshipsPart(relationships: [
                    Relationship(id: "rId1", type: Relationship.stylesType, target: "styles.xml")
                ]).xml()))
        try zip.add("word/styles.xml", Data(WordParts.styles(defaultFont: WordFont(eastAsia: "楷体_GB2312", size: 12))))
        if let settings { try zip.add("word/settings.xml", Data(settings.utf8)) }
        try zip.finish()
        let url = folder.appendingPathComponent("plan-table/docx")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try sink.data.write(to: url.appendingPathComponent("table.docx"))
        return folder
    }

    func render(_ document: String, settings: String? = nil) throws -> (xml: String, parts: [String: Data]) {
        let folder = try TemporaryFolder()
        let root = try Self.template(document, settings: settings, in: folder.url.appendingPathComponent("Templates"))
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: root, fallback: Fixtures.templates))
            .render(PlanNoticeTests.data(projects: 3))
        let docx = try #require(files.first { $0.path.hasSuffix("计划表.docx") })
        let parts = try PackageParts.read(docx.data).parts
        return (String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self), parts)
    }

    @Test func splitTagsAreJoinedAndTableRowsRepeat() throws {
        let (xml, parts) = try render(Self.document())
        #expect(xml.contains("2019年滨海新区质量攻关重点项目计划表"), "a tag split over two runs")
        #expect(xml.components(separatedBy: "天津海川精密机械有限公司").count - 1 == 3, "the split tag, once per row")
        #expect(xml.components(separatedBy: "<w:tr>").count - 1 == 4, "the header and one row per project")
        #expect(!xml.contains("{{") && !xml.contains("}}"))
        #expect(xml.contains("共 3 项，文号 津滨质量组办〔2019〕5号"))
        #expect(XMLWellFormedness.check(Data(xml.utf8)) == nil)
        // The author's parts are kept as they were.
        #expect(
            parts["word/styles.xml"] == Data(WordParts.styles(defaultFont: WordFont(eastAsia: "楷体_GB2312", size: 12))))
    }

    /// python-docx's default template writes `<w:zoom w:val="bestFit"/>` without the `w:percent` the
    /// schema requires; copied as it was, every document built from it would fail validation.
    @Test func aZoomWithoutPercentIsRepairedAndNothingElseChanges() throws {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let settings =
            "<?xml version=\"1.0\"?>\n<w:settings \(namespace)><w:zoom w:val=\"bestFit\"/><w:defaultTabStop w:val=\"720\"/></w:settings>"
        let (_, parts) = try render(Self.document(), settings: settings)
        let written = String(decoding: try #require(parts["word/settings.xml"]), as: UTF8.self)
        #expect(
            written
                == "<?xml version=\"1.0\"?>\n<w:settings \(namespace)><w:zoom w:val=\"bestFit\" w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/></w:settings>"
        )
    }

    @Test(arguments: [
        ("<w:zoom w:percent=\"90\"/>", "<w:zoom w:percent=\"90\"/>"),
        ("<w:zoom/>", "<w:zoom w:percent=\"100\"/>"),
        ("<w:zoom w:val=\"fullPage\"></w:zoom>", "<w:zoom w:val=\"fullPage\" w:percent=\"100\"></w:zoom>"),
        ("<w:zoomed/><w:zoom\n  w:val=\"none\" />", "<w:zoomed/><w:zoom\n  w:val=\"none\"  w:percent=\"100\"/>"),
    ])
    func zoomRepair(settings: String, expected: String) {
        #expect(WordSettingsRepair.addMissingZoomPercent(settings) == expected)
    }

    @Test func aFalseConditionLeavesNoEmptyParagraph() throws {
        // An inverted section over a value that is set is false: its paragraphs go, tags and all.
        let document = Self.document(condition: "plannedCount").replacingOccurrences(
            of: "{{#plannedCount}}", with: "{{^plannedCount}}")
        let (xml, _) = try render(document)
        #expect(!xml.contains("共 3 项"))
        // The title and the cells of the header and three rows: the section's three paragraphs are gone.
        #expect(xml.components(separatedBy: "<w:p>").count - 1 == 1 + (1 + 3) * 2)
        let (shown, _) = try render(Self.document())
        #expect(
            shown.components(separatedBy: "<w:p>").count - 1 == 1 + 1 + (1 + 3) * 2,
            "true: its one text paragraph stays")
    }

    @Test func aTagInsideAnAttributeIsRefusedWithItsPlace() throws {
        let document = Self.document().replacingOccurrences(of: "w:val=\"Title\"", with: "w:val=\"{{title}}\"")
        #expect {
            _ = try render(document)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.file.hasSuffix("plan-table/docx/table.docx") && error.line == 2
                && error.message.contains("XML 属性")
        }
    }
}

struct WordTemplateCheckTests {
    @Test func aSectionAcrossParagraphsThatWouldBreakTheDocumentIsFound() throws {
        let folder = try TemporaryFolder()
        // Opened inside a paragraph's text and closed inside a table cell: when false it would cut the
        // table's start away.
        let document = WordTemplateTests.document()
            .replacingOccurrences(of: "<w:p>\(WordTemplateTests.run("{{#plannedCount}}"))</w:p>", with: "")
            .replacingOccurrences(of: "<w:p>\(WordTemplateTests.run("{{/plannedCount}}"))</w:p>", with: "")
            .replacingOccurrences(of: "共 {{plannedCount}} 项，", with: "开头{{^plannedCount}}共 {{plannedCount}} 项，")
            .replacingOccurrences(of: WordTemplateTests.run("序号"), with: WordTemplateTests.run("序号{{/plannedCount}}"))
        let root = try WordTemplateTests.template(document, in: folder.url.appendingPathComponent("Templates"))
        let findings = TemplateChecker(
            templates: TemplateFolder(root: root, fallback: Fixtures.templates), data: PlanNoticeTests.data(projects: 3)
        ).check()
        #expect(findings.contains { $0.file.hasSuffix("plan-table/docx/table.docx") && $0.chinese.contains("格式不正确") })
    }
}

/// What the check says of a Word template, in the words an office uses in Word.
struct WordTemplatePlaceTests {
    func findings(_ document: String) throws -> [TemplateNameCheck.Finding] {
        let folder = try TemporaryFolder()
        let root = try WordTemplateTests.template(document, in: folder.url.appendingPathComponent("Templates"))
        return TemplateChecker(
            templates: TemplateFolder(root: root, fallback: Fixtures.templates), data: PlanNoticeTests.data(projects: 3)
        ).check().filter { $0.file.contains("plan-table/docx/table.docx") }
    }

    @Test func aMisspeltNameIsPlacedByItsTableCellAndText() throws {
        let document = WordTemplateTests.document().replacingOccurrences(of: "{{number}}", with: "{{numbr}}")
        let found = try #require(try findings(document).first { $0.english.contains("numbr") })
        #expect(found.file.hasSuffix("（表格第 2 行第 1 格「{{numbr}}」）"), "\(found.file)")
        #expect(found.line == 0 && !found.description.contains(":1:"), "no word/document.xml:1:3944")
        let title = WordTemplateTests.document().replacingOccurrences(of: "le}}", with: "el}}")
        let paragraph = try #require(try findings(title).first { $0.english.contains("titel") })
        #expect(paragraph.file.hasSuffix("（段落「{{titel}}」）"))
    }

    @Test func docxtplTagsAreNamedWithTheirMustacheEquivalent() throws {
        let document = WordTemplateTests.document()
            .replacingOccurrences(of: "{{#rows}}{{number}}", with: "{%tr for row in rows %}{{ row.number }}")
            .replacingOccurrences(of: "{{/rows}}", with: "{%tr endfor %}")
            .replacingOccurrences(of: "{{documentNumber}}", with: "{{p documentNumber}}")
        let messages = try findings(document).map(\.english)
        #expect(messages.contains { $0.contains("\"{%tr for row in rows %}\" is docxtpl") && $0.contains("{{#list}}") })
        #expect(messages.contains { $0.contains("{{p documentNumber}}") && $0.contains("no p, r, tr or tc prefix") })
    }

    @Test func aParserCodeBecomesASentenceSaidOnce() throws {
        let document = WordTemplateTests.document().replacingOccurrences(
            of: "{{plannedCount}} 项", with: "{{plannedCount 项")
        let found = try #require(try findings(document).first)
        #expect(!found.chinese.contains("unfinishedName") && !found.english.contains("unfinishedName"))
        #expect(found.chinese != found.english, "the Chinese and English halves apart")
        #expect(found.file.contains("段落「共 {{plannedCount 项"), "\(found.file)")
    }
}

/// Excel-made templates: a shared-string table, a loop row, a merged row below it.
struct ExcelTemplateTests {
    static func template(in folder: URL, sheet replacement: String? = nil) throws -> URL {
        let strings = [
            "{{title}}", "序号", "{{#rows}}{{number}}", "{{applicant}}{{/rows}}", "共&#20849;{{plannedCount}}项",
        ]
        let shared =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(OOXMLNamespace.spreadsheet)\">"
            + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(OOXMLNamespace.spreadsheet)"><dimension ref="A1:B4"/><sheetData>\
            <row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c></row>\
            <row r="3"><c r="A3" s="2" t="s"><v>2</v></c><c r="B3" s="2" t="s"><v>3</v></c></row>\
            <row r="4"><c r="A4" t="s"><v>4</v></c></row>\
            </sheetData><mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="C3:D3"/><mergeCell ref="A4:B4"/></mergeCells>\
            <conditionalFormatting sqref="A4:B4"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>\
            <dataValidations count="1"><dataValidation type="textLength" sqref="B3 D1"><formula1>18</formula1></dataValidation></dataValidations>\
            </worksheet>
            """
        // The print area covers the template's four rows; print titles, another sheet's name and a
        // name with an escaped character must come through as they were.
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(OOXMLNamespace.spreadsheet)" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            <sheet name="说明" sheetId="2" r:id="rId2"/><sheet name="计划 表" sheetId="1" r:id="rId1"/></sheets><definedNames>\
            <definedName name="_xlnm.Print_Area" localSheetId="1">'计划 表'!$A$1:$B$4</definedName>\
            <definedName name="_xlnm.Print_Titles" localSheetId="1">'计划 表'!$2:$2</definedName>\
            <definedName name="notes">说明!$A$1:$A$4</definedName>\
            <definedName name="quoted">"a&amp;b"</definedName>\
            </definedNames></workbook>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId2" Type="\(Relationship.worksheetType)" Target="worksheets/sheet2.xml"/>\
            <Relationship Target="worksheets/sheet1.xml" Id="rId1" Type="\(Relationship.worksheetType)"/></Relationships>
            """
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink)
        try zip.add("xl/workbook.xml", Data(workbook.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Data(relationships.utf8))
        try zip.add("xl/worksheets/sheet1.xml", Data((replacement ?? sheet).utf8))
        try zip.add("xl/sharedStrings.xml", Data(shared.utf8))
        try zip.finish()
        let url = folder.appendingPathComponent("plan-table/xlsx")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try sink.data.write(to: url.appendingPathComponent("table.xlsx"))
        return folder
    }

    @Test func loopRowsRepeatAndEverythingBelowMovesDown() throws {
        let folder = try TemporaryFolder()
        let root = try Self.template(in: folder.url.appendingPathComponent("Templates"))
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: root, fallback: Fixtures.templates))
            .render(PlanNoticeTests.data(projects: 3))
        let workbook = try #require(files.first { $0.path.hasSuffix("计划表.xlsx") })
        let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: workbook.data)
        #expect(
            sheet.contains(
                "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">2019年滨海新区质量攻关重点项目计划表</t></is></c>"))
        #expect(sheet.contains("<c r=\"B2\"><v>42</v></c>"), "an untagged cell is kept, number and all")
        for row in 3...5 {
            #expect(
                sheet.contains("<c r=\"A\(row)\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(row - 2)</t>"))
        }
        #expect(sheet.components(separatedBy: "天津海川精密机械有限公司").count - 1 == 3)
        #expect(sheet.contains("<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t xml:space=\"preserve\">共共3项</t>"))
        #expect(
            sheet.contains(
                "<mergeCells count=\"5\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"C3:D3\"/><mergeCell ref=\"C4:D4\"/>"
                    + "<mergeCell ref=\"C5:D5\"/><mergeCell ref=\"A6:B6\"/></mergeCells>"),
            "a merge on the loop row is made on each copy; one below it moves down")
        #expect(!sheet.contains("<dimension"))
        #expect(XMLWellFormedness.check(Data(sheet.utf8)) == nil)
        // A validation on the loop row covers every copy; a format below it moves down with its row.
        #expect(sheet.contains("<dataValidation type=\"textLength\" sqref=\"B3:B5 D1\">"))
        #expect(sheet.contains("<conditionalFormatting sqref=\"A6:B6\">"))
    }

    /// A row shown only when the list is empty goes, its merge with it; `mergeCells` with no merge left
    /// would break the schema (`CT_MergeCells` needs one `mergeCell`), so it goes too.
    @Test func aMergeOnARowThatIsNotShownGoesWithIt() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(OOXMLNamespace.spreadsheet)"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>{{^rows}}本年度无计划项目{{/rows}}</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>{{title}}</t></is></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>
            """
        let folder = try TemporaryFolder()
        let root = try Self.template(in: folder.url.appendingPathComponent("Templates"), sheet: sheet)
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: root, fallback: Fixtures.templates))
            .render(PlanNoticeTests.data(projects: 3))
        let rendered = try PackageParts.text(
            "xl/worksheets/sheet1.xml", in: try #require(files.first { $0.path.hasSuffix("计划表.xlsx") }).data)
        #expect(!rendered.contains("本年度无计划项目") && !rendered.contains("mergeCell"))
        #expect(rendered.contains("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">2019年"))
    }

    /// A print area left at the template's rows would print the first rows and cut the rest of the table.
    @Test func thePrintAreaGrowsWithTheLoopAndOtherNamesStay() throws {
        let folder = try TemporaryFolder()
        let root = try Self.template(in: folder.url.appendingPathComponent("Templates"))
        let files = try PlanNoticeRenderer(templates: TemplateFolder(root: root, fallback: Fixtures.templates))
            .render(PlanNoticeTests.data(projects: 3))
        let workbook = try PackageParts.text(
            "xl/workbook.xml", in: try #require(files.first { $0.path.hasSuffix("计划表.xlsx") }).data)
        #expect(workbook.contains("localSheetId=\"1\">'计划 表'!$A$1:$B$6</definedName>"))
        #expect(workbook.contains("'计划 表'!$2:$2</definedName>"), "print titles above the loop stay")
        #expect(workbook.contains("<definedName name=\"notes\">说明!$A$1:$A$4</definedName>"), "another sheet's")
        #expect(workbook.contains("<definedName name=\"quoted\">\"a&amp;b\"</definedName>"), "byte for byte")
    }
}
