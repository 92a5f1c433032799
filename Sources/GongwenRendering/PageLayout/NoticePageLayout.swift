import GongwenDocuments
import GongwenModel

/// Lays a notice out on GB/T 9704 pages itself, in millimetres, for the fixed-layout (OFD) copy: the 22-line
/// grid of 28 characters, the head (份号…, the red mark 35 mm below the type area, 文号, the red rule 4 mm
/// below it), the title in 2号, 主送, the body with its headings (lines broken by ``LineBreaker``), 附件说明,
/// 署名 and 成文日期, 附注, the 版记 at the foot of the last page (a new page when it does not fit under the
/// text), page numbers 7 mm below the type area, right on odd pages, left on even ones, and the attachments'
/// tables on their own pages (`NoticePageLayout+Tables`).
struct NoticePageLayout {
    let text: NoticeText
    let documentNumber: String
    let issueDate: String
    let fonts: NoticeFonts
    /// The mark's size in points.
    let markSize: Double
    /// The generated tables of attachments, by index in 附件说明.
    var tables: [Int: NoticeAttachmentTable] = [:]
    /// The attachments set as text on the grid (the decision's list of winners), by index in 附件说明.
    var lists: [Int: [ListParagraph]] = [:]

    typealias Page = GBT9704Page
    var pages: [LaidOutPage] = []
    var current = LaidOutPage()
    /// The next free grid line on the current page (0…21).
    var line = 0

    init(text: NoticeText, documentNumber: String, issueDate: String, fonts: NoticeFonts, markSize: Double) {
        self.text = text
        self.documentNumber = documentNumber
        self.issueDate = issueDate
        self.fonts = fonts
        self.markSize = markSize
    }

    static let size3 = Page.mm(16), size2 = Page.mm(22), size4 = Page.mm(14)

    /// A run of `string` at `x` on `baseline`, each character advancing its width in ems × `pitch`.
    static func run(
        _ string: String, x: Double, baseline: Double, font: String, size: Double, pitch: Double, red: Bool = false
    ) -> LaidOutPage.Run {
        // Each character's advance, with the quarter em between Chinese and Latin that Word and LibreOffice add.
        let characters = Array(string)
        let advances = characters.indices.dropLast().map { index in
            (TextWidth.ems(String(characters[index]))
                + TextWidth.gap(between: characters[index], and: characters[index + 1]))
                * pitch
        }
        return LaidOutPage.Run(
            x: x, baseline: baseline, text: string, font: font, size: size, advances: advances, red: red)
    }

    /// The width of `string` at `pitch` mm an em, Chinese–Latin gaps included (``TextWidth/ems(_:)``).
    static func width(_ string: String, pitch: Double) -> Double { TextWidth.ems(string) * pitch }

    /// The baseline of grid line `index` for text of `size` mm: the glyphs centred in the line.
    static func baseline(line index: Int, size: Double) -> Double {
        Page.top + Double(index) * Page.linePitch + Page.linePitch / 2 + size * 0.38
    }

    mutating func newPage() {
        pages.append(current)
        current = LaidOutPage()
        line = 0
    }

    /// Puts `string` on the next grid line at `x` (a new page when the page is full).
    mutating func put(_ string: String, x: Double, font: String, size: Double = size3, pitch: Double? = nil) {
        if line >= Page.lines { newPage() }
        current.runs.append(
            Self.run(
                string, x: x, baseline: Self.baseline(line: line, size: size), font: font, size: size,
                pitch: pitch ?? (size == Self.size3 ? Page.characterPitch : size)))
        line += 1
    }

    mutating func blank(_ count: Int = 1) {
        for _ in 0..<count {
            if line >= Page.lines { newPage() }
            line += 1
        }
    }

    func face(_ level: Int) -> String { level == 1 ? fonts.heiti : level == 2 ? fonts.kaiti : fonts.fangsong }

    /// Every page of the notice.
    mutating func layout() -> [LaidOutPage] {
        head()
        main()
        attachmentPages()
        record()
        pages.append(current)
        numberPages()
        // Each page replaced in place by its Latin-drawn form, the pages handed over first: mapping them kept
        // two copies of every page (the plan notice's 2,000 pages were the peak of a build with --ofd).
        var laidOut = pages
        pages = []
        for index in laidOut.indices {
            laidOut[index] = laidOut[index].drawingLatin(in: fonts.latin, keeping: [fonts.songti])
        }
        return laidOut
    }

    mutating func head() {
        let corner = [text.copyNumber, text.classification, text.urgency].filter { !$0.isEmpty }
        for (index, value) in corner.enumerated() {
            put(value, x: Page.left, font: index == 0 && !text.copyNumber.isEmpty ? fonts.fangsong : fonts.heiti)
        }
        // §7.2.4: the mark's upper edge 35 mm below the type area's top; its glyphs' tops are 0.88 em above
        // the baseline.
        let markMM = Page.mm(markSize)
        let markTop = Page.top + Page.markOffset
        let names = text.jointIssuers.isEmpty ? [text.issuerMark] : text.jointIssuers
        let lineHeight = markMM * 1.2
        let suffix = text.jointIssuers.isEmpty ? "" : text.issuerMark
        let namesWidth = names.map { Self.width($0, pitch: markMM) }.max() ?? 0
        let blockWidth = namesWidth + (suffix.isEmpty ? 0 : markMM * 0.5 + Self.width(suffix, pitch: markMM))
        let x = Page.left + (Page.typeWidth - blockWidth) / 2
        for (index, name) in names.enumerated() {
            current.runs.append(
                Self.run(
                    name, x: x, baseline: markTop + markMM * 0.88 + Double(index) * lineHeight,
                    font: fonts.xiaobiaosong, size: markMM, pitch: markMM, red: true))
        }
        let markBottom = markTop + markMM + Double(names.count - 1) * lineHeight
        if !suffix.isEmpty {
            let middle = (markTop + markBottom) / 2
            current.runs.append(
                Self.run(
                    suffix, x: x + namesWidth + markMM * 0.5, baseline: middle + markMM * 0.38,
                    font: fonts.xiaobiaosong, size: markMM, pitch: markMM, red: true))
        }
        // §7.2.5: two blank lines, then the 文号 (its glyphs centred in a grid-pitch line); §7.2.7 the rule 4 mm
        // under it.
        let numberTop = markBottom + 2 * Page.linePitch + (Page.linePitch - Self.size3) / 2
        let numberBaseline = numberTop + Self.size3 * 0.88
        if text.signer.isEmpty {
            let width = Self.width(documentNumber, pitch: Page.characterPitch)
            current.runs.append(
                Self.run(
                    documentNumber, x: Page.left + (Page.typeWidth - width) / 2, baseline: numberBaseline,
                    font: fonts.fangsong, size: Self.size3, pitch: Page.characterPitch))
        } else {
            current.runs.append(
                Self.run(
                    documentNumber, x: Page.left + Page.characterPitch, baseline: numberBaseline,
                    font: fonts.fangsong, size: Self.size3, pitch: Page.characterPitch))
            let signer = "签发人：" + text.signer
            let width = Self.width(signer, pitch: Page.characterPitch)
            current.runs.append(
                Self.run(
                    signer, x: Page.left + Page.typeWidth - Page.characterPitch - width, baseline: numberBaseline,
                    font: fonts.kaiti, size: Self.size3, pitch: Page.characterPitch))
        }
        let ruleY = numberTop + Self.size3 + Page.ruleGap
        current.rules.append(
            LaidOutPage.Rule(x1: Page.left, y1: ruleY, x2: Page.left + Page.typeWidth, y2: ruleY, width: 0.5, red: true)
        )
        // The text below goes on the grid: the first line under the rule, then two blank lines (§7.3.1).
        line = Int(((ruleY - Page.top) / Page.linePitch).rounded(.up)) + 2
    }

    /// A title in 2号小标宋, centred, on lines that keep words whole (§7.3.1).
    mutating func title(_ title: String) {
        for line in TitleLines.split(title, maximumWidth: 20, extraTerms: []) {
            let width = Self.width(line, pitch: Self.size2)
            put(
                line, x: Page.left + (Page.typeWidth - width) / 2, font: fonts.xiaobiaosong, size: Self.size2,
                pitch: Self.size2)
        }
    }

    mutating func main() {
        title(text.title)
        blank()
        if !text.recipients.isEmpty {
            for content in LineBreaker.lines(text.recipients + "：", width: 28) {
                put(content, x: Page.left, font: fonts.fangsong)
            }
        }
        var flow: [FlowParagraph] = []
        for (index, block) in text.blocks.enumerated() {
            // §7.3.5: the seal's page must carry body text, so the last paragraph goes with the signature.
            let last = index == text.blocks.count - 1
            switch block {
            case .paragraph(let content): flow.append(bodyParagraph(content, font: fonts.fangsong, keepNext: last))
            case .heading(let level, let ordinal, let heading):
                // A heading never ends a page: it stays with the text it heads.
                flow.append(bodyParagraph(ordinal + heading, font: face(level), keepNext: true))
            case .runIn(let level, let ordinal, let heading, let content):
                flow.append(
                    bodyParagraph(content, font: fonts.fangsong, lead: (ordinal + heading, face(level)), keepNext: last)
                )
            }
        }
        flow += attachmentList() + signature()
        place(flow)
    }

    /// §7.3.4: a blank line, then `附件：名称` indented two characters (numbered `1. 名称` when several, wrapped
    /// lines under the name), kept with the signature as the DOCX keeps them.
    func attachmentList() -> [FlowParagraph] {
        guard !text.attachments.isEmpty else { return [] }
        var flow = [FlowParagraph.blank(keepNext: true)]
        for (index, name) in text.attachments.enumerated() {
            let numbered = text.attachments.count > 1 ? "\(index + 1). \(name)" : name
            let label = index == 0 ? "附件：" : ""
            let indent = 2.0 + 3 + (text.attachments.count > 1 ? 2 : 0)
            let lines = LineBreaker.lines(label + numbered, width: 28 - 2, firstIndent: 0)
            flow.append(
                FlowParagraph(
                    lines: lines.enumerated().map { position, content in
                        let chars = position == 0 ? (index == 0 ? 2.0 : 5.0) : indent
                        return [.init(x: Page.left + chars * Page.characterPitch, text: content, font: fonts.fangsong)]
                    }, keepNext: true))
        }
        return flow
    }

    /// §7.3.5.1: two blank lines for the seal, 署名 centred over the 成文日期, which is 右空四字; joint issuers two
    /// to a row (each centred in half the type area) or one, flush right two characters in, as the DOCX sets
    /// them; §7.3.6 the 附注 under the date. All kept together, and with the last paragraph of the text.
    func signature() -> [FlowParagraph] {
        var flow = [FlowParagraph.blank(keepNext: true), FlowParagraph.blank(keepNext: true)]
        let dateWidth = Self.width(issueDate, pitch: Page.characterPitch)
        let dateRight = Page.left + Page.typeWidth - 4 * Page.characterPitch
        if text.jointIssuers.isEmpty {
            let width = Self.width(text.signature, pitch: Page.characterPitch)
            let x = min(dateRight - dateWidth / 2 - width / 2, Page.left + Page.typeWidth - width)
            flow.append(
                FlowParagraph(lines: [[.init(x: x, text: text.signature, font: fonts.fangsong)]], keepNext: true))
        } else {
            let perRow = NoticeDOCX.signaturesPerRow(text.jointIssuers)
            let half = perRow == 2 ? Page.typeWidth / 2 : Page.typeWidth
            for start in stride(from: 0, to: text.jointIssuers.count, by: perRow) {
                let row = text.jointIssuers[start..<min(start + perRow, text.jointIssuers.count)]
                let pieces = row.enumerated().map { offset, name in
                    let width = Self.width(name, pitch: Page.characterPitch)
                    let x =
                        perRow == 2
                        ? Page.left + Double(offset) * half + (half - width) / 2
                        : Page.left + Page.typeWidth - 2 * Page.characterPitch - width
                    return FlowParagraph.Piece(x: x, text: name, font: fonts.fangsong)
                }
                flow.append(FlowParagraph(lines: [pieces], keepNext: true))
            }
        }
        flow.append(
            FlowParagraph(
                lines: [[.init(x: dateRight - dateWidth, text: issueDate, font: fonts.fangsong)]],
                keepNext: !text.note.isEmpty))
        if !text.note.isEmpty {
            flow.append(bodyParagraph(text.note, font: fonts.fangsong, justified: false))
        }
        return flow
    }

    /// §7.4: 抄送 and 印发 in 4号, one character in from each side, on the last lines of the last page, a thick
    /// rule above, a thin one between and a thick one on the type area's bottom edge; a new page when the text
    /// leaves no room.
    mutating func record() {
        let one = Self.size4
        let copy =
            text.copyTo.isEmpty
            ? []
            : LineBreaker.lines(
                "抄送：" + (text.copyTo.hasSuffix("。") ? text.copyTo : text.copyTo + "。"),
                width: (Page.typeWidth - 2 * one) / one)
        let needed = copy.count + 1
        if line + needed > Page.lines || current.width > current.height { newPage() }
        var index = Page.lines - needed
        let top = Page.top + Double(index) * Page.linePitch
        current.rules.append(.init(x1: Page.left, y1: top, x2: Page.left + Page.typeWidth, y2: top, width: 0.35))
        for (position, content) in copy.enumerated() {
            let x = Page.left + one + (position == 0 ? 0 : 3 * one)
            current.runs.append(
                Self.run(
                    content, x: x, baseline: Self.baseline(line: index, size: one), font: fonts.fangsong, size: one,
                    pitch: one))
            index += 1
        }
        if !copy.isEmpty {
            let y = Page.top + Double(index) * Page.linePitch
            current.rules.append(.init(x1: Page.left, y1: y, x2: Page.left + Page.typeWidth, y2: y, width: 0.25))
        }
        let baseline = Self.baseline(line: index, size: one)
        current.runs.append(
            Self.run(
                text.printedBy, x: Page.left + one, baseline: baseline, font: fonts.fangsong, size: one, pitch: one))
        let printed = issueDate + "印发"
        current.runs.append(
            Self.run(
                printed, x: Page.left + Page.typeWidth - one - Self.width(printed, pitch: one), baseline: baseline,
                font: fonts.fangsong, size: one, pitch: one))
        current.rules.append(
            .init(x1: Page.left, y1: Page.bottom, x2: Page.left + Page.typeWidth, y2: Page.bottom, width: 0.35))
        line = Page.lines
    }

    /// §7.5: `— N —` in 4号宋体, its 一字线 7 mm below the type area; odd pages right, even left, 1 character in.
    mutating func numberPages() {
        let size = Self.size4
        for index in pages.indices {
            let number = "— \(index + 1) —"
            let width = Self.width(number, pitch: size)
            let area = pages[index].width > pages[index].height ? TypeArea.landscape : TypeArea.portrait
            let x =
                index % 2 == 0
                ? area.left + area.width - size - width : area.left + size
            // The dash sits about a third of an em above the baseline.
            let baseline = area.bottom + Page.pageNumberDrop + size * 0.3
            pages[index].runs.append(
                Self.run(number, x: x, baseline: baseline, font: fonts.songti, size: size, pitch: size))
        }
    }
}
