import Foundation
import GongwenBuild
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

struct ImporterTests {
    /// A returned CSV form for a recommender, as exported from the form: title rows, header, data rows.
    static func form(_ recommender: String, rows: [String]) -> Data {
        let text =
            "附件 2,,,,,,,,\r\n2019年滨海新区质量攻关重点项目申报表,,,,,,,,\r\n推荐单位(公章):\(recommender),,,,,,,,\r\n"
            + "序号,申报单位名称（与公章一致）,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n"
            + rows.joined(separator: "\r\n") + "\r\n推荐部门负责人:王伟,,,,,,,,\r\n"
        return Data(("\u{FEFF}" + text).utf8)
    }

    func setUp(_ forms: [(String, Data)]) throws -> (TemporaryFolder, Importer.Options) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        var files: [URL] = []
        for (name, data) in forms {
            let url = folder.url.appendingPathComponent(name)
            try data.write(to: url)
            files.append(url)
        }
        return (folder, Importer.Options(campaign: campaign, files: files))
    }

    func declarations(_ options: Importer.Options) throws -> [Declaration] {
        try #require(CampaignReader().read(folder: options.campaign).data).declarations
    }

    let newRow = "1,天津新公司有限公司,91120116MA05K3L296,制造业,经济技术开发区,提高新产品一次合格率,周明,13900001111,a@b.cn"

    @Test func reImportingAddsToThatRecommendersRowsAndTouchesNoOther() throws {
        let (folder, options) = try setUp([("KFQ.csv", Self.form("天津经济技术开发区市场监督管理局", rows: [newRow]))])
        _ = folder
        let result = try Importer(options: options).run()
        #expect(result.isComplete)
        let after = try declarations(options)
        #expect(
            after.filter { $0.recommender == "KFQ" || $0.recommender.hasPrefix("天津经济") }.map(\.projectName) == [
                "降低曲轴加工尺寸超差率", "提高装配式构件安装一次验收合格率", "提高新产品一次合格率",
            ])
        #expect(after.filter { $0.recommender.contains("保税区") }.map(\.projectName) == ["降低注射器印刷返工率"], "BSQ untouched")
        #expect(
            FileManager.default.fileExists(atPath: options.campaign.appendingPathComponent("import-report.html").path))
    }

    @Test func aDuplicateOfAnotherRecommendersProjectIsRejectedTheRestImported() throws {
        let duplicate = "2,天津泰丰医疗器械有限公司,93120116MA06P7R18N,制造业,保税区,降低注射器印刷返工率,陈静,66707955,c@d.cn"
        let (folder, options) = try setUp([("KFQ.csv", Self.form("KFQ", rows: [newRow, duplicate]))])
        _ = folder
        let result = try Importer(options: options).run()
        #expect(result.files[0].accepted.count == 1)
        #expect(result.files[0].rejected.map(\.row) == [6])
        #expect(result.files[0].rejected[0].diagnostics.map(\.code) == ["declaration.duplicate"])
    }

    @Test func allOrNothingImportsNothingFromAFileWithAnError() throws {
        let bad = "2,天津坏公司,91120116MA05K3L297,制造业,保税区,另一个项目,李雷,12345,x@y.cn"
        var (folder, options) = try setUp([("KFQ.csv", Self.form("KFQ", rows: [newRow, bad]))])
        _ = folder
        let before = try declarations(options)
        options.allOrNothing = true
        let result = try Importer(options: options).run()
        #expect(result.files[0].accepted.isEmpty)
        #expect(try declarations(options) == before, "the declarations file is unchanged")
    }

    @Test func aRefusedFileDoesNotStopTheOthersAndLateFormsAreRejected() throws {
        var (folder, options) = try setUp([
            ("broken.xlsx", Data("not a zip".utf8)), ("KFQ.csv", Self.form("KFQ", rows: [newRow])),
        ])
        _ = folder
        options.received = CalendarDate(year: 2019, month: 4, day: 25)
        let result = try Importer(options: options).run()
        #expect(result.files[0].refusal?.chinese.contains("不是 Excel 工作簿") == true)
        #expect(result.files[1].rejected.first?.diagnostics.map(\.code) == ["declaration.late"])
        options.received = CalendarDate(year: 2019, month: 4, day: 22)
        #expect(try Importer(options: options).run().files[1].accepted.count == 1, "the deadline day is on time")
    }

    @Test func aFormWithoutItsRecommenderNeedsTheOption() throws {
        var (folder, options) = try setUp([("anon.csv", Self.form("", rows: [newRow]))])
        _ = folder
        #expect(try Importer(options: options).run().files[0].refusal?.english.contains("--recommender") == true)
        options.recommender = "BSQ"
        #expect(try Importer(options: options).run().files[0].accepted.count == 1)
    }

    @Test func atomicWritesNeverLoseTheOldFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("declarations.csv")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        #expect(throws: GongwenError.self) { try AtomicFile.write(Data("new".utf8), to: target) }
        #expect(try Data(contentsOf: target.appendingPathComponent("inside")) == Data("keep".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["declarations.csv"])
    }
}

/// Corrections as recommenders make them (issue 22): a form with only the corrected row changes that row and
/// keeps the others; rows go only when the form is confirmed to replace them; every import can be undone byte
/// for byte; refused rows stay on record until the recommender's next form.
struct CorrectionImportTests {
    /// KFQ with three rows in the data.
    func setUp() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let extra =
            "4,KFQ,天津新港船舶重工有限公司,91120116MA05K3L296,制造业,经济技术开发区,缩短船体分段合拢周期,孙丽,13611112222,ss@xg.cn\r\n"
        let url = campaign.appendingPathComponent("declarations.csv")
        try (try Data(contentsOf: url) + Data(extra.utf8)).write(to: url)
        return (folder, campaign)
    }

    func kfq(_ campaign: URL) throws -> [Declaration] {
        try #require(CampaignReader().read(folder: campaign).data).declarations.filter { $0.recommender == "KFQ" }
    }

    /// The one corrected row, as a recommender sends it back: numbered 1, a new phone number.
    static let corrected =
        "1,天津海川精密机械有限公司,91120116MA05K3L296,制造业,经济技术开发区,降低曲轴加工尺寸超差率,王伟,13899998888,qc@haichuan-tj.com"

    @Test func oneCorrectedRowChangesThatRowAndKeepsTheOthers() throws {
        let (folder, campaign) = try setUp()
        let form = folder.url.appendingPathComponent("KFQ.csv")
        try ImporterTests.form("KFQ", rows: [Self.corrected]).write(to: form)
        #expect(try kfq(campaign).count == 3)
        // Shown first: nothing written.
        var options = Importer.Options(campaign: campaign, files: [form])
        options.dryRun = true
        let data = { try TemporaryFolder.contents(of: campaign).filter { $0.key != ".gongwen-lock" } }
        let before = try data()
        let preview = try Importer(options: options).run()
        #expect(try data() == before, "a dry run writes nothing")
        let change = try #require(preview.changes.first)
        #expect(change.changed.count == 1 && change.changed[0].fields.map(\.field) == [.phone])
        #expect(change.kept.count == 2 && change.removed.isEmpty && change.added.isEmpty)
        // Then done: still three rows, the phone changed in place, the 序号 kept.
        options.dryRun = false
        let result = try Importer(options: options).run()
        let rows = try kfq(campaign)
        #expect(rows.count == 3)
        #expect(rows[0].projectName == "降低曲轴加工尺寸超差率" && rows[0].phone == "13899998888" && rows[0].serial == "1")
        #expect(rows.map(\.projectName) == ["降低曲轴加工尺寸超差率", "提高装配式构件安装一次验收合格率", "缩短船体分段合拢周期"])
        #expect(result.entry?.summary.first?.contains("修改 1 行（联系方式）") == true, "\(String(describing: result.entry))")
    }

    @Test func withReplaceTheTwoRowsTheFormLacksAreRemovedAndListed() throws {
        let (folder, campaign) = try setUp()
        let form = folder.url.appendingPathComponent("KFQ.csv")
        try ImporterTests.form("KFQ", rows: [Self.corrected]).write(to: form)
        var options = Importer.Options(campaign: campaign, files: [form])
        options.replace = true
        let result = try Importer(options: options).run()
        #expect(
            result.changes.first?.removed.map(\.projectName) == ["提高装配式构件安装一次验收合格率", "缩短船体分段合拢周期"])
        #expect(try kfq(campaign).map(\.projectName) == ["降低曲轴加工尺寸超差率"])
        let report = try String(contentsOf: campaign.appendingPathComponent("import-report.csv"), encoding: .utf8)
        #expect(report.contains("已删除") && report.contains("缩短船体分段合拢周期"))
    }

    @Test func undoRestoresTheDataFilesByteForByte() throws {
        let (folder, campaign) = try setUp()
        let declarations = campaign.appendingPathComponent("declarations.csv")
        let original = try Data(contentsOf: declarations)
        // An import that adds, changes and (confirmed) removes rows.
        let form = folder.url.appendingPathComponent("KFQ.csv")
        let added = "2,天津新公司有限公司,91120116MA05K3L296,制造业,经济技术开发区,提高新产品一次合格率,周明,13900001111,a@b.cn"
        try ImporterTests.form("KFQ", rows: [Self.corrected, added]).write(to: form)
        var options = Importer.Options(campaign: campaign, files: [form])
        options.replace = true
        let result = try Importer(options: options).run()
        let change = try #require(result.changes.first)
        #expect(change.added.count == 1 && change.changed.count == 1 && change.removed.count == 2)
        let imported = try Data(contentsOf: declarations)
        #expect(imported != original)
        let history = DataHistory(campaign: campaign)
        let entry = try #require(result.entry)
        #expect(history.entries().first == entry && entry.state == "done")
        let undo = try history.undo(entry.number)
        #expect(try Data(contentsOf: declarations) == original, "byte for byte")
        #expect(history.entries().first { $0.number == entry.number }?.state == "undone")
        // The undo is a change too: undoing it brings the import back.
        try history.undo(undo.number)
        #expect(try Data(contentsOf: declarations) == imported)
        // A file changed by hand since is never overwritten by an undo.
        try (imported + Data("\r\n".utf8)).write(to: declarations)
        #expect(throws: GongwenError.self) { try history.undo(undo.number + 1) }
    }

    @Test func refusedRowsStayOnRecordUntilTheNextForm() throws {
        let (folder, campaign) = try setUp()
        let form = folder.url.appendingPathComponent("KFQ.csv")
        let wrong = "2,天津坏公司,91120116MA05K3L29X,制造业,经济技术开发区,另一个项目,李雷,13900001111,x@y.cn"
        try ImporterTests.form("KFQ", rows: [Self.corrected, wrong]).write(to: form)
        _ = try Importer(options: Importer.Options(campaign: campaign, files: [form])).run()
        let open = RefusedRows(campaign: campaign).load()
        let entry = try #require(open["KFQ"])
        #expect(entry.file == "KFQ.csv" && entry.rows.map(\.row) == [6])
        #expect(entry.rows[0].values["projectName"] == "另一个项目")
        #expect(entry.rows[0].problems.contains { $0.field == "creditCode" })
        // The corrected form: nothing refused, the record goes.
        let fixed = "2,天津坏公司,91120116MA05K3L296,制造业,经济技术开发区,另一个项目,李雷,13900001111,x@y.cn"
        try ImporterTests.form("KFQ", rows: [fixed]).write(to: form)
        _ = try Importer(options: Importer.Options(campaign: campaign, files: [form])).run()
        #expect(RefusedRows(campaign: campaign).load()["KFQ"] == nil)
    }
}
