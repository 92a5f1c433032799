import Foundation
import GongwenModel
import Yams

/// `gongwen init DIR --year 2020`: next year's campaign.yaml from this year's settings.
///
/// Kept: the organisers, the 文号 prefix, the contact, the signatory, the lists (行业, 所在区, award levels),
/// the recommenders (without this year's heads, preparers and dates, which change), the archive settings
/// (`archive:`, `retention:`), the templates setting, the plan-number rule, the award quotas and the number of
/// 优秀推荐单位. `history:` becomes this year's folder and its own earlier years, as the new campaign reaches
/// them, so that next year's projects are checked against every year before (方案 §四: 不得与历年项目雷同).
/// The judges are left out: they are chosen each year.
/// Left for the office: the deadline, the 成文日期 and the 文号 serials, written empty with a comment, so that
/// `check` names each one still to fill.
public enum NextYearCampaign {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func yaml(from folder: URL, year: Int, to target: URL) throws(Failure) -> String {
        let source = folder.appendingPathComponent(CampaignReader.defaultFiles.campaign)
        guard let data = try? Data(contentsOf: source), let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "找不到或无法读取 \(source.path) / cannot read \(source.path)")
        }
        let file: CampaignFile
        do {
            file = try YAMLDecoder().decode(CampaignFile.self, from: text, userInfo: [:])
        } catch {
            throw Failure(description: "\(source.path) 无法读取 / cannot be read: \(error)")
        }
        var lines = [
            "# \(file.title.replacingOccurrences(of: String(file.year), with: String(year))): started by gongwen init"
                + " from \(folder.lastPathComponent). Fill in what is marked 待填写 (to fill in).",
            "title: \(quoted(file.title.replacingOccurrences(of: String(file.year), with: String(year))))",
            "year: \(year)",
            "area: \(quoted(file.area))",
            "organizer:",
            "  name: \(quoted(file.organizer.name))",
        ]
        if let short = file.organizer.shortName { lines.append("  short_name: \(quoted(short))") }
        if let host = file.organizer.host { lines.append("  host: \(quoted(host))") }
        if let co = file.coOrganizer { lines.append("co_organizer: \(quoted(co))") }
        lines += [
            "document_number_prefix: \(quoted(file.documentNumberPrefix))",
            "contact:",
            "  email: \(quoted(file.contact.email))",
            "  phone: \(quoted(file.contact.phone))",
            "declaration_deadline: \"\"  # 待填写：申报截止日期，如 \(year)-04-22",
            "# 待填写：各文件的成文日期，如 call: \(year)-04-08、plan_notice、commendation",
            "issue_dates: {}",
            "# 待填写：各文件的发文字号序号（\(file.documentNumberPrefix)〔\(year)〕N号），如 call: 1",
            "document_numbers: {}",
        ]
        if let signatory = file.signatory { lines.append("signatory: \(quoted(signatory))") }
        for (key, list) in [
            ("award_levels", file.awardLevels), ("industries", file.industries), ("districts", file.districts),
        ] {
            guard let list else { continue }
            lines.append("\(key):")
            lines += list.map { "  - \(quoted($0))" }
        }
        lines.append("recommenders:")
        for recommender in file.recommenders {
            lines.append("  - id: \(quoted(recommender.id))")
            lines.append("    name: \(quoted(recommender.name))")
            if let short = recommender.shortName { lines.append("    short_name: \(quoted(short))") }
            lines.append("    kind: \(quoted(recommender.kind))")
            if let phone = recommender.phone { lines.append("    phone: \(quoted(phone))") }
        }
        if let copies = file.archive?.copies, !copies.isEmpty {
            lines.append("archive: [\(copies.map(quoted).joined(separator: ", "))]")
        }
        if let retention = file.retention, !retention.isEmpty {
            lines.append("retention:")
            lines += retention.sorted { $0.key < $1.key }.map { "  \($0.key): \(quoted($0.value))" }
        }
        if let pattern = file.planNumber { lines.append("plan_number: \(quoted(pattern))") }
        if let quotas = file.awardQuotas, !quotas.isEmpty {
            lines.append("award_quotas:")
            let levels = file.awardLevels ?? Campaign.defaultAwardLevels
            for level in levels {
                if let value = quotas[level] { lines.append("  \(quoted(level)): \(quoted(value.text))") }
            }
        }
        if let count = file.recommenderAwards { lines.append("recommender_awards: \(count)") }
        let base = target.standardizedFileURL.path
        let earlier =
            [folder.standardizedFileURL.path]
            + (file.history ?? []).map {
                URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL.path
            }
        lines.append("# 历年活动（查雷同）/ earlier years, for the originality check")
        lines.append("history:")
        lines += earlier.map { "  - \(quoted(relativePath($0, from: base)))" }
        if let templates = file.templates {
            // The templates folder as the new campaign reaches it.
            let absolute = folder.appendingPathComponent(templates).standardizedFileURL.path
            lines.append("templates: \(quoted(relativePath(absolute, from: target.standardizedFileURL.path)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func relativePath(_ path: String, from base: String) -> String {
        let to = path.split(separator: "/")
        let from = base.split(separator: "/")
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }
}
