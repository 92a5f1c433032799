import GongwenModel

/// Small campaigns and declarations built in code, for tests that check one rule at a time.
public enum TestCampaign {
    public static func make(
        serials: [String: Int] = [:], recommenders: [Recommender] = [recommender()], deadline: (Int, Int) = (4, 22)
    ) -> Campaign {
        guard let deadlineDate = CalendarDate(year: 2019, month: deadline.0, day: deadline.1) else {
            preconditionFailure("a test campaign needs a real deadline day")
        }
        return Campaign(
            title: "2019年滨海新区质量攻关活动", year: 2019, area: "滨海新区",
            organizer: Organization(name: "滨海新区质量工作领导小组办公室", shortName: "区质量工作领导小组办公室", host: "区市场监管局"),
            coOrganizer: "天津市滨海新区质量协会", documentNumberPrefix: "津滨质量组办",
            contact: Contact(email: "scjzjc@tjbh.gov.cn", phone: "65306324"),
            declarationDeadline: deadlineDate,
            documentSerials: serials, signatory: "滨海新区质量工作领导小组办公室", industries: ["制造业"],
            districts: ["保税区"], recommenders: recommenders)
    }

    public static func recommender(id: String = "KFQ", name: String = "天津经济技术开发区市场监督管理局") -> Recommender {
        Recommender(
            id: id, name: name, kind: "功能区市场监管局", head: "王伟", preparer: "李娜", phone: "022-66707955",
            date: CalendarDate(year: 2019, month: 4, day: 19))
    }

    /// A declaration that passes every check; change one field to test one rule.
    public static func declaration(
        row: Int = 2, creditCode: String = "91120116MA05K3L296", projectName: String = "降低曲轴加工尺寸超差率",
        recommender: String = "KFQ", file: String = "declarations.csv"
    ) -> Declaration {
        let columns = Dictionary(
            uniqueKeysWithValues: DeclarationField.allCases.enumerated().map { ($1.rawValue, $0 + 1) })
        return Declaration(
            serial: "1", applicant: "天津海川精密机械有限公司", creditCode: creditCode, industry: "制造业", district: "保税区",
            projectName: projectName, projectLead: "王伟", phone: "13812345678", email: "qc@haichuan-tj.com",
            recommender: recommender, origin: RecordOrigin(file: file, row: row, columns: columns))
    }
}
