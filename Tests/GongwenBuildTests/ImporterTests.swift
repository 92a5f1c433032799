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

    @Test func reImportingReplacesOnlyThatRecommendersRows() throws {
        let (folder, options) = try setUp([("KFQ.csv", Self.form("天津经济技术开发区市场监督管理局", rows: [newRow]))])
        _ = folder
        let result = try Importer(options: options).run()
        #expect(result.isComplete)
        let after = try declarations(options)
        #expect(after.filter { $0.recommender == "天津经济技术开发区市场监督管理局" }.map(\.projectName) == ["提高新产品一次合格率"])
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
        #expect(result.files[0].refusal?.chinese.contains("不是 XLSX") == true)
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
