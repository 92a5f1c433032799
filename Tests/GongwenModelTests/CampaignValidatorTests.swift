import GongwenModel
import GongwenTestSupport
import Testing

struct CampaignValidatorTests {
    func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.code) }

    @Test func aCleanDeclarationHasNoFindings() {
        let data = CampaignData(campaign: TestCampaign.make(), declarations: [TestCampaign.declaration()])
        #expect(CampaignValidator().validate(data).isEmpty)
    }

    @Test func everyDiagnosticNamesFileRowColumnAndField() throws {
        var declaration = TestCampaign.declaration(row: 7)
        declaration.phone = "12345"
        let data = CampaignData(campaign: TestCampaign.make(), declarations: [declaration])
        let finding = try #require(CampaignValidator().validate(data).first)
        #expect(finding.location == SourceLocation(file: "declarations.csv", row: 7, column: 8, field: "联系方式"))
        #expect(finding.description.hasPrefix("declarations.csv:7:H (联系方式): 错误 error [phone.invalid]"))
        #expect(!finding.chinese.isEmpty && !finding.english.isEmpty)
    }

    @Test func duplicateProjectsAcrossRecommendersAreFoundAfterFolding() {
        let campaign = TestCampaign.make(recommenders: [
            TestCampaign.recommender(), TestCampaign.recommender(id: "BSQ", name: "天津港保税区市场监督管理局"),
        ])
        let first = TestCampaign.declaration(row: 2)
        let again = TestCampaign.declaration(row: 9, projectName: " 降低曲轴加工尺寸超差率", recommender: "BSQ")
        let other = TestCampaign.declaration(row: 10, projectName: "另一个项目", recommender: "BSQ")
        let found = CampaignValidator().validate(CampaignData(campaign: campaign, declarations: [first, again, other]))
        #expect(codes(found) == ["declaration.duplicate"])
        #expect(found.first?.location.row == 9)
        #expect(found.first?.chinese.contains("第2行") == true)
    }

    @Test func checksumSeverityFollowsThePolicy() {
        let data = CampaignData(
            campaign: TestCampaign.make(), declarations: [TestCampaign.declaration(creditCode: "91120116MA05K3L297")])
        #expect(CampaignValidator().validate(data).map(\.severity) == [.error])
        let lenient = CampaignValidator(policy: .init(checksumMismatch: .warning))
        #expect(lenient.validate(data).map(\.severity) == [.warning])
    }

    @Test func unknownRecommenderAndMissingFields() {
        var declaration = TestCampaign.declaration(recommender: "某某局")
        declaration.applicant = "  "
        declaration.email = ""
        let found = CampaignValidator().validate(
            CampaignData(campaign: TestCampaign.make(), declarations: [declaration]))
        #expect(Set(codes(found)) == ["recommender.unknown", "field.required"])
        #expect(
            found.filter { $0.code == "field.required" }.compactMap(\.location.field).sorted()
                == ["申报单位名称", "电子邮箱"].sorted())
    }

    @Test func lateDeclarationsByReceivedDateAndByTableDate() {
        var declaration = TestCampaign.declaration()
        declaration.received = CalendarDate(year: 2019, month: 4, day: 23)
        var recommender = TestCampaign.recommender()
        recommender.date = CalendarDate(year: 2019, month: 4, day: 30)
        let data = CampaignData(campaign: TestCampaign.make(recommenders: [recommender]), declarations: [declaration])
        #expect(codes(CampaignValidator().validate(data)) == ["declaration.late", "declaration.late"])
        let onTime = CampaignData(campaign: TestCampaign.make(), declarations: [TestCampaign.declaration()])
        #expect(CampaignValidator().validate(onTime).isEmpty, "the deadline day itself is on time")
    }

    @Test func documentNumbersAreNeverReused() {
        let campaign = TestCampaign.make(serials: ["call": 3, "plan_notice": 3, "commendation": 12])
        let found = CampaignValidator().validate(CampaignData(campaign: campaign, declarations: []))
        #expect(codes(found) == ["document-number.reused"])
        #expect(found.first?.chinese.contains("津滨质量组办〔2019〕3号") == true)
    }

    @Test func planAndAwardRules() {
        let declaration = TestCampaign.declaration()
        let origin = RecordOrigin(file: "plan.csv", row: 2)
        let plan = [
            PlanEntry(
                planNumber: "P-1", creditCode: declaration.creditCode, projectName: declaration.projectName,
                origin: origin),
            PlanEntry(planNumber: "P-1", creditCode: declaration.creditCode, projectName: "未申报", origin: origin),
        ]
        let awardOrigin = RecordOrigin(file: "awards.csv", row: 2)
        let awards = [
            Award(
                category: .projectResult, level: "一等奖", creditCode: declaration.creditCode,
                projectName: declaration.projectName, origin: awardOrigin),
            Award(
                category: .projectResult, level: "二等奖", creditCode: declaration.creditCode,
                projectName: declaration.projectName, origin: awardOrigin),
            Award(
                category: .group, level: "特等奖", creditCode: declaration.creditCode,
                projectName: declaration.projectName, groupName: "QC小组", origin: awardOrigin),
            Award(category: .recommender, level: "", recommender: "KFQ", origin: awardOrigin),
        ]
        var campaign = TestCampaign.make(serials: ["plan_notice": 5])
        campaign.issueDates["plan_notice"] = CalendarDate(year: 2019, month: 4, day: 30)
        let data = CampaignData(campaign: campaign, declarations: [declaration], plan: plan, awards: awards)
        #expect(
            codes(CampaignValidator().validate(data)) == [
                "plan.number-reused", "plan.undeclared", "award.duplicate", "award.unknown-level",
                "award.group-without-unit",
            ])
    }
}

/// The recommender a form names, as recommenders write it (their seal's wording).
struct RecommenderMatchTests {
    let campaign = TestCampaign.make(recommenders: [
        Recommender(
            id: "HGS", name: "滨海新区市场监督管理局汉沽市场监管所", shortName: "汉沽市场监管所", kind: "市场监管所", head: "",
            preparer: "", phone: "", date: nil),
        Recommender(
            id: "KFQ", name: "天津经济技术开发区市场监督管理局", shortName: "开发区市场监管局", kind: "", head: "", preparer: "",
            phone: "", date: nil),
        Recommender(
            id: "DGS", name: "滨海新区市场监督管理局大港市场监管所", shortName: "大港市场监管所", kind: "", head: "", preparer: "",
            phone: "", date: nil),
    ])

    @Test(arguments: [
        ("滨海新区汉沽市场监督管理所", "HGS"), ("汉沽市场监管所", "HGS"), ("天津市 滨海新区 汉沽市场监督管理所", "HGS"),
        ("经济技术开发区市场监管局", "KFQ"), ("天津经济技术开发区 市场监督管理局", "KFQ"), ("kfq", "KFQ"),
    ])
    func oneMatchIsTaken(_ written: String, _ id: String) {
        guard case .one(let found) = campaign.match(recommender: written) else {
            Issue.record("\(written): no single match")
            return
        }
        #expect(found.id == id)
    }

    @Test func twoMatchesAreRefusedWithBothNamed() {
        var twice = campaign
        twice.recommenders.append(
            Recommender(
                id: "HGS2", name: "天津市汉沽市场监督管理所", shortName: nil, kind: "", head: "", preparer: "", phone: "",
                date: nil))
        guard case .ambiguous(let found) = twice.match(recommender: "滨海新区汉沽市场监督管理所") else {
            Issue.record("not refused as ambiguous")
            return
        }
        #expect(Set(found.map(\.id)) == ["HGS", "HGS2"])
    }

    @Test func noMatchNamesTheClosest() {
        guard case .none(let closest) = campaign.match(recommender: "汉沽区质量协会") else {
            Issue.record("matched")
            return
        }
        #expect(closest.first?.id == "HGS")
    }
}

/// `check` refuses the names `build` could not set in proportion (issue 21: a 3.5 M-character title passed
/// `check` and held `build` for hours).
struct CampaignNameLengthTests {
    @Test func aTitleOverTheLimitIsAnErrorAtItsField() throws {
        var campaign = TestCampaign.make()
        campaign.title = String(repeating: "质量攻关", count: 60)
        campaign.signatory = String(repeating: "办", count: CampaignValidator.maximumNameLength + 1)
        let found = CampaignValidator().validate(CampaignData(campaign: campaign, declarations: []))
        let long = found.filter { $0.code == "campaign.name-too-long" }
        #expect(long.map(\.location.field) == ["title", "signatory"])
        #expect(long.first?.chinese.contains("240 个字符") == true)
        #expect(long.allSatisfy { $0.severity == .error && !$0.english.isEmpty })
    }

    @Test func aTitleAtTheLimitIsAccepted() {
        var campaign = TestCampaign.make()
        campaign.title = String(repeating: "质", count: CampaignValidator.maximumNameLength)
        let found = CampaignValidator().validate(CampaignData(campaign: campaign, declarations: []))
        #expect(!found.contains { $0.code == "campaign.name-too-long" })
    }
}
