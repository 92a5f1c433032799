import Foundation
import GongwenModel

/// A large valid campaign written into a folder, for tests of the build at scale: the sample's campaign.yaml,
/// `declarations` declarations spread over its recommenders, and a plan of half of them. Deterministic, like
/// ../shared/bench/gen_campaign.py (which the benchmarks use); this one needs nothing outside the repository.
public enum LargeCampaign {
    public static func write(to folder: URL, declarations: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.sampleCampaign.appendingPathComponent("campaign.yaml"),
            to: folder.appendingPathComponent("campaign.yaml"))
        let recommenders = ["KFQ", "BSQ", "GXQ", "STC", "DGS", "HGS", "XHS", "BGJ", "HSJ", "LGZ"]
        var declarationsCSV = "序号,推荐单位,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n"
        var planCSV = "计划编号,统一社会信用代码,项目名称,申报单位名称\r\n"
        for index in 0..<declarations {
            let applicant = index / 4
            let code = creditCode(applicant + 1000)
            let name = "天津第\(applicant + 1)号精密制造有限公司"
            let project = "降低加工尺寸超差率（课题\(index + 1)）"
            let row = [
                "\(index + 1)", recommenders[index % recommenders.count], name, code, "制造业", "保税区", project, "王伟",
                "1381234\(String(format: "%04d", index % 10_000))", "qc\(index)@example.cn",
            ]
            declarationsCSV += row.joined(separator: ",") + "\r\n"
            if index % 2 == 0 { planCSV += "JH2019-\(index / 2 + 1),\(code),\(project),\(name)\r\n" }
        }
        try Data(("\u{FEFF}" + declarationsCSV).utf8).write(to: folder.appendingPathComponent("declarations.csv"))
        try Data(("\u{FEFF}" + planCSV).utf8).write(to: folder.appendingPathComponent("plan.csv"))
        // No winners yet: the list's header only (campaign.yaml names the file).
        try Data("\u{FEFF}类别,等级,统一社会信用代码,项目名称,小组名称,所在单位,推荐单位\r\n".utf8).write(
            to: folder.appendingPathComponent("awards.csv"))
    }

    /// A GB 32100 code with a valid organisation code (GB 11714) and check character.
    static func creditCode(_ index: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var organisation = "MA"
        var number = index
        for _ in 0..<6 {
            organisation.append(alphabet[number % 31])
            number /= 31
        }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(organisation, weights).reduce(0) { total, pair in
            let value = pair.0.wholeNumberValue ?? Int(pair.0.asciiValue ?? 55) - 55
            return total + value * pair.1
        }
        let remainder = 11 - sum % 11
        let check = remainder == 10 ? "X" : remainder == 11 ? "0" : String(remainder)
        let first17 = "91120116" + organisation + check
        return first17 + String(CreditCode.checkCharacter(forFirst17: first17) ?? "0")
    }
}
