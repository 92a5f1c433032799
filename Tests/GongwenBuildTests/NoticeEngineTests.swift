import Foundation
import GongwenBuild
import GongwenModel
import GongwenTestSupport
import Testing

/// The notice engine: a notice is one YAML file; campaign.yaml numbers and dates it; gongwen lays it out.
struct NoticeEngineTests {
    /// A campaign copy whose campaign.yaml gets `extra`, and an office templates folder holding `notices`.
    func setUp(
        notices: [String: String], extra: String
    ) throws -> (TemporaryFolder, campaign: URL, templates: URL) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        let yaml = campaign.appendingPathComponent("campaign.yaml")
        var text = try String(contentsOf: yaml, encoding: .utf8)
        // Merge the extra keys into the existing maps: `issue_dates:` and `document_numbers:` lines.
        for line in extra.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            text = text.replacingOccurrences(of: parts[0] + "\n", with: parts[0] + "\n" + parts[1] + "\n")
        }
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let templates = folder.url.appendingPathComponent("办公室模板/notices")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (key, content) in notices {
            try content.write(to: templates.appendingPathComponent("\(key).yaml"), atomically: true, encoding: .utf8)
        }
        return (folder, campaign, templates.deletingLastPathComponent())
    }

    func build(_ campaign: URL, templates: URL, in folder: TemporaryFolder) throws -> (URL, BuildContext) {
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(campaignFolder: campaign, templatesFolder: templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        return (output, context)
    }

    /// The whole `<w:p>…</w:p>` of `document` that holds `text`.
    func paragraph(_ text: String, in document: String) throws -> Substring {
        let found = try #require(document.range(of: text))
        let start = try #require(
            document.range(of: "<w:p>", options: .backwards, range: document.startIndex..<found.lowerBound))
        let end = try #require(document.range(of: "</w:p>", range: found.upperBound..<document.endIndex))
        return document[start.lowerBound..<end.upperBound]
    }

    static let bulletin = """
        issuer_mark: "{{organizerName}}文件"
        title: "关于{{year}}年{{area}}质量攻关活动开展情况的通报"
        recipients: 各推荐单位
        body:
          - text: "{{campaignTitle}}共收到申报{{declaredCount}}项，列入计划{{plannedCount}}项。"
          - heading1: 主要做法
          - text: 各推荐单位积极组织。
        signature: "{{signatory}}"
        copy_to: "{{coOrganizer}}"
        printed_by: "{{organizerName}}"
        """

    @Test func aNoticeAddedAsOneYAMLFileIsBuiltNumberedAndDated() throws {
        let (folder, campaign, templates) = try setUp(
            notices: ["bulletin": Self.bulletin],
            extra: "issue_dates:|  bulletin: 2019-11-05\ndocument_numbers:|  bulletin: 20")
        let (output, _) = try build(campaign, templates: templates, in: folder)
        let name = "津滨质量组办〔2019〕20号 关于2019年滨海新区质量攻关活动开展情况的通报"
        let docx = output.appendingPathComponent("公文/\(name).docx")
        let document = try PackageParts.text("word/document.xml", in: try Data(contentsOf: docx))
        #expect(document.contains("津滨质量组办〔2019〕20号"))
        #expect(document.contains("2019年11月5日"))
        #expect(document.contains("共收到申报64项，列入计划43项。"))
        let html = try String(contentsOf: output.appendingPathComponent("公文/\(name).html"), encoding: .utf8)
        #expect(html.contains("关于2019年滨海新区") && html.contains("一、主要做法"))
        // The 版记 is placed at the last page's foot by a script that lays the text out in 225 mm pages; the
        // body keeps the mark's 35 mm inside it, so its top is the type area's.
        #expect(html.contains("document.querySelector(\".record\")") && html.contains("body { display: flow-root; }"))
        let manifest = try String(contentsOf: output.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("公文/\(name).docx"))
        let record = try String(
            contentsOf: output.appendingPathComponent("归档包/\(name)/元数据.xml"), encoding: .utf8)
        #expect(record.contains("<文种>通报</文种>") && record.contains("<成文日期>2019-11-05</成文日期>"))
    }

    @Test func aNoticeNotYetNumberedIsSkippedAndSaidSo() throws {
        let (folder, campaign, templates) = try setUp(notices: ["bulletin": Self.bulletin], extra: "")
        let (output, context) = try build(campaign, templates: templates, in: folder)
        #expect(context.noticesNotYet == ["bulletin"])
        let names = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("公文").path)
        #expect(!names.contains { $0.contains("通报") })
    }

    @Test func anUpwardNoticeCarriesItsHeadElements() throws {
        let report =
            Self.bulletin.replacingOccurrences(of: "的通报", with: "的报告")
            .replacingOccurrences(of: "recipients: 各推荐单位", with: "recipients: 市质量工作领导小组办公室")
            + "\ncopy_number: \"000123\"\nclassification: 秘密★1年\nurgency: 特急\nsigner: 王立新\n"
        let (folder, campaign, templates) = try setUp(
            notices: ["report": report], extra: "issue_dates:|  report: 2019-11-06\ndocument_numbers:|  report: 21")
        let (output, _) = try build(campaign, templates: templates, in: folder)
        let name = "津滨质量组办〔2019〕21号 关于2019年滨海新区质量攻关活动开展情况的报告"
        let document = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: output.appendingPathComponent("公文/\(name).docx")))
        for text in ["<w:t>000123</w:t>", "<w:t>秘密★1年</w:t>", "<w:t>特急</w:t>", "<w:t>签发人：</w:t>", "<w:t>王立新</w:t>"] {
            #expect(document.contains(text), "missing \(text)")
        }
        // §7.2.5: with a 签发人, the 文号 is on the left, one character in, the 签发人 at a right tab.
        let number = try paragraph("<w:t>津滨质量组办〔2019〕21号</w:t>", in: document)
        #expect(number.contains("<w:jc w:val=\"left\"/>") && number.contains("<w:tab w:val=\"right\""))
        #expect(number.contains("<w:t>签发人：</w:t>"), "the 签发人 on the 文号's line")
        let html = try String(contentsOf: output.appendingPathComponent("公文/\(name).html"), encoding: .utf8)
        #expect(html.contains("<div class=\"corner\"><p>000123</p><p>秘密★1年</p><p>特急</p></div>"))
        #expect(html.contains("签发人：<span class=\"kai\">王立新</span>"))
        let record = try String(contentsOf: output.appendingPathComponent("归档包/\(name)/元数据.xml"), encoding: .utf8)
        #expect(record.contains("<签发人>王立新</签发人>") && record.contains("<份号>000123</份号>"))
    }

    @Test func aLongCopyToPrintsWholeAndHeadingsKeepWithTheirText() throws {
        let long = Self.bulletin.replacingOccurrences(
            of: "copy_to: \"{{coOrganizer}}\"",
            with: "copy_to: 市质量工作领导小组办公室，区市场监管局，区工业和信息化局，区科技局，区国资委，区发展改革委，区商务局，天津市滨海新区质量协会")
        let (folder, campaign, templates) = try setUp(
            notices: ["bulletin": long], extra: "issue_dates:|  bulletin: 2019-11-05\ndocument_numbers:|  bulletin: 20")
        let (output, _) = try build(campaign, templates: templates, in: folder)
        let name = "津滨质量组办〔2019〕20号 关于2019年滨海新区质量攻关活动开展情况的通报"
        let document = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: output.appendingPathComponent("公文/\(name).docx")))
        // 75 characters of 抄送: three lines of 4号 in a frame three lines high (579 twips a line), not one.
        let frame = try paragraph("抄送：市质量工作领导小组办公室", in: document)
        #expect(frame.contains("w:h=\"\(3 * 579)\""), "the 抄送 frame is three lines high")
        #expect(document.contains("天津市滨海新区质量协会。</w:t>"), "nothing of the 抄送 is lost")
        // A heading is kept with the paragraph after it (w:keepNext).
        #expect(try paragraph("<w:t>一、主要做法</w:t>", in: document).contains("<w:keepNext/>"))
    }

    @Test func theHeadIsLaidOutOffTheGridSoItHoldsInEveryWordProcessor() throws {
        let (folder, campaign, templates) = try setUp(
            notices: ["bulletin": Self.bulletin],
            extra: "issue_dates:|  bulletin: 2019-11-05\ndocument_numbers:|  bulletin: 20")
        let (output, _) = try build(campaign, templates: templates, in: folder)
        let name = "津滨质量组办〔2019〕20号 关于2019年滨海新区质量攻关活动开展情况的通报"
        let document = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: output.appendingPathComponent("公文/\(name).docx")))
        // LibreOffice snaps lines on the document grid, Word and WPS do not: the mark (35 mm of space before
        // it, §7.2.4) and the 文号 with its rule 4 mm below (§7.2.7) are off the grid, measured alike both ways.
        let mark = try paragraph("滨海新区质量工作领导小组办公室文件</w:t>", in: document)
        #expect(mark.contains("<w:snapToGrid w:val=\"0\"/>") && mark.contains("w:before=\"1984\""))
        let number = try paragraph("<w:t>津滨质量组办〔2019〕20号</w:t>", in: document)
        #expect(number.contains("<w:snapToGrid w:val=\"0\"/>") && number.contains("w:space=\"6\""))
        let settings = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: output.appendingPathComponent("公文/\(name).docx")))
        #expect(settings.contains("w:footer=\"1423\""), "the page number's dash 7 mm below the type area")
    }

    @Test func aJointNoticeStacksTheIssuersInTheMarkAndEachSigns() throws {
        let joint =
            Self.bulletin.replacingOccurrences(of: "issuer_mark: \"{{organizerName}}文件\"", with: "issuer_mark: 文件")
            + "\njoint_issuers: [\"{{organizerName}}\", \"{{coOrganizer}}\"]\n"
        let (folder, campaign, templates) = try setUp(
            notices: ["joint": joint], extra: "issue_dates:|  joint: 2019-11-08\ndocument_numbers:|  joint: 22")
        let (output, _) = try build(campaign, templates: templates, in: folder)
        let name = "津滨质量组办〔2019〕22号 关于2019年滨海新区质量攻关活动开展情况的通报"
        let document = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: output.appendingPathComponent("公文/\(name).docx")))
        // §7.2.4: the names stacked (spread to one width), 文件 to their right, centred on them.
        let host = try paragraph("<w:t>滨海新区质量工作领导小组办公室</w:t>", in: document)
        #expect(host.contains("<w:jc w:val=\"distribute\"/>") && host.contains("FF0000"))
        let word = try paragraph("<w:t>文件</w:t>", in: document)
        #expect(word.contains("FF0000"))
        // §7.3.5: each issuer signs.
        #expect(document.components(separatedBy: "<w:t>天津市滨海新区质量协会</w:t>").count - 1 == 2, "in the mark and signing")
        let html = try String(contentsOf: output.appendingPathComponent("公文/\(name).html"), encoding: .utf8)
        #expect(html.contains("<div class=\"mark joint xbs\""))
        #expect(
            html.contains("<div class=\"joint-signatures one\"><p>滨海新区质量工作领导小组办公室</p><p>天津市滨海新区质量协会</p></div>"),
            "one to a row: the host's name is too long for half the line")
        let record = try String(contentsOf: output.appendingPathComponent("归档包/\(name)/元数据.xml"), encoding: .utf8)
        #expect(record.contains("<发文机关署名>滨海新区质量工作领导小组办公室、天津市滨海新区质量协会</发文机关署名>"))
    }

    @Test func aPerRecipientNoticeGoesToEachRecommenderWithItsOwnProjects() throws {
        let folder = try TemporaryFolder()
        let (output, _) = try build(Fixtures.sampleCampaign, templates: Fixtures.templates, in: folder)
        let notice = "津滨质量组办〔2019〕9号 关于报送2019年滨海新区质量攻关活动成果的通知"
        let copies = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("公文/\(notice)").path
        ).filter { $0.hasSuffix(".docx") }
        #expect(copies.count == 10)
        let copy = "\(notice)（保税区市场监管局）"
        let html = try String(
            contentsOf: output.appendingPathComponent("公文/\(notice)/\(copy).html"), encoding: .utf8)
        #expect(html.contains("<p>天津港保税区市场监督管理局：</p>"), "主送 the one recommender")
        #expect(!html.contains("开发区市场监管局</td>"), "another recommender's projects are not in its copy")
        #expect(html.contains("保税区市场监管局</td>"))
    }
}
