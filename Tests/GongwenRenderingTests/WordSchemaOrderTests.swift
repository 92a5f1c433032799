import Foundation
import GongwenReaders
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

/// Word templates re-saved by LibreOffice: property elements out of the schema's order, or written twice.
struct WordSchemaOrderTests {
    let head =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + "\n" + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
    let tail = "</w:body></w:document>"

    func repaired(_ body: String) -> String {
        String(decoding: WordSchemaOrder.repaired(Data((head + body + tail).utf8)), as: UTF8.self)
    }

    @Test func aFrameAfterTheAlignmentMovesBeforeIt() {
        let xml = repaired(
            #"<w:p><w:pPr><w:jc w:val="left"/><w:framePr w:w="8845" w:h="579"/><w:spacing w:before="0"/></w:pPr>"#
                + "<w:r><w:t>{{copyTo}}</w:t></w:r></w:p>")
        #expect(
            xml.contains(
                #"<w:pPr><w:framePr w:w="8845" w:h="579"/><w:spacing w:before="0"/><w:jc w:val="left"/></w:pPr>"#))
        #expect(xml.contains("<w:t>{{copyTo}}</w:t>"), "text and tags untouched")
    }

    @Test func aPropertyWrittenTwiceKeepsItsLastOccurrence() {
        let xml = repaired(
            #"<w:p><w:pPr><w:pBdr/><w:pBdr><w:bottom w:val="single" w:sz="8"/></w:pBdr></w:pPr></w:p>"#)
        #expect(xml.contains(#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="8"/></w:pBdr></w:pPr>"#))
    }

    @Test func runAndCellAndSectionPropertiesAreOrderedToo() {
        let xml = repaired(
            #"<w:p><w:r><w:rPr><w:sz w:val="32"/><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:r></w:p>"#
                + #"<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/><w:tblW w:w="0"/></w:tblPr><w:tr><w:tc>"#
                + #"<w:tcPr><w:vAlign w:val="center"/><w:tcW w:w="1"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#
                + #"<w:sectPr><w:docGrid w:linePitch="579"/><w:pgSz w:w="11906"/><w:footerReference w:type="even"/></w:sectPr>"#
        )
        #expect(xml.contains(#"<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>"#))
        #expect(xml.contains(#"<w:tblPr><w:tblW w:w="0"/><w:tblLayout w:type="fixed"/></w:tblPr>"#))
        #expect(xml.contains(#"<w:tcPr><w:tcW w:w="1"/><w:vAlign w:val="center"/></w:tcPr>"#))
        #expect(
            xml.contains(
                #"<w:sectPr><w:footerReference w:type="even"/><w:pgSz w:w="11906"/><w:docGrid w:linePitch="579"/></w:sectPr>"#
            ))
    }

    @Test func aPartInOrderIsReturnedByteForByte() {
        let part = Data((head + #"<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr></w:p>"# + tail).utf8)
        #expect(WordSchemaOrder.repaired(part) == part)
        #expect(WordSchemaOrder.repaired(Data("not xml <".utf8)) == Data("not xml <".utf8))
    }
}

/// One value in one place: the Word notice `templates export --word` writes sets the mark at the size the
/// notice gongwen builds does.
struct ExportedMarkSizeTests {
    @Test func theExportedTemplatesMarkHasTheNoticesSize() throws {
        let sample = try #require(CampaignReader().read(folder: Fixtures.sampleCampaign).data)
        let template = try NoticeWordTemplate.make(templates: TemplateFolder(root: Fixtures.templates), sample: sample)
        let notice = try #require(
            try PlanNoticeRenderer(templates: TemplateFolder(root: Fixtures.templates)).render(sample).first {
                $0.path.hasSuffix(".docx")
            })
        func markSize(_ data: Data) throws -> String {
            let xml = try PackageParts.text("word/document.xml", in: data)
            let mark = try #require(xml.range(of: "w:color w:val=\"FF0000\""))
            return String(xml[mark.upperBound...].split(separator: "/>").first { $0.contains("w:sz w:val") } ?? "")
        }
        #expect(try markSize(template) == markSize(notice.data))
        #expect(try markSize(notice.data).contains("46"), "滨海新区质量工作领导小组办公室文件 at 23 pt")
    }
}
