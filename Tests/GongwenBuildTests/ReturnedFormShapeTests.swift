import Foundation
import GongwenBuild
import GongwenModel
import GongwenReaders
import GongwenTestSupport
import Testing

/// Returned forms as they arrive: formula payloads and over-long cells reject their row, the rest goes in.
struct ReturnedFormShapeTests {
    static let good = "1,天津新公司有限公司,91120116MA05K3L296,制造业,经济技术开发区,提高新产品一次合格率,周明,13900001111,a@b.cn"

    func importing(_ rows: [String]) throws -> (TemporaryFolder, Importer.Result) {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let form = folder.url.appendingPathComponent("KFQ.csv")
        try ImporterTests.form("天津经济技术开发区市场监督管理局", rows: rows).write(to: form)
        return (folder, try Importer(options: Importer.Options(campaign: campaign, files: [form])).run())
    }

    /// One row per text field, each with a payload in that field; the good row is imported, every other is not.
    @Test(arguments: [
        (2, "=HYPERLINK(\"http://x\",\"点击\")"), (6, "+1+1"), (7, "-2+3"), (4, "@SUM(A1)"), (5, "\t=1+1"),
    ])
    func aFormulaInATextFieldRejectsItsRow(_ column: Int, _ payload: String) throws {
        var fields = Self.good.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column - 1] = "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        fields[5] = column == 6 ? fields[5] : "另一个项目"
        let (folder, result) = try importing([Self.good, fields.joined(separator: ",")])
        _ = folder
        #expect(result.files[0].accepted.count == 1)
        let codes = result.files[0].rejected.flatMap(\.diagnostics).map(\.code)
        #expect(codes.contains("import.formula"), "\(codes)")
        #expect(result.files[0].rejected.first?.diagnostics.first { $0.code == "import.formula" }?.location.row == 6)
    }

    @Test func aFormulaInTheCodeThePhoneOrTheEmailIsNotACodePhoneOrEmail() throws {
        let row = "2,天津甲公司,\"=\"\"91120116MA05K3L296\"\"\",制造业,保税区,项目乙,王五,=13900001111,=a@b.cn"
        let (folder, result) = try importing([Self.good, row])
        _ = folder
        let codes = Set(result.files[0].rejected.flatMap(\.diagnostics).map(\.code))
        #expect(codes.isSuperset(of: ["phone.invalid", "import.formula"]))
        #expect(codes.contains { $0.hasPrefix("credit-code.") })
    }

    @Test func aCellOfFortyThousandCharactersRejectsOnlyItsRow() throws {
        let long = String(repeating: "长", count: 40_000)
        let rows = [
            Self.good, "2,天津乙公司,91120116103714508P,建筑业,保税区,\(long),赵敏,13812345678,c@d.cn",
            "3,天津丙公司,93120116MA06P7R18N,制造业,保税区,缩短灭菌周期,陈静,66707955,e@f.cn",
        ]
        let (folder, result) = try importing(rows)
        _ = folder
        #expect(result.files[0].refusal == nil)
        #expect(result.files[0].accepted.count == 2)
        let finding = try #require(result.files[0].rejected.first?.diagnostics.first { $0.code == "field.too-long" })
        #expect(finding.location.row == 6 && finding.chinese.contains(String(repeating: "长", count: 20)))
    }
}

/// The form's 推荐单位 line as the recommender writes it.
struct ReturnedFormRecommenderTests {
    @Test func theSealsWordingFindsTheRecommender() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let form = folder.url.appendingPathComponent("form.csv")
        try ImporterTests.form("天津市经济技术开发区市场监管局", rows: [ReturnedFormShapeTests.good]).write(to: form)
        let result = try Importer(options: Importer.Options(campaign: campaign, files: [form])).run()
        #expect(result.files[0].recommender == "KFQ")
        #expect(result.files[0].accepted.count == 1)
    }

    @Test func anUnknownRecommenderIsRefusedWithTheClosestNamed() throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let form = folder.url.appendingPathComponent("form.csv")
        try ImporterTests.form("保税区质量协会", rows: [ReturnedFormShapeTests.good]).write(to: form)
        let result = try Importer(options: Importer.Options(campaign: campaign, files: [form])).run()
        let refusal = try #require(result.files[0].refusal)
        #expect(refusal.chinese.contains("（BSQ）") && refusal.chinese.contains("--recommender"))
    }
}
