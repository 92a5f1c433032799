import Foundation
import GongwenBuild
import GongwenModel
import GongwenOOXML
import GongwenReaders
import GongwenRendering
import GongwenTestSupport
import Testing

/// The year's two decisions through the commands' code: workbooks out, marked or scored workbooks in, the
/// campaign's data changed as one recorded change.
struct DecisionFlowTests {
    static let fonts = FormLayout.Fonts(body: "仿宋_GB2312", heading: "黑体", title: "方正小标宋简体")

    /// A workbook as a clerk returns it: a title row, the header, the rows (texts; numbers given as text).
    static func workbook(header: [String], rows: [[String]], above: [String] = ["标题"]) throws -> Data {
        let sheet = PlainTableSheet(
            name: "表", title: above[0], lines: Array(above.dropFirst()),
            columns: header.map { .init($0, width: 10) },
            rows: rows.map { $0.map { $0.isEmpty ? Cell.empty(.text) : Cell.text($0, .text) } })
        return try PlainWorkbook.data(
            [sheet], fonts: fonts, core: CorePropertiesPart(title: "t", creator: "c", created: nil))
    }

    func sample() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        return (folder, try folder.copy(Fixtures.sampleCampaign, as: "campaign"))
    }

    func data(_ campaign: URL) throws -> CampaignData {
        try #require(CampaignReader().read(folder: campaign).data)
    }

    @Test func theDraftListsEveryProjectWithThePlanAsItStands() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let (bytes, _) = try PlanSelectionFlow.draft(campaign: campaign)
        let rows = try XLSXReader.firstSheet(bytes)
        let header = try #require(rows.first { $0.texts.contains("是否列入") })
        let body = rows.filter { $0.number > header.number }
        #expect(body.count == 64)
        let marked = body.filter { $0.texts.contains("列入") }
        #expect(marked.count == 43, "the sample's plan has 43 projects")
        #expect(body.contains { $0.texts.contains { $0.contains("雷同提示：与本年") } })
    }

    @Test func aMarkedWorkbookMakesAPlanAndOneMoreLaterKeepsEveryNumber() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let before = try data(campaign)
        let unplanned = before.declarations.filter { declaration in
            !before.plan.contains { $0.projectKey == declaration.projectKey }
        }
        let header = ["统一社会信用代码", "项目名称", "是否列入", "理由"]
        let first = try Self.workbook(
            header: header,
            rows: [
                [unplanned[0].creditCode, unplanned[0].projectName, "列入", ""],
                [unplanned[1].creditCode, unplanned[1].projectName, "不列入", "与历年项目雷同"],
            ])
        let result = try PlanSelectionFlow.importWorkbook(first, named: "筛选表.xlsx", campaign: campaign, dryRun: false)
        #expect(result.selection.added.map(\.planNumber) == ["BHZLGG-2019-044"])
        let after = try data(campaign)
        #expect(after.plan.count == 44)
        #expect(Array(after.plan.prefix(43)).map(\.planNumber) == before.plan.map(\.planNumber))
        // One more project, later: every earlier number kept, the new one after them.
        let second = try Self.workbook(
            header: header, rows: [[unplanned[2].creditCode, unplanned[2].projectName, "是", ""]])
        _ = try PlanSelectionFlow.importWorkbook(second, named: "筛选表2.xlsx", campaign: campaign, dryRun: false)
        let third = try data(campaign)
        #expect(third.plan.prefix(44).map(\.planNumber) == after.plan.map(\.planNumber))
        #expect(third.plan.last?.planNumber == "BHZLGG-2019-045")
        let record = try String(contentsOf: campaign.appendingPathComponent("selection.csv"), encoding: .utf8)
        #expect(record.contains("不列入,与历年项目雷同"))
        // The plan builds: it names only declared projects.
        #expect(!CampaignValidator().validate(third).hasErrors)
        // Undone, the plan is back byte for byte.
        let history = DataHistory(campaign: campaign)
        let original = try Data(contentsOf: Fixtures.sampleCampaign.appendingPathComponent("plan.csv"))
        for entry in history.entries() where entry.action == "plan" { try history.undo(entry.number) }
        #expect(try Data(contentsOf: campaign.appendingPathComponent("plan.csv")) == original)
    }

    @Test func marksOnProjectsThatDoNotExistAreRefusedAndNothingChanges() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let plan = try Data(contentsOf: campaign.appendingPathComponent("plan.csv"))
        let workbook = try Self.workbook(
            header: ["统一社会信用代码", "项目名称", "是否列入"],
            rows: [["91120116MA0N7Y375G", "从未申报的项目", "列入"], ["91120116MA0PC8HU0F", "降低曲轴加工尺寸超差率", "也许"]])
        let error = #expect(throws: GongwenError.self) {
            try PlanSelectionFlow.importWorkbook(workbook, named: "筛选表.xlsx", campaign: campaign, dryRun: false)
        }
        let codes = Set(error?.diagnostics.map(\.code) ?? [])
        #expect(codes == ["selection.unknown-project", "selection.mark"])
        #expect(error?.diagnostics.allSatisfy { $0.location.file == "筛选表.xlsx" && $0.location.row != nil } == true)
        #expect(try Data(contentsOf: campaign.appendingPathComponent("plan.csv")) == plan)
        #expect(DataHistory(campaign: campaign).entries().isEmpty)
    }

    /// Scores for every planned project from one judge: `score(project index, criterion index)`.
    static func scoring(
        judge: String, plan: [PlanEntry], criteria: [String], score: (Int, Int) -> String
    ) throws -> Data {
        try workbook(
            header: ["序号", "计划编号", "项目名称"] + criteria.map { "\($0)（10分）" },
            rows: plan.enumerated().map { index, entry in
                [String(index + 1), entry.planNumber, entry.projectName] + criteria.indices.map { score(index, $0) }
            }, above: ["评分表", JudgeScores.label + judge])
    }

    static let criteria = ["选题", "现状调查", "目标", "原因分析", "要因确认", "对策", "实施", "效果", "巩固", "总结", "发表"]
    static let judges = ["张明远", "李慧敏", "王建国", "赵立新", "陈思远"]

    @Test func fiveJudgesScoresRankThePlanAndTheProposalHonoursTheQuotas() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let plan = try data(campaign).plan
        var generator = SeededGenerator(seed: 9)
        var files: [(data: Data, name: String)] = []
        for judge in Self.judges {
            files.append(
                (
                    try Self.scoring(judge: judge, plan: plan, criteria: Self.criteria) { _, _ in
                        String(Double(generator.next() % 11) / 2)
                    }, "\(judge).xlsx"
                ))
        }
        // Four first: no ranking yet, the fifth is named as still to come.
        let partial = try JudgingFlow.importWorkbooks(Array(files.prefix(4)), campaign: campaign, dryRun: false)
        #expect(partial.missing == ["陈思远"])
        #expect(partial.ranking.isEmpty)
        let result = try JudgingFlow.importWorkbooks([files[4]], campaign: campaign, dryRun: false)
        #expect(result.missing.isEmpty)
        #expect(result.ranking.count == 43)
        let counts = Dictionary(grouping: result.ranking.compactMap(\.level), by: { $0 }).mapValues(\.count)
        #expect(counts == ["一等奖": 4, "二等奖": 8, "三等奖": 13], "⌊10%·43⌋, ⌊30%·43⌋−4, ⌊60%·43⌋−12")
        #expect(
            zip(result.ranking, result.ranking.dropFirst()).allSatisfy { a, b in
                a.aggregateSum * b.aggregateCount >= b.aggregateSum * a.aggregateCount
            })
        for name in [JudgingFiles.scores, JudgingFiles.ranking, JudgingFiles.proposedAwards] {
            #expect(FileManager.default.fileExists(atPath: campaign.appendingPathComponent(name).path))
        }
        // Adopted: the 小组 rows stay, the proposal replaces 项目成果 and 优秀推荐单位; the result still checks.
        let groupsBefore = try data(campaign).awards.filter { $0.category == .group }
        let adoption = try JudgingFlow.adopt(campaign: campaign, dryRun: false)
        let awards = try data(campaign).awards
        #expect(
            awards.filter { $0.category == .group }
                == groupsBefore.map { award in
                    var award = award
                    award.origin.row =
                        awards.first { $0.category == .group && $0.projectKey == award.projectKey }?.origin.row ?? 0
                    return award
                })
        #expect(awards.filter { $0.category == .projectResult }.count == 25)
        #expect(adoption.kept == groupsBefore.count)
        #expect(!CampaignValidator().validate(try data(campaign)).hasErrors)
    }

    @Test func theJudgingSummaryIsArchivedWithTheDecisionAndListedInItsRecord() throws {
        let (folder, campaign) = try sample()
        let plan = try data(campaign).plan
        let files = try Self.judges.map { judge in
            (
                try Self.scoring(judge: judge, plan: plan, criteria: Self.criteria) { project, _ in
                    String(project % 5)
                }, "\(judge).xlsx"
            )
        }
        _ = try JudgingFlow.importWorkbooks(files, campaign: campaign, dryRun: false)
        let output = folder.url.appendingPathComponent("output")
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: Fixtures.templates, outputFolder: output)
        try BuildPipeline(steps: BuildStep.all).run(&context)
        let root = output.appendingPathComponent("归档包")
        let decision = try #require(
            try FileManager.default.contentsOfDirectory(atPath: root.path).first { $0.contains("12号") })
        let package = root.appendingPathComponent(decision)
        let record = try String(contentsOf: package.appendingPathComponent("元数据.xml"), encoding: .utf8)
        let sums = try String(contentsOf: package.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        for name in ["xlsx", "docx", "html", "csv"].map({ "依据材料-评审结果汇总表.\($0)" }) {
            let bytes = try Data(contentsOf: package.appendingPathComponent(name))
            #expect(record.contains("<计算机文件名>\(name)</计算机文件名>"))
            #expect(sums.contains("\(FileDigest.sha256(bytes))  \(name)"))
        }
        #expect(record.contains("<文档 类型=\"依据材料\">"))
        let summary = try XLSXReader.firstSheet(
            Data(contentsOf: package.appendingPathComponent("依据材料-评审结果汇总表.xlsx")))
        #expect(summary.contains { $0.texts.contains("建议等级") })
        #expect(summary.count == 2 + plan.count, "title, header, one row per project")
    }

    @Test func anOutOfRangeScoreIsRefusedNamingJudgeProjectAndCriterion() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let plan = try data(campaign).plan
        let workbook = try Self.scoring(judge: "王建国", plan: plan, criteria: Self.criteria) { project, criterion in
            project == 2 && criterion == 7 ? "16" : "5"
        }
        let error = #expect(throws: GongwenError.self) {
            try JudgingFlow.importWorkbooks([(workbook, "王建国.xlsx")], campaign: campaign, dryRun: false)
        }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(error?.diagnostics.count == 1)
        #expect(diagnostic.code == "scoring.out-of-range")
        #expect(diagnostic.chinese.contains("王建国") && diagnostic.chinese.contains(plan[2].planNumber))
        #expect(diagnostic.chinese.contains("效果") && diagnostic.chinese.contains("0–15"))
        #expect(diagnostic.location.row == 3 + 3, "title, judge line, header, then the third project")
        #expect(!FileManager.default.fileExists(atPath: campaign.appendingPathComponent(JudgingFiles.scores).path))
    }

    @Test func theJudgesFormsAreProtectedWithEveryScoreCellLimited() throws {
        let (folder, campaign) = try sample()
        let urls = try JudgingFlow.forms(campaign: campaign, to: folder.url.appendingPathComponent("forms"))
        #expect(urls.map(\.lastPathComponent) == Self.judges.map { "评分表-\($0).xlsx" })
        let sheet = try PackageParts.text("xl/worksheets/sheet1.xml", in: Data(contentsOf: urls[0]))
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        #expect(sheet.components(separatedBy: "type=\"decimal\"").count - 1 == 11)
        #expect(sheet.contains("<formula2>15</formula2>"), "效果: 0–15")
        #expect(!sheet.contains("<f>"), "no formulas")
    }

    /// A workbook already where the forms go (one a judge may have filled in) is not replaced without being
    /// asked, and then nothing is written.
    @Test func theJudgesFormsNeverReplaceAWorkbookAlreadyThere() throws {
        let (folder, campaign) = try sample()
        let forms = folder.url.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        let filled = forms.appendingPathComponent("评分表-王建国.xlsx")
        try Data("filled in".utf8).write(to: filled)
        #expect(throws: GongwenError.self) { try JudgingFlow.forms(campaign: campaign, to: forms) }
        #expect(try Data(contentsOf: filled) == Data("filled in".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: forms.path) == ["评分表-王建国.xlsx"])
        let written = try JudgingFlow.forms(campaign: campaign, to: forms, replacing: true)
        #expect(written.count == 5)
        #expect(try Data(contentsOf: filled) != Data("filled in".utf8))
        // The atomic write that never replaces: refused on a name that is taken, the file and folder as they were.
        let marked = folder.url.appendingPathComponent("项目筛选表.xlsx")
        try Data("marks".utf8).write(to: marked)
        #expect(throws: GongwenError.self) { try AtomicFile.write(Data("new".utf8), to: marked, replacing: false) }
        #expect(try Data(contentsOf: marked) == Data("marks".utf8))
        #expect(
            !(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)).contains {
                $0.contains("gongwen-tmp")
            })
    }

    @Test func checkFlagsARenamedProjectOfAnEarlierYear() throws {
        let (folder, campaign) = try sample()
        _ = folder
        let yaml = campaign.appendingPathComponent("campaign.yaml")
        let history = Fixtures.campaign("binhai-2018").path
        try (String(contentsOf: yaml, encoding: .utf8) + "history: [\"\(history)\"]\n").write(
            to: yaml, atomically: true, encoding: .utf8)
        let review = OriginalityReview.run(try data(campaign), campaign: campaign)
        let earlier = review.findings.filter(\.isEarlierYear)
        #expect(
            Set(earlier.map(\.match.projectName)) == [
                "关于提高大体积混凝土浇筑的一次验收合格率项目", "2018年降低精馏工序单位产品综合能耗", "缩短方便面包装生产线换型时间",
            ])
        #expect(earlier.allSatisfy { $0.match.year == 2018 })
        #expect(review.historyProjects == 11)
    }
}
