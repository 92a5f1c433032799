import GongwenModel

/// One paragraph of a notice's text as a word processor paginates it: its grid lines, each a few pieces of
/// text, and whether it stays on the page of the paragraph after it (`w:keepNext`).
///
/// The DOCX sets the same paragraphs the same way (headings keep with their text, the last paragraph, 附件说明,
/// the seal's room, 署名 and 成文日期 stay together, §7.3.5) and turns widow control on, so the fixed-layout
/// pages break where Word, WPS and LibreOffice break the DOCX.
struct FlowParagraph {
    /// Text at `x` (mm, from the page's left edge) in `font`, `size` mm, each character `pitch` mm.
    struct Piece {
        var x: Double
        var text: String
        var font: String
        var size = NoticePageLayout.size3
        var pitch = GBT9704Page.characterPitch
    }

    /// The paragraph's lines; an empty line is a blank line on the grid.
    var lines: [[Piece]]
    var keepNext = false
    /// Set flush to both edges (`w:jc="both"`): every line but the last is spread to the type area's right
    /// edge, as Word spreads it, so a line with Latin or digits (narrower than its ems) ends where the others do.
    var justified = false

    /// A blank grid line (an empty paragraph in the DOCX).
    static func blank(keepNext: Bool = false) -> FlowParagraph { FlowParagraph(lines: [[]], keepNext: keepNext) }
}

extension NoticePageLayout {
    /// The fewest of a paragraph's `count` lines that may end a page under widow control: a paragraph of up to
    /// three lines cannot leave one line alone at either end, so it moves whole; a longer one leaves two.
    static func leastLinesAtPageEnd(_ count: Int) -> Int { count <= 3 ? count : 2 }

    /// Lays `paragraphs` on the grid from the current line, as Word paginates with widow control on: a chain
    /// of paragraphs that keep with the next moves to a new page when it and the first lines of the paragraph
    /// it keeps with do not fit (unless the chain is longer than a page, which Word then breaks anyway); no
    /// paragraph leaves a single line at a page's foot or head.
    mutating func place(_ paragraphs: [FlowParagraph]) {
        for index in paragraphs.indices {
            var end = index
            while end < paragraphs.count - 1, paragraphs[end].keepNext { end += 1 }
            if end > index {
                let chain = paragraphs[index..<end].map(\.lines.count).reduce(0, +)
                let needed = chain + Self.leastLinesAtPageEnd(paragraphs[end].lines.count)
                if line > 0, needed > Page.lines - line, needed <= Page.lines { newPage() }
            }
            placeLines(paragraphs[index].lines, justified: paragraphs[index].justified)
        }
    }

    /// A paragraph's lines, split across pages with widow control.
    mutating func placeLines(_ lines: [[FlowParagraph.Piece]], justified: Bool = false) {
        var rest = lines[...]
        while !rest.isEmpty {
            if line >= Page.lines { newPage() }
            let room = Page.lines - line
            var take = rest.count
            if rest.count > room {
                take = room
                if rest.count - take < 2 { take = rest.count - 2 }
                // Not two lines to leave here: the paragraph starts the next page (unless it already starts one).
                if take < 2 { take = line == 0 ? room : 0 }
            }
            for (offset, pieces) in rest.prefix(take).enumerated() {
                let baseline = Self.baseline(line: line, size: Self.size3)
                var runs = pieces.filter { !$0.text.isEmpty }.map { piece in
                    Self.run(
                        piece.text, x: piece.x, baseline: baseline, font: piece.font, size: piece.size,
                        pitch: piece.pitch)
                }
                let last = rest.startIndex + offset == lines.count - 1
                if justified, !last, let end = pieces.last {
                    Self.spread(&runs, to: Page.left + Page.typeWidth, end: end)
                }
                current.runs += runs
                line += 1
            }
            rest = rest.dropFirst(take)
            if !rest.isEmpty { newPage() }
        }
    }

    /// Spreads a line's `runs` (left to right, `end` the last piece) to `right`, the space shared equally
    /// between its characters; a full line is left as it is.
    static func spread(_ runs: inout [LaidOutPage.Run], to right: Double, end: FlowParagraph.Piece) {
        var natural = end.x + width(end.text, pitch: end.pitch)
        // A closing mark hanging in the margin: the characters before it reach the edge, the mark lies past it.
        if natural > right + 0.01, let mark = end.text.last, LineBreaker.noStart.contains(mark) {
            natural -= width(String(mark), pitch: end.pitch)
        }
        let extra = right - natural
        let gaps = runs.map(\.text.count).reduce(0, +) - 1
        guard extra > 0.01, gaps > 0 else { return }
        let share = extra / Double(gaps)
        var before = 0
        for index in runs.indices {
            runs[index].x += share * Double(before)
            runs[index].advances = runs[index].advances.map { $0 + share }
            before += runs[index].text.count
        }
    }

    /// A body paragraph broken into lines of 28 characters, the first indented two, justified; a run-in
    /// heading's characters (`lead`) in their own face.
    func bodyParagraph(
        _ string: String, font: String, lead: (String, String)? = nil, keepNext: Bool = false, justified: Bool = true
    ) -> FlowParagraph {
        let full = (lead?.0 ?? "") + string
        var consumed = 0
        var lines: [[FlowParagraph.Piece]] = []
        for (index, content) in LineBreaker.lines(full, width: 28, firstIndent: 2).enumerated() {
            let x = Page.left + (index == 0 ? 2 * Page.characterPitch : 0)
            let leadCount = max(0, min(content.count, (lead?.0.count ?? 0) - consumed))
            if let lead, leadCount > 0 {
                let head = String(content.prefix(leadCount))
                lines.append([
                    .init(x: x, text: head, font: lead.1),
                    .init(
                        x: x + Self.width(head, pitch: Page.characterPitch), text: String(content.dropFirst(leadCount)),
                        font: font),
                ])
            } else {
                lines.append([.init(x: x, text: content, font: font)])
            }
            consumed += content.count
        }
        return FlowParagraph(lines: lines, keepNext: keepNext, justified: justified)
    }
}

extension NoticePageLayout {
    /// §7.3.7: an attachment set as text, as the DOCX sets it: a new page, 附件 in 3号黑体 on the first line, its
    /// title in 2号小标宋 on the third, a blank line, then its paragraphs on the grid, paginated as the body is.
    mutating func listPage(_ index: Int, _ paragraphs: [ListParagraph]) {
        newPage()
        put(text.attachments.count > 1 ? "附件\(index + 1)" : "附件", x: Page.left, font: fonts.heiti)
        blank()
        title(text.attachments[index])
        blank()
        place(paragraphs.map(flowParagraph))
    }

    /// A list paragraph broken into grid lines of 28 characters at its indents.
    func flowParagraph(_ paragraph: ListParagraph) -> FlowParagraph {
        let font = fonts.font(paragraph.face)
        let lines = LineBreaker.lines(
            paragraph.text, width: 28 - paragraph.indent, firstIndent: paragraph.firstIndent - paragraph.indent)
        return FlowParagraph(
            lines: lines.enumerated().map { index, content in
                let indent = index == 0 ? paragraph.firstIndent : paragraph.indent
                let x =
                    paragraph.alignment == .center
                    ? Page.left + (Page.typeWidth - Self.width(content, pitch: Page.characterPitch)) / 2
                    : Page.left + indent * Page.characterPitch
                return content.isEmpty ? [] : [.init(x: x, text: content, font: font)]
            }, keepNext: paragraph.keepNext, justified: paragraph.alignment == .justified)
    }
}
