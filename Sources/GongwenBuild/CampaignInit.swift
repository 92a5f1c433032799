import Foundation
import GongwenModel
import GongwenReaders

/// `gongwen init DIR --year 2020`: a new campaign folder from an existing campaign's settings, with empty
/// data files holding their header rows. Refuses a folder that already holds anything: nothing is overwritten.
public enum CampaignInit {
    public static func create(_ target: URL, year: Int, from source: URL) throws(GongwenError) {
        guard CampaignValidator.plausibleYears.contains(year) else {
            throw GongwenError(.usage, message: "年度 \(year) 不合理 / year \(year) is not plausible")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard existing.isEmpty else {
            throw GongwenError(
                .io, path: target.path,
                message: "文件夹不是空的，不会覆盖 / the folder is not empty; nothing is overwritten: "
                    + existing.sorted().prefix(5).joined(separator: ", "))
        }
        let yaml: String
        do {
            yaml = try NextYearCampaign.yaml(from: source, year: year, to: target)
        } catch {
            throw GongwenError(.invalidData, path: source.path, message: error.description)
        }
        let header = TableFileEdit.newFileFields.map(\.title).joined(separator: ",")
        let files: [(String, String)] = [
            ("campaign.yaml", yaml),
            ("declarations.csv", "\u{FEFF}" + header + "\r\n"),
            ("plan.csv", "\u{FEFF}计划编号,统一社会信用代码,项目名称,申报单位名称\r\n"),
            ("awards.csv", "\u{FEFF}类别,等级,统一社会信用代码,项目名称,小组名称,所在单位,推荐单位,证书编号\r\n"),
        ]
        for (name, text) in files {
            try AtomicFile.write(Data(text.utf8), to: target.appendingPathComponent(name))
        }
    }
}
