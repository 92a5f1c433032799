import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// The fonts a notice asks for, each with the role GB/T 9704 gives it. Every run names one; machines
/// without them substitute (standards.md §6 lists free stand-ins), which `gongwen build` reports.
public struct NoticeFonts: Sendable, Equatable {
    /// 发文机关标志 and titles.
    public var xiaobiaosong = "方正小标宋简体"
    /// Body, 发文字号, 署名, 版记 (§5.2.2: every element defaults to 3号仿宋).
    public var fangsong = "仿宋_GB2312"
    /// Level-1 headings and the 附件 label.
    public var heiti = "黑体"
    /// Level-2 headings.
    public var kaiti = "楷体_GB2312"
    /// Page numbers (§7.5: 4号半角宋体).
    public var songti = "宋体"
    /// Latin letters and digits in every other run (the runs' `w:ascii`; the OFD draws them in it too).
    public var latin = "Times New Roman"

    public init() {}

    public var all: [String] { [xiaobiaosong, fangsong, heiti, kaiti, songti] }

    /// The font a list paragraph's face names.
    func font(_ face: ListParagraph.Face) -> String {
        switch face {
        case .heiti: heiti
        case .kaiti: kaiti
        case .fangsong: fangsong
        }
    }
}

extension NoticeDOCX {
    /// 版记 (§7.4): 抄送 and 印发机关/印发日期 in 4号仿宋, one character in from each side, between a thick
    /// rule above, a thin one between and a thick one below, the last on the bottom edge of the type area of
    /// the last page. Each line is a paragraph in its own frame at a fixed height above the bottom of the type
    /// area, its rules paragraph borders. (A floating table is what Word would use, but LibreOffice lays a
    /// floating table out inline; frames at absolute positions stay put in both.)
    func writeRecord(_ writer: inout XMLWriter) {
        let font = WordFont(eastAsia: fonts.fangsong, size: GBT9704.size4)
        let oneCharacter = 280  // one 4号 character
        // Thick 0.35 mm ≈ 1 pt (w:sz 8), thin 0.25 mm ≈ 0.75 pt (w:sz 6).
        let thick = ParagraphFormat.Border(size: 8, color: "000000", space: 1)
        let thin = ParagraphFormat.Border(size: 6, color: "000000", space: 1)
        var lines: [(pieces: [String], hanging: Int, height: Int)] = []
        if !text.copyTo.isEmpty {
            // A full stop after the last name (§7.4.2); wrapped names align after 抄送：. The frame is as
            // many lines high as the names need, so a long 抄送 is never clipped.
            let copy = "抄送：" + (text.copyTo.hasSuffix("。") ? text.copyTo : text.copyTo + "。")
            lines.append(([copy], 3 * oneCharacter, Self.recordLines(copy) * GBT9704.linePitch))
        }
        lines.append(([text.printedBy, frame.issueDate + "印发"], 0, GBT9704.linePitch))
        let typeHeight = GBT9704.pageHeight - GBT9704.top - GBT9704.bottom
        var y = typeHeight - lines.map(\.height).reduce(0, +)
        for (index, line) in lines.enumerated() {
            var format = ParagraphFormat(alignment: "left", exactLine: GBT9704.linePitch)
            format.characterWidth = oneCharacter
            format.left = oneCharacter + line.hanging
            format.hanging = line.hanging
            format.right = oneCharacter
            format.rightTabs = [GBT9704.typeWidth - oneCharacter]
            format.frame = (GBT9704.typeWidth, line.height, y)
            y += line.height
            if index == 0 { format.topBorder = thick }
            format.bottomBorder = index == lines.count - 1 ? thick : thin
            writer.open("w:p")
            writer.paragraphProperties(format, font: font)
            for (position, piece) in line.pieces.enumerated() {
                if position > 0 {
                    writer.open("w:r")
                    writer.runProperties(font)
                    writer.empty("w:tab")
                    writer.close("w:r")
                }
                writer.run(piece, font)
            }
            writer.close("w:p")
        }
        // Framed paragraphs are anchored to the paragraph after them (LibreOffice leaves the frame in the text
        // flow without one). The anchor is hidden (w:vanish) and one twentieth of a point high, so it cannot
        // start a page of its own.
        writer.raw(
            "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
                + "<w:rPr><w:vanish/><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>")
    }

    /// Lines a 抄送 of 4号 characters takes: at most 29 on the first line (one character in from each side)
    /// and 26 on each next one (aligned after 抄送：), Latin letters and digits half a character; counted with
    /// one character to spare a line, as a word processor may break before a closing mark.
    static func recordLines(_ copy: String) -> Int {
        let width = TitleLines.width(copy)
        return width <= 28 ? 1 : 1 + Int(((width - 28) / 25).rounded(.up))
    }

    func footer(odd: Bool) -> [UInt8] { Self.pageNumberFooter(odd: odd, songti: fonts.songti) }

    /// §7.5: `— N —` in 4号半角宋体, one character in from the right on odd pages and from the left on even.
    static func pageNumberFooter(odd: Bool, songti: String) -> [UInt8] {
        let font = WordFont(eastAsia: songti, latin: songti, size: GBT9704.size4)
        var format = ParagraphFormat(alignment: odd ? "right" : "left")
        format.characterWidth = 280
        if odd { format.right = 280 } else { format.left = 280 }
        var writer = XMLWriter()
        writer.declaration()
        writer.open("w:ftr", ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("w:p")
        writer.paragraphProperties(format, font: font)
        writer.run("— ", font)
        writer.open("w:fldSimple", ["w:instr": " PAGE \\* MERGEFORMAT "])
        writer.run("1", font)
        writer.close("w:fldSimple")
        writer.run(" —", font)
        writer.close("w:p")
        writer.close("w:ftr")
        return writer.buffer
    }

    func package() -> OOXMLPackage {
        let date = frame.date
        return WordPackage.make(
            writeDocument: { writer in writeDocument(&writer) },
            core: CorePropertiesPart(
                title: text.title, creator: frame.organizerName, created: date.iso, identifier: frame.documentNumber,
                category: IssuanceRecord.documentType(ofTitle: text.title)),
            defaultFont: body, fonts: fonts.all, footers: [footer(odd: true), footer(odd: false)],
            evenAndOddFooters: true)
    }
}
