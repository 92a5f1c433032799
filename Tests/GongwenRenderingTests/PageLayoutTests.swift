import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTemplates
import GongwenTestSupport
import Testing

@testable import GongwenRendering

/// gongwen's own GB/T 9704 page layout (the OFD copy): the line breaker's 禁则, the grid, the 版记's place.
struct PageLayoutTests {
    @Test func noLineStartsWithAClosingMarkOrEndsWithAnOpeningOne() {
        // 28 characters a line: the 29th is "。", which may not start the next line: it hangs in the margin, as
        // Word and LibreOffice hang it; two marks take a character down with them.
        let text = String(repeating: "质", count: 28) + "。后文"
        let lines = LineBreaker.lines(text, width: 28)
        #expect(lines[0].count == 29 && lines[1] == "后文")
        let two = LineBreaker.lines(String(repeating: "质", count: 28) + "。”后文", width: 28)
        #expect(two[0].count == 27 && two[1].hasPrefix("质。”"))
        // An opening mark at a line's end goes to the next line.
        let opening = String(repeating: "质", count: 27) + "《方案》"
        let broken = LineBreaker.lines(opening, width: 28)
        #expect(broken[0].count == 27 && broken[1].hasPrefix("《"))
        for line in LineBreaker.lines(String(repeating: "质量，", count: 40), width: 28).dropFirst() {
            #expect(!LineBreaker.noStart.contains(line.first!), "\(line)")
        }
    }

    @Test func aLatinWordStaysWholeUnlessWiderThanALine() {
        let lines = LineBreaker.lines(String(repeating: "质", count: 26) + "scjzjc@tjbh.gov.cn", width: 28)
        #expect(lines[0].count == 26, "the address moves down whole")
        let long = LineBreaker.lines(String(repeating: "a", count: 80), width: 10)
        #expect(long.count > 1 && long.allSatisfy { TextWidth.ems($0) <= 10 })
        #expect(LineBreaker.lines("。，、", width: 28) == ["。，、"], "a line of marks only is one line")
    }

    func notice(blocks: Int, length: Int = 14, copyTo: String = "市质量工作领导小组办公室") -> NoticeText {
        NoticeText(
            issuerMark: "滨海新区质量工作领导小组办公室文件", title: "关于开展质量攻关活动的通知", recipients: "各推荐单位",
            blocks: (0..<blocks).map { _ in .paragraph(String(repeating: "质量攻关", count: length)) }, attachments: [],
            signature: "滨海新区质量工作领导小组办公室", note: "", copyTo: copyTo, printedBy: "滨海新区质量工作领导小组办公室",
            columns: [])
    }

    func layout(_ text: NoticeText) -> [LaidOutPage] {
        var layout = NoticePageLayout(
            text: text, documentNumber: "津滨质量组办〔2019〕6号", issueDate: "2019年5月13日", fonts: NoticeFonts(),
            markSize: 23)
        return layout.layout()
    }

    @Test func theHeadAndTheGridAreWhereTheStandardPutsThem() throws {
        // Paragraphs of 11 lines: widow control lets them fill a page (three-line ones move whole and leave 21).
        let pages = layout(notice(blocks: 6, length: 70))
        let mark = try #require(pages[0].runs.first { $0.red })
        #expect(abs(mark.baseline - 0.88 * mark.size - 72) < 0.01, "the mark's top 72 mm from the page edge")
        let rule = try #require(pages[0].rules.first { $0.red })
        #expect(abs(rule.x2 - rule.x1 - 156) < 0.01)
        let body = pages[1].runs.filter { abs($0.size - GBT9704Page.mm(16)) < 0.001 && $0.baseline < 262 }
        let baselines = Set(body.map { ($0.baseline * 1000).rounded() / 1000 }).sorted()
        #expect(baselines.count == 22, "a full page holds 22 lines")
        #expect(abs(baselines[1] - baselines[0] - 225.0 / 22) < 0.001)
        // Page numbers: odd right, even left, the dash 7 mm below the type area.
        let numbers = pages.map { page in page.runs.first { $0.text.hasPrefix("—") }! }
        #expect(numbers[0].x > numbers[1].x)
    }

    @Test func aRecordThatDoesNotFitUnderTheTextMovesToANewPage() {
        // Find a body length that fills the last page: the 版记 must then start a page of its own.
        for blocks in 1...12 {
            let pages = layout(notice(blocks: blocks))
            let last = pages[pages.count - 1]
            let record = last.runs.filter { $0.text.hasSuffix("印发") }
            #expect(record.count == 1, "the 版记 once, on the last page")
            #expect(last.rules.contains { abs($0.y1 - 262) < 0.001 }, "its last rule on the type area's bottom edge")
            // Nothing of the text and the 版记 overlap: the 版记's first line is below every body line.
            let recordTop = last.rules.map(\.y1).min() ?? 262
            #expect(
                last.runs.filter { !$0.text.hasPrefix("—") && $0.baseline < recordTop }.allSatisfy {
                    $0.baseline < recordTop
                })
            if last.runs.filter({ $0.size == GBT9704Page.mm(16) }).isEmpty, pages.count > 1 {
                return  // a page of the 版记 alone: the case the standard describes
            }
        }
        Issue.record("no body length pushed the 版记 onto a page of its own")
    }

    @Test func aTableOverThreePagesRepeatsItsHeaderAndNeverSplitsARow() {
        var text = notice(blocks: 1)
        text.attachments = ["2019年滨海新区质量攻关重点项目计划表"]
        let rows = (1...60).map { [String($0), "BH2019-\($0)", "天津某某精密机械有限公司", "降低曲轴加工尺寸超差率的质量攻关", "王伟", "开发区"] }
        let table = NoticeAttachmentTable(
            kind: .plan,
            columns: [
                ("序号", 7.0, false), ("计划编号", 21, false), ("申报单位", 23, true), ("项目名称", 26, true), ("负责人", 10, false),
                ("推荐单位", 13, false),
            ]
            .map { NoticeAttachmentTable.Column(title: $0.0, width: $0.1, leftAligned: $0.2) },
            rows: rows, landscape: false)
        var layout = NoticePageLayout(
            text: text, documentNumber: "津滨质量组办〔2019〕5号", issueDate: "2019年4月30日", fonts: NoticeFonts(), markSize: 23)
        layout.tables = [0: table]
        let pages = layout.layout()
        let tablePages = pages.filter { page in page.runs.contains { $0.text == "计划编号" } }
        #expect(tablePages.count >= 3, "\(tablePages.count) pages of table")
        for page in tablePages {
            // The header on every page, and no row's text below the type area.
            #expect(page.runs.contains { $0.text == "序号" })
            #expect(page.runs.filter { !$0.text.hasPrefix("—") }.allSatisfy { $0.baseline <= 262 })
        }
        // Every row once: its serial in the first column, in order.
        let serials = tablePages.flatMap { page in
            page.runs.filter { Int($0.text) != nil && $0.x < 40 && $0.size < 5 }.sorted { $0.baseline < $1.baseline }
                .map(\.text)
        }
        #expect(serials == (1...60).map(String.init))
        // The 版记 after the table, on the last page's foot.
        #expect(pages.last?.runs.contains { $0.text.hasSuffix("印发") } == true)
    }

    @Test func anOFDPackageIsDeterministicAndNamesItsFonts() throws {
        let text = notice(blocks: 3)
        let issuance = IssuanceRecord(
            key: DocumentKey("training"), documentType: "通知", issuerMark: text.issuerMark,
            documentNumber: "津滨质量组办〔2019〕6号", title: text.title, recipients: text.recipients, attachments: [],
            issuer: text.signature, issueDate: try #require(CalendarDate(year: 2019, month: 5, day: 13)), note: "",
            copyTo: text.copyTo, printedBy: text.printedBy, author: text.signature, retention: .thirtyYears)
        let first = try text.fixedLayout(
            documentNumber: issuance.documentNumber, issueDate: "2019年5月13日", issuance: issuance)
        let second = try text.fixedLayout(
            documentNumber: issuance.documentNumber, issueDate: "2019年5月13日", issuance: issuance)
        #expect(first == second)
        #expect(try first.ofd() == second.ofd(), "the same bytes")
        let parts = try PackageParts.read(try first.ofd()).parts
        let res = String(decoding: try #require(parts["Doc_0/PublicRes.xml"]), as: UTF8.self)
        #expect(res.contains("FontName=\"仿宋_GB2312\"") && res.contains("FontName=\"方正小标宋简体\""))
        let ofd = String(decoding: try #require(parts["OFD.xml"]), as: UTF8.self)
        #expect(ofd.contains("<ofd:CustomData Name=\"发文字号\">津滨质量组办〔2019〕6号</ofd:CustomData>"))
        #expect(ofd.contains("<ofd:CreationDate>2019-05-13</ofd:CreationDate>"))
    }

    @Test func thePreviewPlacesEveryCharacterWhereTheOFDDoes() throws {
        let pages = layout(notice(blocks: 30))
        let html = String(decoding: FixedLayoutPreview.html(pages, title: "测试"), as: UTF8.self)
        #expect(html.components(separatedBy: "<svg ").count - 1 == pages.count)
        // The red rule and the first body line's characters at the OFD's x positions, one x per character.
        let rule = try #require(pages[0].rules.first { $0.red })
        #expect(html.contains("x1=\"\(OFDWriter.number(rule.x1))\" y1=\"\(OFDWriter.number(rule.y1))\""))
        let run = try #require(pages[0].runs.first { $0.text.hasPrefix("质量攻关") })
        var x = run.x
        var expected: [String] = []
        for advance in [0] + run.advances {
            x += Double(advance)
            expected.append(OFDWriter.number(x))
        }
        #expect(html.contains("<text x=\"\(expected.joined(separator: " "))\" y=\"\(OFDWriter.number(run.baseline))\""))
        #expect(html.contains("font-family=\"'仿宋_GB2312', 'FangSong_GB2312'"))
        #expect(!html.contains("<script"), "a preview needs no script")
        // Text is escaped.
        var page = LaidOutPage()
        page.runs = [LaidOutPage.Run(x: 0, baseline: 10, text: "<a&b>", font: "Times New Roman", size: 5, advances: [])]
        #expect(
            String(decoding: FixedLayoutPreview.html([page], title: "t"), as: UTF8.self).contains("&lt;a&amp;b&gt;"))
    }

    @Test func latinIsDrawnInTimesWhereTheLayoutMeasuredIt() throws {
        let run = NoticePageLayout.run("于2019年5月", x: 28, baseline: 50, font: "仿宋_GB2312", size: 5.6, pitch: 5.6)
        var page = LaidOutPage()
        page.runs = [run]
        let split = page.drawingLatin(in: "Times New Roman").runs
        #expect(split.map(\.text) == ["于", "2019", "年", "5", "月"])
        #expect(split.map(\.font) == ["仿宋_GB2312", "Times New Roman", "仿宋_GB2312", "Times New Roman", "仿宋_GB2312"])
        // Every character where it was: each piece starts where the whole run put its first character.
        var x = run.x
        var starts: [Double] = []
        for (index, _) in run.text.enumerated() {
            starts.append(x)
            if index < run.advances.count { x += run.advances[index] }
        }
        #expect(abs(split[1].x - starts[1]) < 1e-9 && abs(split[4].x - starts[7]) < 1e-9)
        #expect(split.map(\.advances.count) == [0, 3, 0, 0, 0])
        #expect(page.drawingLatin(in: "Times New Roman", keeping: ["仿宋_GB2312"]).runs == [run])
    }

    @Test func numbersAreWrittenWithAtMostThreeDecimalsAndNoTrailingZeros() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0001, "0"), (297, "297"), (156.0, "156"), (1.5, "1.5"), (10.22727, "10.227"),
            (5.6444, "5.644"), (0.05, "0.05"), (0.0015, "0.002"), (-3.25, "-3.25"), (-0.5, "-0.5"), (72.0004, "72"),
        ]
        for (value, text) in cases { #expect(OFDWriter.number(value) == text, "\(value)") }
    }
}
