import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

/// `check` catches what `build` would refuse, names the root cause first, and stays bounded on garbage.
struct CheckSafetyTests {
    func campaign(_ edit: (URL) throws -> Void) throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        try edit(campaign)
        return (folder, campaign)
    }

    func check(_ campaign: URL) -> [Diagnostic] {
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: campaign)
        do {
            try BuildPipeline(steps: [.read, .validate]).run(&context)
        } catch {
            return error.diagnostics
        }
        return context.diagnostics
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func aValueLongerThanAnExcelCellIsAnErrorWithItsPlace() throws {
        let long = String(repeating: "长", count: 32_768)
        let (folder, campaign) = try campaign { url in
            try Self.replace("降低曲轴加工尺寸超差率", with: long, in: url.appendingPathComponent("declarations.csv"))
        }
        _ = folder
        let found = check(campaign).filter { $0.code == "field.too-long" }
        #expect(found.count == 1)
        #expect(found.first?.location.row == 2 && found.first?.location.field == "项目名称")
    }

    @Test func fileNamesFromDataFitInTheFileSystemWithoutBidiControls() {
        let emoji = String(repeating: "😀", count: 60)
        #expect(FileNaming.safe(emoji).utf8.count <= FileNaming.maximumBytes)
        let combining = "e" + String(repeating: "\u{0301}", count: 300)
        #expect(FileNaming.safe(combining).utf8.count <= FileNaming.maximumBytes)
        #expect(FileNaming.safe("合同\u{202E}fdp.exe") == "合同fdp.exe")
        #expect(FileNaming.safe("\u{2066}甲\u{2069}\u{200F}乙") == "甲乙")
    }

    @Test func aCampaignWithEmojiAndCombiningMarksInNamesBuilds() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        // One recommender's name, everywhere it appears: 61 emoji (244 bytes), then one letter carrying 300
        // combining marks (one character, 601 bytes): its certificate's file name must still fit in 255 bytes.
        for (old, new) in [
            ("天津经济技术开发区市场监督管理局", String(repeating: "😀", count: 61)),
            ("天津港保税区市场监督管理局", "天津e" + String(repeating: "\u{0301}", count: 300)),
        ] {
            for file in ["campaign.yaml", "declarations.csv", "awards.csv", "plan.csv"] {
                try Self.replace(old, with: new, in: campaign.appendingPathComponent(file))
            }
        }
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates,
            outputFolder: folder.url.appendingPathComponent("output"))
        try BuildPipeline(steps: BuildStep.all).run(&context)
        #expect(context.files.allSatisfy { $0.path.split(separator: "/").allSatisfy { $0.utf8.count <= 255 } })
    }

    @Test func anImplausibleYearAndADateOutsideItAreErrors() throws {
        let (folder, campaign) = try campaign { url in
            let yaml = url.appendingPathComponent("campaign.yaml")
            try Self.replace("year: 2019", with: "year: 9223372036854775807", in: yaml)
        }
        _ = folder
        #expect(check(campaign).contains { $0.code == "campaign.year" && $0.location.field == "year" })
        let (other, dated) = try self.campaign { url in
            try Self.replace(
                "declaration_deadline: 2019-04-22", with: "declaration_deadline: 2021-04-22",
                in: url.appendingPathComponent("campaign.yaml"))
        }
        _ = other
        #expect(check(dated).contains { $0.code == "date.outside-year" && $0.location.field == "declaration_deadline" })
    }

    @Test func anUnreadableDeclarationsTableIsTheOnlyError() throws {
        // The sample has a plan and awards that refer to the declarations: none of them may be reported.
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.sampleCampaign, as: "campaign")
        let declarations = campaign.appendingPathComponent("declarations.csv")
        var text = try String(contentsOf: declarations, encoding: .utf8)
        text.insert(contentsOf: "\"", at: try #require(text.range(of: "\r\n")).upperBound)
        try text.write(to: declarations, atomically: true, encoding: .utf8)
        let diagnostics = check(campaign)
        #expect(diagnostics.errors.first?.code == "csv.unterminated-quote")
        #expect(diagnostics.errors.count == 1, "no follow-on errors: \(diagnostics.errors.map(\.code))")
    }

    @Test func garbageRowsGiveBoundedDiagnostics() throws {
        let rows = (0..<3_000).map { "\($0),XXX,,12,,,,,,bad" }.joined(separator: "\r\n")
        let (folder, campaign) = try campaign { url in
            try Data(
                ("序号,推荐单位,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n" + rows).utf8
            ).write(to: url.appendingPathComponent("declarations.csv"))
        }
        _ = folder
        let diagnostics = check(campaign)
        let perCode = Dictionary(grouping: diagnostics.filter { $0.code != "diagnostics.more" }, by: \.code)
        #expect(perCode.values.allSatisfy { $0.count <= DiagnosticLimit.perFileAndCode })
        let summaries = diagnostics.filter { $0.code == "diagnostics.more" }
        #expect(!summaries.isEmpty)
        #expect(summaries.contains { $0.english.contains("2,800 more") })
    }

    @Test(arguments: [
        ("UTF-16LE without a BOM", String.Encoding.utf16LittleEndian, true, ""),
        ("UTF-32 with a BOM", String.Encoding.utf32, true, ""),
        ("Big5", String.Encoding(rawValue: 0x8000_0A03), false, "Big5"),
        ("Shift-JIS", String.Encoding.shiftJIS, false, "Shift-JIS"),
    ])
    func encodingsAreReadOrNamed(_ label: String, _ encoding: String.Encoding, _ readable: Bool, _ named: String)
        throws
    {
        let source = try String(
            contentsOf: Fixtures.campaign("valid-small").appendingPathComponent("declarations.csv"), encoding: .utf8)
        // Big5 and Shift-JIS hold no simplified 申报; the file is what a Taiwanese or Japanese Excel would save.
        let text =
            readable
            ? source.replacingOccurrences(of: "\u{FEFF}", with: "")
            : "序號,推薦單位,項目名稱\r\n1,東京,品質改善\r\n"
        let data = try #require(text.data(using: encoding))
        let (table, diagnostics) = CampaignTables.declarations(from: data, file: "declarations.csv")
        if readable {
            #expect(table.count == 3, "\(label): \(diagnostics)")
        } else {
            #expect(diagnostics.contains { $0.code == "file.encoding" && $0.english.contains(named) }, "\(label)")
        }
    }

    /// One stray byte in an otherwise UTF-8 file is placed at its line and character, so it can be found.
    @Test func anInvalidUTF8ByteIsPlacedAtItsLineAndCharacter() throws {
        let source = try String(
            contentsOf: Fixtures.campaign("valid-small").appendingPathComponent("declarations.csv"), encoding: .utf8)
        var lines = source.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
        #expect(lines.count > 3)
        var bytes = Data(lines[0..<2].joined(separator: "\r\n").utf8) + Data("\r\n".utf8)
        bytes += Data("3,天津".utf8) + Data([0xFF]) + Data(lines[2].dropFirst(4).utf8)
        lines.removeFirst(3)
        bytes += Data(("\r\n" + lines.joined(separator: "\r\n")).utf8)
        let (_, diagnostics) = CampaignTables.declarations(from: bytes, file: "declarations.csv")
        let finding = try #require(diagnostics.first { $0.code == "file.encoding" }, "\(diagnostics)")
        #expect(finding.location.row == 3)
        #expect(finding.chinese.contains("第3行第5个字符") && finding.chinese.contains("0xFF"), "\(finding.chinese)")
        #expect(finding.english.contains("line 3, character 5"))
        #expect(TextDecoding.firstInvalidUTF8(Data("ab\ncd".utf8)) == nil)
        #expect(TextDecoding.firstInvalidUTF8(Data([0x61, 0x0A, 0xE4, 0xB8])).map { [$0.line, $0.column] } == [2, 1])
        #expect(TextDecoding.firstInvalidUTF8(Data([0xED, 0xA0, 0x80])).map(\.byte) == 0xA0, "a surrogate")
    }

    @Test func anEmptyCampaignFileAndADuplicateKeySayWhatIsWrongAndWhere() throws {
        let (folder, empty) = try campaign { url in
            try Data().write(to: url.appendingPathComponent("campaign.yaml"))
        }
        _ = folder
        let emptyFinding = try #require(CampaignReader().read(folder: empty).diagnostics.first)
        #expect(emptyFinding.code == "yaml.empty" && emptyFinding.chinese.contains("空"))
        let (other, duplicate) = try campaign { url in
            let yaml = url.appendingPathComponent("campaign.yaml")
            try (String(contentsOf: yaml, encoding: .utf8) + "year: 2020\n").write(
                to: yaml, atomically: true, encoding: .utf8)
        }
        _ = other
        let duplicateFinding = try #require(CampaignReader().read(folder: duplicate).diagnostics.first)
        #expect(duplicateFinding.code == "yaml.duplicate-key" && duplicateFinding.location.row != nil)
        #expect(duplicateFinding.chinese.contains("year"))
    }
}
