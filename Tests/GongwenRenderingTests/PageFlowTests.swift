import GongwenDocuments
import GongwenModel
import Testing

@testable import GongwenRendering

/// How gongwen's fixed-layout pages break, as the DOCX (widow control on, keepNext chains) breaks in Word,
/// WPS and LibreOffice: no single line of a paragraph at a page's foot or head, a heading never last on a page,
/// the 署名 never on a page without body text (GB/T 9704 §7.3.5).
struct PageFlowTests {
    func layout(at line: Int, attachments: [String] = []) -> NoticePageLayout {
        var layout = NoticePageLayout(
            text: NoticeText(
                issuerMark: "", title: "", recipients: "", blocks: [], attachments: attachments, signature: "",
                note: "",
                copyTo: "", printedBy: "", columns: []),
            documentNumber: "", issueDate: "", fonts: NoticeFonts(), markSize: 23)
        layout.line = line
        return layout
    }

    func paragraph(_ lines: Int, keepNext: Bool = false, tag: String = "段") -> FlowParagraph {
        FlowParagraph(
            lines: (0..<lines).map { [.init(x: 28, text: "\(tag)\($0)", font: "仿宋_GB2312")] }, keepNext: keepNext)
    }

    /// The lines of each finished page, then of the current one.
    func lines(_ layout: NoticePageLayout) -> [[String]] {
        (layout.pages + [layout.current]).map { $0.runs.map(\.text) }
    }

    @Test func aThreeLineParagraphDoesNotSplitTwoAndOne() {
        var layout = layout(at: 20)
        layout.place([paragraph(3)])
        #expect(lines(layout) == [[], ["段0", "段1", "段2"]], "two lines left: it moves whole")
    }

    @Test func aLongParagraphLeavesTwoLinesOnEachSide() {
        var layout = layout(at: 19)
        layout.place([paragraph(4)])
        #expect(lines(layout) == [["段0", "段1"], ["段2", "段3"]], "three lines left, but not one alone on the next")
        var roomy = self.layout(at: 17)
        roomy.place([paragraph(7)])
        #expect(lines(roomy) == [["段0", "段1", "段2", "段3", "段4"], ["段5", "段6"]])
    }

    @Test func aHeadingGoesWithTheTextItHeads() {
        var layout = layout(at: 19)
        layout.place([paragraph(1, keepNext: true, tag: "题"), paragraph(3)])
        #expect(lines(layout) == [[], ["题0", "段0", "段1", "段2"]])
        var fits = self.layout(at: 17)
        fits.place([paragraph(1, keepNext: true, tag: "题"), paragraph(3)])
        #expect(lines(fits) == [["题0", "段0", "段1", "段2"]])
    }

    @Test func aChainLongerThanAPageBreaksAnyway() {
        var layout = layout(at: 10)
        layout.place([paragraph(30, keepNext: true), paragraph(2)])
        #expect(lines(layout)[0].count == 12, "it starts where it is")
    }

    @Test func theSignatureTakesTheLastParagraphWithIt() throws {
        // A body that leaves three lines under it on some page: the last paragraph, the seal's room, 署名 and
        // 成文日期 (five lines and more) go to the next page together.
        for blocks in 1...8 {
            let text = NoticeText(
                issuerMark: "滨海新区质量工作领导小组办公室文件", title: "关于开展质量攻关活动的通知", recipients: "各推荐单位",
                blocks: (0..<blocks).map { .paragraph("第\($0)段" + String(repeating: "质量攻关", count: 13)) },
                attachments: [], signature: "滨海新区质量工作领导小组办公室", note: "", copyTo: "", printedBy: "印发机关",
                columns: [])
            var layout = NoticePageLayout(
                text: text, documentNumber: "津滨质量组办〔2019〕6号", issueDate: "2019年5月13日", fonts: NoticeFonts(),
                markSize: 23)
            let pages = layout.layout()
            let signed = try #require(pages.firstIndex { $0.runs.contains { $0.text == "滨海新区质量工作领导小组办公室" } })
            let body = pages[signed].runs.filter { $0.text.contains("质量攻关") }
            #expect(!body.isEmpty, "\(blocks) paragraphs: the 署名's page carries body text")
        }
    }

    @Test func aListAttachmentIsSetAsTheDOCXSetsIt() throws {
        let list = [
            ListParagraph(text: "优秀成果（2项）", face: .heiti, alignment: .center, keepNext: true),
            ListParagraph(text: "一、一等奖（1项）", face: .heiti, firstIndent: 2, keepNext: true),
            ListParagraph(
                text: "1.降低曲轴加工尺寸超差率（申报单位：天津海川精密机械有限公司，推荐单位：开发区市场监管局）", face: .fangsong,
                alignment: .justified, firstIndent: 2, indent: 3.5),
        ]
        var layout = layout(at: 0, attachments: ["2019年滨海新区质量攻关活动获奖名单"])
        layout.listPage(0, list)
        let page = layout.current
        let pitch = GBT9704Page.characterPitch
        #expect(page.runs.map(\.text).first == "附件")
        let heading = try #require(page.runs.first { $0.text == "优秀成果（2项）" })
        #expect(abs(heading.x + heading.width / 2 - (28 + 78)) < 0.1, "centred on the type area")
        #expect(heading.font == NoticeFonts().heiti)
        let level = try #require(page.runs.first { $0.text.hasPrefix("一、") })
        #expect(abs(level.x - (28 + 2 * pitch)) < 0.01)
        let entry = page.runs.filter { $0.font == NoticeFonts().fangsong && $0.size > 5 }
        #expect(entry.count == 2 && abs(entry[0].x - (28 + 2 * pitch)) < 0.01, "the number two characters in")
        #expect(abs(entry[1].x - (28 + 3.5 * pitch)) < 0.01, "wrapped under the text, after the number")
        #expect(entry.map(\.text).joined() == list[2].text)
    }

    @Test func justifiedLinesEndAtTheRightEdgeAndTheLastDoesNot() throws {
        var layout = layout(at: 0)
        // Digits are narrower than their ems: unspread, this line would end short of the edge.
        let text = "按照2019年滨海新区质量攻关活动方案安排，区质量工作领导小组办公室将会同天津市滨海新区质量协会召开2019年发表会。"
        layout.place([layout.bodyParagraph(text, font: "仿宋_GB2312")])
        let right = GBT9704Page.left + GBT9704Page.typeWidth
        let byLine = Dictionary(grouping: layout.current.runs, by: \.baseline).sorted { $0.key < $1.key }.map(\.value)
        #expect(byLine.count >= 2)
        func end(_ runs: [LaidOutPage.Run]) -> (x: Double, last: Character) {
            let run = runs.max { $0.x < $1.x }!
            return (run.x + run.advances.reduce(0, +), run.text.last!)
        }
        let first = end(byLine[0])
        // The last character starts one pitch (its own advance) before the edge, or at it when it hangs.
        let hangs = LineBreaker.noStart.contains(first.last)
        let expected = hangs ? right : right - GBT9704Page.characterPitch
        #expect(abs(first.x - expected) < 0.02, "the first line spread to the edge")
        let last = end(byLine[byLine.count - 1])
        #expect(last.x < right - GBT9704Page.characterPitch - 1, "the last line keeps its natural width")
        let unjustified = NoticePageLayout.run(
            byLine[0].map(\.text).joined(), x: 0, baseline: 0, font: "", size: 5.644, pitch: GBT9704Page.characterPitch)
        #expect(unjustified.advances.reduce(0, +) < byLine[0].flatMap(\.advances).reduce(0, +), "spread, not as set")
    }
}
