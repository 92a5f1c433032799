import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

extension NoticeDOCX {
    /// §7.3.7: each attachment with a page starts a new page, before the 版记: 附件 (numbered when several) in
    /// 3号黑体 flush left on line 1, its title centred on line 3, then its body (a table). A landscape table
    /// gets a section of its own, turned a quarter (§8: a landscape A4 table keeps the page number's place).
    func writeAttachmentPages(_ writer: inout XMLWriter) {
        for (position, page) in attachmentPages.enumerated() where page.index < text.attachments.count {
            if page.landscape {
                // End the portrait section here: the landscape one starts on a new page.
                writer.raw("<w:p><w:pPr>")
                GBT9704.writeSection(&writer, columnSpace: 425)
                writer.raw("</w:pPr></w:p>")
            }
            var first = format("left")
            first.pageBreakBefore = !page.landscape
            let label = text.attachments.count > 1 ? "附件\(page.index + 1)" : "附件"
            writer.paragraph(label, size3(fonts.heiti), first)
            writer.paragraph("", body, grid)
            let title = WordFont(eastAsia: fonts.xiaobiaosong, size: GBT9704.size2)
            let width = page.landscape ? 28.0 : 20.0
            for line in TitleLines.split(text.attachments[page.index], maximumWidth: width, extraTerms: terms) {
                writer.paragraph(line, title, format("center"))
            }
            writer.paragraph("", body, grid)
            page.body(&writer)
            if page.landscape {
                // The landscape section ends after its table; what follows (another attachment, the 版记) is
                // portrait again, on a new page.
                writer.raw("<w:p><w:pPr>")
                GBT9704.writeSection(&writer, columnSpace: 425, landscape: true)
                writer.raw("</w:pPr></w:p>")
                _ = position
            }
        }
    }
}

extension NoticeAttachmentTable {
    /// The table as a Word table across `width` twips.
    func write(fonts: NoticeFonts, width: Int, _ writer: inout XMLWriter) {
        let columns = self.columns.map { NoticeText.Column(title: $0.title, width: $0.width) }
        var table = NoticeTableWriter(columns: columns, fonts: fonts, width: width)
        table.leftAligned = Set(self.columns.enumerated().filter(\.element.leftAligned).map(\.offset))
        // The lines around a form in 小四仿宋, off the grid, as the form itself sets them.
        let small = WordFont(eastAsia: fonts.fangsong, size: 12)
        var line = ParagraphFormat(alignment: "left")
        line.snapToGrid = false
        line.characterWidth = 240
        for text in before { writer.paragraph(text, small, line) }
        table.write(rows: rows, &writer)
        if !after.isEmpty {
            var spaced = line
            spaced.spaceBefore = 240
            for (index, text) in after.enumerated() { writer.paragraph(text, small, index == 0 ? spaced : line) }
        }
    }
}
