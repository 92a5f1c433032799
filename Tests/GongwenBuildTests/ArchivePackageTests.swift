import Foundation
import GongwenBuild
import GongwenCLI
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Archive packages (归档包): one per issued document, with the DOCX, the metadata record and SHA256SUMS;
/// `gongwen verify` checks them with the output and on their own.
struct ArchivePackageTests {
    func build(
        _ campaign: URL = Fixtures.sampleCampaign, configure: (inout BuildContext) -> Void = { _ in }
    ) throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: output)
        configure(&context)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        return (folder, output)
    }

    func packages(_ output: URL) throws -> [URL] {
        let root = output.appendingPathComponent("归档包")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().map {
            root.appendingPathComponent($0)
        }
    }

    /// The text of the first element `name` in an XML document (Foundation's parser, independent of ours).
    final class FirstElements: NSObject, XMLParserDelegate {
        var wanted: Set<String>
        var found: [String: String] = [:]
        var current: String?
        var text = ""

        init(_ wanted: Set<String>) {
            self.wanted = wanted
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if wanted.contains(name), found[name] == nil {
                current = name
                text = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if current != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == current {
                found[name] = text
                current = nil
            }
        }
    }

    @Test func eachIssuedDocumentHasAPackageWhoseRecordSaysWhatTheDocumentSays() throws {
        let (folder, output) = try build()
        _ = folder
        let packages = try packages(output)
        // The plan notice, the decision, four notices of the year and the call for results' ten copies.
        #expect(packages.count == 16)
        let expected = [
            "5号": ("津滨质量组办〔2019〕5号", "关于下达2019年滨海新区质量攻关重点项目计划的通知", "2019-04-30", "通知", "30年"),
            "12号": ("津滨质量组办〔2019〕12号", "关于表彰2019年滨海新区质量攻关活动优秀成果、优秀小组和优秀推荐单位的决定", "2019-09-20", "决定", "永久"),
        ]
        for package in packages {
            let files = try FileManager.default.contentsOfDirectory(atPath: package.path).sorted()
            #expect(files.count == 3 && files.contains("元数据.xml") && files.contains("SHA256SUMS"))
            #expect(files.contains(package.lastPathComponent + ".docx"))
            let parser = XMLParser(data: try Data(contentsOf: package.appendingPathComponent("元数据.xml")))
            let reader = FirstElements(["发文字号", "标题", "成文日期", "文种", "保管期限", "日期"])
            parser.delegate = reader
            #expect(parser.parse())
            let number = try #require(reader.found["发文字号"])
            #expect(package.lastPathComponent.hasPrefix(number + " "), "a package is named by its 文号")
            // Every notice: the record's 文号, 标题 and 成文日期 are the ones its DOCX carries.
            let docxName = try #require(files.first { $0.hasSuffix(".docx") })
            let properties = try PackageParts.text(
                "docProps/core.xml", in: try Data(contentsOf: package.appendingPathComponent(docxName)))
            #expect(properties.contains("<dc:identifier>\(number)</dc:identifier>"))
            #expect(properties.contains("<dc:title>\(try #require(reader.found["标题"]))</dc:title>"))
            #expect(properties.contains("\(try #require(reader.found["成文日期"]))T00:00:00Z</dcterms:created>"))
            guard let key = expected.keys.first(where: { package.lastPathComponent.contains("〕\($0)") }) else {
                continue
            }
            let (_, title, date, type, retention) = try #require(expected[key])
            #expect(reader.found["标题"] == title)
            #expect(reader.found["成文日期"] == date)
            #expect(reader.found["文种"] == type)
            #expect(reader.found["保管期限"] == retention)
            #expect(reader.found["日期"] == date.replacingOccurrences(of: "-", with: ""))
            // The DOCX carries the same 文号 and 文种 in its core properties, for when it travels alone.
            let core = try PackageParts.text(
                "docProps/core.xml",
                in: try Data(contentsOf: package.appendingPathComponent(files.first { $0.hasSuffix(".docx") }!)))
            #expect(core.contains("<dc:identifier>\(number)</dc:identifier>"))
            #expect(core.contains("<cp:category>\(type)</cp:category>"))
            #expect(core.contains("<dc:title>\(title)</dc:title>"))
        }
    }

    @Test func theFixityFileIsSha256sumsFormatAndHolds() throws {
        let (folder, output) = try build()
        _ = folder
        for package in try packages(output) {
            let text = try String(contentsOf: package.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            let entries = try #require(FixityFile.entries(text))
            #expect(entries.map(\.name).sorted() == ["元数据.xml", package.lastPathComponent + ".docx"].sorted())
            for line in text.split(separator: "\n") {
                #expect(line.count > 66 && line.dropFirst(64).hasPrefix("  "), "GNU sha256sum's text-mode line")
            }
            #expect(PackageVerifier(folder: package).verify().holds)
        }
        #expect(try OutputVerifier(folder: output).verify().holds)
    }

    @Test func aRetentionFromCampaignYAMLReachesTheRecord() throws {
        let campaign = try TemporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.sampleCampaign, to: campaign.url.appendingPathComponent("c"))
        let yaml = campaign.url.appendingPathComponent("c/campaign.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + "retention:\n  plan_notice: 永久\n").write(
            to: yaml, atomically: true, encoding: .utf8)
        let (folder, output) = try build(campaign.url.appendingPathComponent("c"))
        _ = folder
        let notice = try #require(try packages(output).first { $0.lastPathComponent.contains("5号") })
        let record = try String(contentsOf: notice.appendingPathComponent("元数据.xml"), encoding: .utf8)
        #expect(record.contains("<保管期限 代码=\"Y\">永久</保管期限>"))
    }

    @Test func withOFDEachPackageAndEachCertificateGetsItsOFDCopy() throws {
        let (folder, output) = try build { $0.ofdCopies = true }
        _ = folder
        for package in try packages(output) {
            let ofd = package.appendingPathComponent(package.lastPathComponent + ".ofd")
            let parts = try PackageParts.read(try Data(contentsOf: ofd)).parts
            #expect(
                parts["OFD.xml"] != nil && parts["Doc_0/Document.xml"] != nil
                    && parts["Doc_0/Pages/Page_0/Content.xml"] != nil)
            let sums = try String(contentsOf: package.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            #expect(sums.contains("  \(package.lastPathComponent).ofd\n"))
            let record = try String(contentsOf: package.appendingPathComponent("元数据.xml"), encoding: .utf8)
            #expect(record.contains("<格式信息>OFD (GB/T 33190-2016)</格式信息>"))
            // Its pages for a browser, outside the package.
            let preview = output.appendingPathComponent("版式预览/\(package.lastPathComponent).html")
            #expect(try String(contentsOf: preview, encoding: .utf8).contains("<svg "))
            #expect(!sums.contains(".html"))
        }
        let singles = output.appendingPathComponent("获奖/证书/单份")
        let names = try FileManager.default.contentsOfDirectory(atPath: singles.path)
        #expect(names.filter { $0.hasSuffix(".ofd") }.count == names.filter { $0.hasSuffix(".docx") }.count)
        #expect(try OutputVerifier(folder: output).verify().holds)
        // Without --ofd, no OFD anywhere.
        let (plainFolder, plain) = try build()
        _ = plainFolder
        let all = try TemporaryFolder.contents(of: plain).keys
        #expect(!all.contains { $0.hasSuffix(".ofd") })
    }

    @Test func anUnknownRetentionOrArchiveCopyIsAnErrorNamingTheField() throws {
        let campaign = try TemporaryFolder()
        let folder = campaign.url.appendingPathComponent("c")
        try FileManager.default.copyItem(at: Fixtures.sampleCampaign, to: folder)
        let yaml = folder.appendingPathComponent("campaign.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + "archive: [pdf, tiff]\nretention:\n  commendation: 5年\n")
            .write(
                to: yaml, atomically: true, encoding: .utf8)
        let diagnostics = CampaignReader().read(folder: folder).diagnostics
        #expect(
            diagnostics.contains { $0.code == "retention.invalid" && $0.location.field == "retention.commendation" })
        #expect(diagnostics.contains { $0.code == "archive.invalid" && $0.english.contains("tiff") })
    }

    @Test(arguments: ["flipped byte", "deleted", "added", "truncated", "changed sum"])
    func aDamagedPackageIsNamedAloneAndInTheOutput(_ damage: String) throws {
        let (folder, output) = try build()
        _ = folder
        let package = try #require(try packages(output).first)
        let docx = package.appendingPathComponent(package.lastPathComponent + ".docx")
        let sums = package.appendingPathComponent("SHA256SUMS")
        var named = docx.lastPathComponent
        switch damage {
        case "flipped byte":
            var bytes = [UInt8](try Data(contentsOf: docx))
            bytes[bytes.count / 3] ^= 0x20
            try Data(bytes).write(to: docx)
        case "deleted":
            try FileManager.default.removeItem(at: docx)
        case "added":
            try Data("x".utf8).write(to: package.appendingPathComponent("备注.txt"))
            named = "备注.txt"
        case "truncated":
            let bytes = try Data(contentsOf: docx)
            try bytes.prefix(bytes.count - 10).write(to: docx)
        default:
            var text = try String(contentsOf: sums, encoding: .utf8)
            named = try #require(FixityFile.entries(text)?.first?.name)
            text = "0000" + text.dropFirst(4)
            try text.write(to: sums, atomically: true, encoding: .utf8)
        }
        let alone = PackageVerifier(folder: package).verify()
        #expect(!alone.holds)
        #expect(alone.findings.contains { $0.path == named }, "\(alone.findings)")
        // `gongwen verify PACKAGE` checks the package on its own; `gongwen verify OUTPUT` checks it too.
        let whole = try OutputVerifier(folder: output).verify()
        #expect(whole.findings.contains { $0.path.hasSuffix("/" + named) })
        #expect(try OutputVerifier(folder: package).verify().findings.map(\.path) == alone.findings.map(\.path))
        var command = try Gongwen.parseAsRoot(["verify", package.path])
        #expect(throws: (any Error).self) { try command.run() }
    }

    /// SHA256SUMS saved by an editor on Windows (CR LF, a byte-order mark) verifies as `sha256sum -c` does.
    @Test func fixityWithWindowsLineEndsVerifies() throws {
        let (folder, output) = try build()
        _ = folder
        for package in try packages(output) {
            let sums = package.appendingPathComponent("SHA256SUMS")
            let text = try String(contentsOf: sums, encoding: .utf8)
            try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: sums)
            let report = PackageVerifier(folder: package).verify()
            #expect(report.holds, "\(report.findings)")
            #expect(
                FixityFile.entries(try String(contentsOf: sums, encoding: .utf8))?.map(\.name).sorted()
                    == FixityFile.entries(text)?.map(\.name).sorted())
        }
    }

    /// A DOCX and SHA256SUMS changed together still disagree with the record (元数据.xml), and verify says
    /// which of the three disagree; a record changed alone is named as the odd one.
    @Test func theRecordsHashesAreHeldAgainstTheFixityAndTheFile() throws {
        let (folder, output) = try build()
        _ = folder
        let package = try #require(try packages(output).first)
        let name = package.lastPathComponent + ".docx"
        let docx = package.appendingPathComponent(name)
        let sums = package.appendingPathComponent("SHA256SUMS")
        let record = package.appendingPathComponent("元数据.xml")
        let original = try Data(contentsOf: docx)
        var bytes = [UInt8](original)
        bytes[bytes.count / 3] ^= 0x20
        try Data(bytes).write(to: docx)
        let (_, newDigest) = try FileDigest.sha256(of: docx)
        let oldDigest = FileDigest.sha256(original)
        let text = try String(contentsOf: sums, encoding: .utf8)
        try text.replacingOccurrences(of: oldDigest, with: newDigest).write(to: sums, atomically: true, encoding: .utf8)
        let report = PackageVerifier(folder: package).verify()
        let finding = try #require(report.findings.first { $0.path == name }, "\(report.findings)")
        #expect(finding.kind == .changed && finding.detail.contains("元数据.xml 与文件和 SHA256SUMS 不符"))
        var command = try Gongwen.parseAsRoot(["verify", package.path])
        #expect(throws: (any Error).self) { try command.run() }
        // Put back; then change only the record.
        try original.write(to: docx)
        try text.write(to: sums, atomically: true, encoding: .utf8)
        #expect(PackageVerifier(folder: package).verify().holds)
        let xml = try String(contentsOf: record, encoding: .utf8)
        try xml.replacingOccurrences(of: oldDigest, with: String(repeating: "0", count: 64)).write(
            to: record, atomically: true, encoding: .utf8)
        // The record's own line in SHA256SUMS shows it changed, and the DOCX's hash disagrees with it.
        let named = PackageVerifier(folder: package).verify().findings
        #expect(named.contains { $0.path == "元数据.xml" })
        #expect(named.contains { $0.path == name && $0.detail.contains("元数据.xml 与文件和 SHA256SUMS 不符") })
    }

    @Test(.enabled(if: ExternalToolProbe.hasFontconfig))
    func aFontThatResolvesToASubstituteStopsThePDFAndIsNamed() throws {
        let campaign = try TemporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.sampleCampaign, to: campaign.url.appendingPathComponent("c"))
        let templates = campaign.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Fixtures.templates, to: templates)
        #expect {
            _ = try build(campaign.url.appendingPathComponent("c")) { context in
                context.pdfCopies = true
            }
        } throws: { error in
            let message = "\(error)"
            // This machine has no 方正小标宋简体 (no CI machine has): the error names it and its stand-in.
            return message.contains("方正小标宋简体") && message.contains("--allow-substitute-fonts")
        }
    }
}

/// Whether fontconfig's fc-match is on this machine (it comes with libfontconfig).
enum ExternalToolProbe {
    static let hasFontconfig = ["/usr/bin/fc-match", "/usr/local/bin/fc-match", "/bin/fc-match"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
