import Foundation
import GongwenModel
import Yams

extension CampaignReader {
    /// Mapping stage: the decoded file → the model's Campaign, with a diagnostic for every date that is not one.
    func makeCampaign(_ file: CampaignFile, name: String, diagnostics: inout [Diagnostic]) -> Campaign? {
        func date(_ text: String?, field: String) -> CalendarDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = CalendarDate(parsing: text) else {
                diagnostics.append(
                    Diagnostic(
                        .error, "date.invalid", at: SourceLocation(file: name, field: field),
                        chinese: "“\(text)”不是有效日期（如 2019-04-22）", english: "\"\(text)\" is not a date (e.g. 2019-04-22)"
                    ))
                return nil
            }
            return date
        }
        var issueDates: [String: CalendarDate] = [:]
        for (key, text) in (file.issueDates ?? [:]).sorted(by: { $0.key < $1.key }) {
            issueDates[key] = date(text, field: "issue_dates.\(key)")
        }
        let recommenders = file.recommenders.enumerated().map { index, item in
            Recommender(
                id: item.id, name: item.name, shortName: item.shortName, kind: item.kind, head: item.head ?? "",
                preparer: item.preparer ?? "", phone: item.phone ?? "",
                date: date(item.date, field: "recommenders[\(index + 1)].date"))
        }
        // A new campaign (`gongwen init`) starts without 成文日期 and 文号: say what is still to fill in.
        for (key, label, english, empty) in [
            ("issue_dates", "成文日期", "issue dates", file.issueDates?.isEmpty ?? true),
            ("document_numbers", "发文字号", "document numbers", file.documentNumbers?.isEmpty ?? true),
        ] where empty {
            diagnostics.append(
                Diagnostic(
                    .warning, "campaign.unset", at: SourceLocation(file: name, field: key),
                    chinese: "尚未填写各文件的\(label)（\(key)：call、plan_notice、commendation），发文前须填写",
                    english: "no \(english) yet (\(key): call, plan_notice, commendation); fill them in before issuing")
            )
        }
        guard !file.declarationDeadline.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    .error, "campaign.unset", at: SourceLocation(file: name, field: "declaration_deadline"),
                    chinese: "尚未填写申报截止日期 declaration_deadline（如 \(file.year)-04-22）",
                    english: "declaration_deadline is not filled in yet (e.g. \(file.year)-04-22)"))
            return nil
        }
        guard let deadline = date(file.declarationDeadline, field: "declaration_deadline") else { return nil }
        var retention: [String: Retention] = [:]
        for (key, text) in (file.retention ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let value = Retention(parsing: text) else {
                diagnostics.append(
                    Diagnostic(
                        .error, "retention.invalid", at: SourceLocation(file: name, field: "retention.\(key)"),
                        chinese: "保管期限“\(text)”无效，应为 永久、30年 或 10年（DA/T 22-2015）",
                        english: "retention \"\(text)\" is not one of 永久, 30年, 10年 (DA/T 22-2015)"))
                continue
            }
            retention[key] = value
        }
        let copies = Set(file.archive?.copies ?? [])
        for copy in copies.sorted() where copy != "pdf" && copy != "ofd" {
            diagnostics.append(
                Diagnostic(
                    .error, "archive.invalid", at: SourceLocation(file: name, field: "archive"),
                    chinese: "归档副本“\(copy)”无效，可用：pdf、ofd", english: "archive copy \"\(copy)\" is unknown; use: pdf, ofd"
                ))
        }
        var campaign = Campaign(
            title: file.title, year: file.year, area: file.area,
            organizer: Organization(
                name: file.organizer.name, shortName: file.organizer.shortName ?? file.organizer.name,
                host: file.organizer.host ?? ""),
            coOrganizer: file.coOrganizer ?? "", documentNumberPrefix: file.documentNumberPrefix,
            contact: Contact(email: file.contact.email, phone: file.contact.phone), declarationDeadline: deadline,
            issueDates: issueDates, documentSerials: file.documentNumbers ?? [:],
            signatory: file.signatory ?? file.organizer.name, industries: file.industries ?? [],
            districts: file.districts ?? [], awardLevels: file.awardLevels ?? Campaign.defaultAwardLevels,
            recommenders: recommenders)
        campaign.archiveCopies = copies.intersection(["pdf", "ofd"])
        campaign.retention = retention
        campaign.decisions = decisions(file, name: name, levels: campaign.awardLevels, diagnostics: &diagnostics)
        return campaign
    }

    /// `plan_number:`, `history:`, `judges:`, `award_quotas:` and `recommender_awards:`, checked.
    func decisions(
        _ file: CampaignFile, name: String, levels: [String], diagnostics: inout [Diagnostic]
    ) -> DecisionSettings {
        var settings = DecisionSettings()
        settings.history = file.history ?? []
        settings.judges = (file.judges ?? []).map { TextNormalization.trimmed($0) }.filter { !$0.isEmpty }
        for (index, judge) in settings.judges.enumerated() where settings.judges[..<index].contains(judge) {
            diagnostics.append(
                Diagnostic(
                    .error, "judges.duplicate", at: SourceLocation(file: name, field: "judges[\(index + 1)]"),
                    chinese: "评委“\(judge)”写了不止一次", english: "judge \"\(judge)\" is named more than once"))
        }
        if let pattern = file.planNumber {
            let numbering = PlanNumbering(pattern: pattern)
            if numbering.isValid {
                settings.planNumbering = numbering
            } else {
                diagnostics.append(
                    Diagnostic(
                        .error, "plan-number.invalid", at: SourceLocation(file: name, field: "plan_number"),
                        chinese: "计划编号规则“\(pattern)”须含一个 {n}（或 {n:3} 补足三位），如 BHZLGG-{year}-{n:3}",
                        english: "plan_number \"\(pattern)\" needs one {n} (or {n:3}), e.g. BHZLGG-{year}-{n:3}"))
            }
        }
        if let quotas = file.awardQuotas {
            for level in quotas.keys.sorted() where !levels.contains(level) {
                diagnostics.append(
                    Diagnostic(
                        .error, "award-quota.level", at: SourceLocation(file: name, field: "award_quotas.\(level)"),
                        chinese: "“\(level)”不是 award_levels 中的等级", english: "\"\(level)\" is not one of award_levels"))
            }
            for level in levels {
                guard let value = quotas[level] else { continue }
                guard let percent = value.percent else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "award-quota.invalid",
                            at: SourceLocation(file: name, field: "award_quotas.\(level)"),
                            chinese: "比例“\(value.text)”无效，应为 0–100% 的整数百分比，如 10%",
                            english: "share \"\(value.text)\" is not a whole per cent from 0 to 100, e.g. 10%"))
                    continue
                }
                settings.awardQuotas.append(AwardQuota(level: level, percent: percent))
            }
            if settings.awardQuotas.map(\.percent).reduce(0, +) > 100 {
                diagnostics.append(
                    Diagnostic(
                        .error, "award-quota.total", at: SourceLocation(file: name, field: "award_quotas"),
                        chinese: "各等级比例之和超过 100%", english: "the award quotas add up to more than 100%"))
            }
        } else {
            settings.awardQuotas = DecisionSettings.defaultQuotas(levels: levels)
        }
        if let count = file.recommenderAwards { settings.recommenderAwards = max(0, count) }
        return settings
    }

    func yamlDiagnostic(_ error: YamlError, name: String) -> Diagnostic {
        var location = SourceLocation(file: name, columnAsLetter: false)
        var problem = "\(error)"
        switch error {
        case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
            .composer(let context, let text, let mark, _):
            location.row = mark.line
            location.column = mark.column
            problem = [context?.text, text].compactMap { $0 }.joined(separator: ", ")
        case .duplicatedKeysInMapping(let duplicates, let context):
            location.row = context.mark.line
            location.column = context.mark.column
            let keys = duplicates.sorted().joined(separator: "、")
            return Diagnostic(
                .error, "yaml.duplicate-key", at: location,
                chinese: "同一层中“\(keys)”写了不止一次；请只保留一个", english: "key \(keys) appears more than once; keep one")
        default:
            break
        }
        return Diagnostic(
            .error, "yaml.syntax", at: location, chinese: "YAML 语法错误：\(problem)",
            english: "YAML syntax error: \(problem)")
    }

    /// A decoding error names the key path (recommenders[3].name); the office edits by key, so that is the field.
    func decodingDiagnostic(_ error: DecodingError, name: String) -> Diagnostic {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { key in key.intValue.map { "[\($0 + 1)]" } ?? ".\(key.stringValue)" }
                .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return Diagnostic(
                .error, "yaml.missing-key", at: SourceLocation(file: name, field: field),
                chinese: "缺少必填项 \(field)", english: "required key \(field) is missing")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return Diagnostic(
                .error, "yaml.type", at: SourceLocation(file: name, field: "(整个文件 whole file)"),
                chinese: "campaign.yaml 应由“键: 值”组成（如 title: …、year: 2019），而不是列表或单个值",
                english:
                    "campaign.yaml must be a mapping of keys to values (title: …, year: 2019), not a list or a value")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = path(context.codingPath)
            return Diagnostic(
                .error, "yaml.type", at: SourceLocation(file: name, field: field),
                chinese: "\(field) 的值类型不正确：\(context.debugDescription)",
                english: "\(field) has the wrong type: \(context.debugDescription)")
        @unknown default:
            return Diagnostic(
                .error, "yaml.invalid", at: SourceLocation(file: name), chinese: "无法读取：\(error)",
                english: "cannot read: \(error)")
        }
    }
}
