import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The 质量月 commendation list as a Word document on the GB/T 9704 page (it is issued as the attachment of
/// the commendation): 附件 in 3号黑体, the title in 2号小标宋, each category centred in 黑体 with its note
/// （排名不分先后）, each level headed `一、一等奖（5项）` in 黑体, entries numbered within their level in 仿宋.
struct CommendationListDOCX {
    let awards: AwardsContext
    let fonts = NoticeFonts()

    func font(_ face: String) -> WordFont { WordFont(eastAsia: face, size: GBT9704.size3, spacing: GBT9704.condensing) }

    func grid(_ alignment: String, firstLine: Int = 0) -> ParagraphFormat {
        var format = ParagraphFormat(alignment: alignment, exactLine: GBT9704.linePitch)
        format.characterWidth = GBT9704.characterPitch
        format.firstLine = firstLine
        return format
    }

    /// The list itself (``AwardsContext/listParagraphs``; also the attachment of the commendation decision).
    func writeEntries(_ writer: inout XMLWriter) {
        for paragraph in awards.listParagraphs {
            var format = grid(
                paragraph.alignment == .center ? "center" : paragraph.alignment == .justified ? "both" : "left")
            format.keepNext = paragraph.keepNext
            let first = Int(paragraph.firstIndent * Double(GBT9704.characterPitch))
            let rest = Int(paragraph.indent * Double(GBT9704.characterPitch))
            if rest > first {
                // Wrapped lines align under the entry's text, after its number (hanging indent).
                format.left = rest
                format.hanging = rest - first
            } else {
                format.firstLine = first
            }
            writer.paragraph(paragraph.text, font(fonts.font(paragraph.face)), format)
        }
    }

    func document() throws -> Data {
        var writer = XMLWriter()
        writer.declaration()
        writer.open(
            "w:document", ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("w:body")
        writer.paragraph("附件", font(fonts.heiti), grid("left"))
        writer.paragraph("", font(fonts.fangsong), grid("left"))
        let title = WordFont(eastAsia: fonts.xiaobiaosong, size: GBT9704.size2)
        for line in TitleLines.split(awards.title, maximumWidth: 20) { writer.paragraph(line, title, grid("center")) }
        writeEntries(&writer)
        GBT9704.writeSection(&writer)
        writer.close("w:body")
        writer.close("w:document")

        let package = WordPackage.make(
            document: writer.buffer,
            core: CorePropertiesPart(title: awards.title, creator: awards.issuer, created: nil),
            defaultFont: font(fonts.fangsong), fonts: fonts.all,
            footers: [true, false].map { NoticeDOCX.pageNumberFooter(odd: $0, songti: fonts.songti) },
            evenAndOddFooters: true)
        return try package.data()
    }
}
