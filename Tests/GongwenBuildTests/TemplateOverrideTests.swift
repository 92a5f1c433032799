import Foundation
import GongwenBuild
import GongwenOOXML
import GongwenTestSupport
import Testing

/// An office's templates folder replaces the built-in templates file by file.
struct TemplateOverrideTests {
    /// A folder with only the notice's wording, edited the way an office would.
    func officeTemplates(in folder: TemporaryFolder) throws -> URL {
        let root = folder.url.appendingPathComponent("办公室模板")
        let notice = root.appendingPathComponent("plan-notice")
        try FileManager.default.createDirectory(at: notice, withIntermediateDirectories: true)
        let yaml = try String(
            contentsOf: Fixtures.templates.appendingPathComponent("plan-notice/notice.yaml"), encoding: .utf8)
        try yaml.replacingOccurrences(of: "严格按照计划组织实施", with: "压实主体责任，确保计划落地")
            .replacingOccurrences(of: "signature: \"{{signatory}}\"", with: "signature: 滨海新区市场监督管理局（代章）")
            .write(to: notice.appendingPathComponent("notice.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    func noticeText(_ output: URL) throws -> String {
        let folder = output.appendingPathComponent("计划通知")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix("通知.docx") })
        return try PackageParts.text("word/document.xml", in: try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func anEditedNoticeTemplateChangesTheNoticeAndNothingElse() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(
            campaignFolder: Fixtures.sampleCampaign, templatesFolder: try officeTemplates(in: folder),
            outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        let xml = try noticeText(output)
        #expect(xml.contains("一、压实主体责任，确保计划落地"))
        #expect(xml.contains("<w:t>滨海新区市场监督管理局（代章）</w:t>"))
        #expect(!xml.contains("严格按照计划组织实施"))
        // Everything the office folder lacks comes from the built-in templates.
        let reference = folder.url.appendingPathComponent("reference")
        var plain = BuildContext(
            campaignFolder: Fixtures.sampleCampaign, templatesFolder: Fixtures.templates, outputFolder: reference)
        try BuildPipeline(steps: BuildStep.all).run(&plain)
        let changed = try TemporaryFolder.contents(of: output).filter { path, data in
            (try? Data(contentsOf: reference.appendingPathComponent(path))) != data
        }.keys.sorted()
        // The notice, and its archive package (the copy of its DOCX, its record and fixity file).
        let notice = "津滨质量组办〔2019〕5号 关于下达2019年滨海新区质量攻关重点项目计划的通知"
        #expect(
            changed == [
                "manifest.json", "归档包/\(notice)/SHA256SUMS", "归档包/\(notice)/元数据.xml", "归档包/\(notice)/\(notice).docx",
                "计划通知/\(notice).docx", "计划通知/\(notice).html",
            ])
    }

    @Test func campaignYAMLNamesTheOfficeFolder() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        _ = try officeTemplates(in: folder)
        let yaml = try String(contentsOf: campaign.appendingPathComponent("campaign.yaml"), encoding: .utf8)
        try ("templates: ../办公室模板\n" + yaml).write(
            to: campaign.appendingPathComponent("campaign.yaml"), atomically: true, encoding: .utf8)
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: output)
        context.templatesChosen = false
        try BuildPipeline(steps: BuildStep.all).run(&context)
        #expect(try noticeText(output).contains("压实主体责任"))
    }
}

struct TemplatesCheckTests {
    @Test func theBuiltInTemplatesAreClean() throws {
        #expect(try TemplatesCheck.run(folder: nil, campaign: Fixtures.sampleCampaign).isEmpty)
    }

    @Test func aMisspeltNameInAnOfficeTemplateFailsTheBuildWithItsPlace() throws {
        let folder = try TemporaryFolder()
        let notice = folder.url.appendingPathComponent("office/plan-notice")
        try FileManager.default.createDirectory(at: notice, withIntermediateDirectories: true)
        let yaml = try String(
            contentsOf: Fixtures.templates.appendingPathComponent("plan-notice/notice.yaml"), encoding: .utf8)
        try yaml.replacingOccurrences(of: "signature: \"{{signatory}}\"", with: "signature: \"{{signatori}}\"")
            .write(to: notice.appendingPathComponent("notice.yaml"), atomically: true, encoding: .utf8)
        let office = folder.url.appendingPathComponent("office")
        let findings = try TemplatesCheck.run(folder: office, campaign: Fixtures.sampleCampaign)
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("signature:") }.map { $0 + 1 }
        #expect(
            findings.map { "\($0.file):\($0.line):\($0.column)" } == ["office/plan-notice/notice.yaml:\(line ?? 0):13"])
        var context = BuildContext(
            campaignFolder: Fixtures.sampleCampaign, templatesFolder: office,
            outputFolder: folder.url.appendingPathComponent("output"))
        #expect {
            try BuildPipeline(steps: BuildStep.all).run(&context)
        } throws: { error in
            (error as? GongwenError).map { $0.family == .template && $0.step == "模板检查 check templates" } ?? false
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("output").path))
    }
}

/// The built-in notice exported as a Word template and edited the way an office edits it in Word.
struct WordNoticeTemplateTests {
    @Test func anOfficesWordEditsReachTheBuiltNotice() throws {
        let folder = try TemporaryFolder()
        let office = folder.url.appendingPathComponent("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        try WordTemplates.exportNotice(to: office)
        let file = office.appendingPathComponent("plan-notice/docx/notice.docx")
        let (parts, order) = try PackageParts.read(try Data(contentsOf: file))
        var xml = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)

        // New wording and a new signatory, typed over the old text.
        xml = xml.replacingOccurrences(of: "严格按照计划组织实施", with: "压实主体责任，确保计划落地")
        xml = xml.replacingOccurrences(of: "<w:t>{{signatory}}</w:t>", with: "<w:t>滨海新区市场监督管理局（代章）</w:t>")
        // The 文号 tag split over three runs with spelling marks between, as Word saves it after an edit.
        let tag = "<w:t>{{documentNumber}}</w:t></w:r>"
        let run = try #require(xml.range(of: tag))
        let start = try #require(xml[..<run.lowerBound].range(of: "<w:r>", options: .backwards))
        let properties = String(xml[start.upperBound..<run.lowerBound])
        let split =
            "<w:t>{{docu</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r>\(properties)<w:t>mentNum</w:t></w:r>"
            + "<w:proofErr w:type=\"spellEnd\"/><w:r>\(properties)<w:t>ber}}</w:t></w:r>"
        xml.replaceSubrange(run, with: split)
        #expect(xml.contains("<w:t>{{docu</w:t>"))

        let sink = MemorySink()
        let zip = ZipWriter(sink: sink)
        for name in order {
            try zip.add(name, name == "word/document.xml" ? Data(xml.utf8) : try #require(parts[name]))
        }
        try zip.finish()
        try sink.data.write(to: file)

        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(
            campaignFolder: Fixtures.sampleCampaign, templatesFolder: office, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        let notices = output.appendingPathComponent("计划通知")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: notices.path).first { $0.hasSuffix("通知.docx") })
        let built = try PackageParts.text(
            "word/document.xml", in: try Data(contentsOf: notices.appendingPathComponent(name)))
        #expect(built.contains("一、压实主体责任，确保计划落地"))
        #expect(built.contains("<w:t>滨海新区市场监督管理局（代章）</w:t>"))
        #expect(built.contains("津滨质量组办〔2019〕5号"))
        #expect(!built.contains("{{") && !built.contains("mentNum"))
        #expect(built.components(separatedBy: "BHZLGG-2019-").count - 1 == 43, "one table row per planned project")
    }
}

struct TemplatesCheckAcceptanceTests {
    @Test func aMisspeltNameAnUnclosedSectionAndATagInAnAttributeEachHaveTheirPlace() throws {
        let folder = try TemporaryFolder()
        let office = folder.url.appendingPathComponent("office")
        let html = office.appendingPathComponent("declaration-table/html")
        try FileManager.default.createDirectory(at: html, withIntermediateDirectories: true)
        try "<h1>{{title}}</h1>\n<p>{{recomender}}</p>\n{{#groups}}\n<p>{{count}}</p>\n".write(
            to: html.appendingPathComponent("table.html.mustache"), atomically: true, encoding: .utf8)
        try WordTemplates.exportNotice(to: office)
        let file = office.appendingPathComponent("plan-notice/docx/notice.docx")
        let (parts, order) = try PackageParts.read(try Data(contentsOf: file))
        let xml = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
            .replacingOccurrences(of: "w:val=\"center\"", with: "w:val=\"{{alignment}}\"")
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink)
        for name in order {
            try zip.add(name, name == "word/document.xml" ? Data(xml.utf8) : try #require(parts[name]))
        }
        try zip.finish()
        try sink.data.write(to: file)

        let findings = try TemplatesCheck.run(folder: office, campaign: Fixtures.sampleCampaign)
        let places = findings.map { "\($0.file):\($0.line):\($0.column) \($0.english)" }
        #expect(places.contains("office/declaration-table/html/table.html.mustache:2:4 unknown name \"recomender\""))
        #expect(places.contains("office/declaration-table/html/table.html.mustache:3:1 {{#groups}} is never closed"))
        #expect(
            findings.contains {
                $0.file == "office/plan-notice/docx/notice.docx" && $0.line == 2 && $0.column > 1
                    && $0.chinese.contains("XML 属性")
            })
    }
}
