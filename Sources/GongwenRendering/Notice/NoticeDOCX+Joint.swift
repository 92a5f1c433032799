import GongwenModel
import GongwenOOXML

/// 联合行文 (GB/T 9704-2012 §7.2.4, §7.3.5.1): several issuers' names stacked in the red mark, 文件 to their
/// right and centred on them; each issuer signs, the names in a row (two to a row) in issuer order, the 成文日期
/// under the last, each name with room for its seal.
extension NoticeDOCX {
    /// The joint mark: a table without borders, the names (one a line, centred on each other) in the first
    /// column and the mark's word (文件) in the second, vertically centred; 35 mm below the type area's top.
    func writeJointMark(markSize: Double, spaceBefore: Int, _ writer: inout XMLWriter) {
        var space = ParagraphFormat(alignment: "left", exactLine: max(20, spaceBefore))
        space.snapToGrid = false
        writer.paragraph("", body, space)
        let font = WordFont(eastAsia: fonts.xiaobiaosong, size: markSize, color: "FF0000")
        let namesWidth = Int(
            (text.jointIssuers.map { TitleLines.width($0) }.max() ?? 1) * markSize * 20 + markSize * 20)
        let suffixWidth = Int(TitleLines.width(text.issuerMark) * markSize * 20 + markSize * 20)
        writer.openTable(
            width: namesWidth + suffixWidth, grid: [namesWidth, suffixWidth], horizontalCellMargin: 0, borders: false)
        writer.open("w:tr")
        var line = ParagraphFormat(alignment: "distribute", exactLine: Int(markSize * 24))
        line.snapToGrid = false
        writer.open("w:tc")
        writer.open("w:tcPr")
        writer.empty("w:tcW", ["w:w": String(namesWidth), "w:type": "dxa"])
        writer.close("w:tcPr")
        for name in text.jointIssuers { writer.paragraph(name, font, line) }
        writer.close("w:tc")
        writer.open("w:tc")
        writer.open("w:tcPr")
        writer.empty("w:tcW", ["w:w": String(suffixWidth), "w:type": "dxa"])
        writer.empty("w:vAlign", ["w:val": "center"])
        writer.close("w:tcPr")
        var suffix = line
        suffix.alignment = "right"
        writer.paragraph(text.issuerMark, font, suffix)
        writer.close("w:tc")
        writer.close("w:tr")
        writer.close("w:tbl")
    }

    /// Two names to a row when each fits half the type area (13 characters of 3号), else one.
    static func signaturesPerRow(_ names: [String]) -> Int {
        names.allSatisfy { TitleLines.width($0) <= 13 } ? 2 : 1
    }

    /// The joint 署名: the issuers two to a row (one when a name is long), each centred in half the type area with two blank lines above
    /// for the seals, then the 成文日期 右空四字 under the last.
    func writeJointSignatures(_ writer: inout XMLWriter) {
        var together = grid
        together.keepNext = true
        writer.paragraph("", body, together)
        writer.paragraph("", body, together)
        let perRow = Self.signaturesPerRow(text.jointIssuers)
        let half = perRow == 2 ? GBT9704.typeWidth / 2 : GBT9704.typeWidth
        writer.openTable(
            width: GBT9704.typeWidth, grid: [half, GBT9704.typeWidth - half], horizontalCellMargin: 0, borders: false)
        for start in stride(from: 0, to: text.jointIssuers.count, by: perRow) {
            writer.open("w:tr")
            writer.open("w:trPr")
            writer.empty("w:cantSplit")
            writer.close("w:trPr")
            for offset in 0..<perRow {
                writer.open("w:tc")
                writer.open("w:tcPr")
                writer.empty("w:tcW", ["w:w": String(offset == 0 ? half : GBT9704.typeWidth - half), "w:type": "dxa"])
                writer.close("w:tcPr")
                let index = start + offset
                // Two to a row: centred in each half; one to a row: flush right, two characters in.
                var name = format(perRow == 2 ? "center" : "right")
                if perRow == 1 { name.right = 2 * GBT9704.characterPitch }
                name.keepNext = true
                writer.paragraph(index < text.jointIssuers.count ? text.jointIssuers[index] : "", body, name)
                writer.close("w:tc")
            }
            writer.close("w:tr")
        }
        writer.close("w:tbl")
        var dated = format("right")
        dated.right = 4 * GBT9704.characterPitch
        dated.keepNext = !text.note.isEmpty
        writer.paragraph(frame.issueDate, body, dated)
        if !text.note.isEmpty { writer.paragraph(text.note, body, format("left", firstLine: twoCharacters)) }
    }
}
