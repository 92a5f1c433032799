import Foundation
import GongwenModel
import GongwenReaders
import Yams

/// The settings of campaign.yaml the office completes during the year — the deadline, each document's 成文日期
/// and 发文字号, the recommenders — changed from the page without an editor: each change a line edit that keeps
/// the file's comments and order (``CampaignYAMLEdit``), the result read back as a build reads it and refused
/// if it adds an error, then saved as one recorded, undoable change (``DataHistory``).
public struct CampaignSettings: Sendable {
    /// A recommender as the settings page shows and edits it.
    public struct RecommenderValues: Sendable, Equatable {
        public var id: String
        public var name: String
        public var shortName: String
        public var kind: String
        public var preparer: String
        public var phone: String

        public init(id: String, name: String, shortName: String, kind: String, preparer: String, phone: String) {
            self.id = id
            self.name = name
            self.shortName = shortName
            self.kind = kind
            self.preparer = preparer
            self.phone = phone
        }
    }

    /// What the page shows: read leniently from the YAML itself, so a campaign that does not read yet (a new
    /// year's, before its deadline is set) can be completed here.
    public struct Values: Sendable, Equatable {
        public var deadline = ""
        /// Document key → 成文日期 and 序号, for every document the year issues.
        public var documents: [(key: String, date: String, serial: String)] = []
        public var recommenders: [RecommenderValues] = []

        public static func == (a: Values, b: Values) -> Bool {
            a.deadline == b.deadline && a.recommenders == b.recommenders
                && a.documents.map { [$0.key, $0.date, $0.serial] } == b.documents.map { [$0.key, $0.date, $0.serial] }
        }
    }

    /// The documents a year issues, in the order of the year.
    public static let documentKeys = [
        "call", "training", "plan_notice", "results", "judging", "commendation", "recommendation",
    ]

    public let campaign: URL

    public init(campaign: URL) {
        self.campaign = campaign
    }

    var yamlURL: URL { campaign.appendingPathComponent("campaign.yaml") }

    public func values() -> Values {
        var values = Values()
        guard let text = try? String(contentsOf: yamlURL, encoding: .utf8),
            let root = (try? Yams.load(yaml: text)) as? [String: Any]
        else { return values }
        func string(_ any: Any?) -> String {
            switch any {
            case let value as String: value
            case let value as Int: String(value)
            case let value as Date:
                {
                    var calendar = Calendar(identifier: .gregorian)
                    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
                    let parts = calendar.dateComponents([.year, .month, .day], from: value)
                    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
                }()
            case .some(let other): "\(other)"
            case nil: ""
            }
        }
        values.deadline = string(root["declaration_deadline"])
        let dates = root["issue_dates"] as? [String: Any] ?? [:]
        let numbers = root["document_numbers"] as? [String: Any] ?? [:]
        let keys = Self.documentKeys + Set(dates.keys).union(numbers.keys).subtracting(Self.documentKeys).sorted()
        values.documents = keys.map { ($0, string(dates[$0]), string(numbers[$0])) }
        for item in root["recommenders"] as? [[String: Any]] ?? [] {
            values.recommenders.append(
                RecommenderValues(
                    id: string(item["id"]), name: string(item["name"]), shortName: string(item["short_name"]),
                    kind: string(item["kind"]), preparer: string(item["preparer"]), phone: string(item["phone"])))
        }
        return values
    }

    /// The outcome of a save: the history entry, or why nothing was saved.
    public enum Outcome: Sendable {
        case saved(DataHistory.Entry)
        case unchanged
        case refused([Diagnostic])
    }

    /// Saves `new` over what campaign.yaml holds (only what differs is edited). Refused, with nothing written,
    /// when a value is not of its kind or the campaign then reads with an error it did not have.
    public func save(_ new: Values) throws(GongwenError) -> Outcome {
        let old = values()
        guard let text = try? String(contentsOf: yamlURL, encoding: .utf8) else {
            throw GongwenError(.io, path: yamlURL.path, message: "campaign.yaml 无法读取 / campaign.yaml cannot be read")
        }
        var edit = CampaignYAMLEdit(text)
        var problems: [Diagnostic] = []
        func problem(_ field: String, _ chinese: String, _ english: String) {
            problems.append(
                Diagnostic(
                    .error, "settings.invalid", at: SourceLocation(file: "campaign.yaml", field: field),
                    chinese: chinese,
                    english: english))
        }
        func date(_ value: String, _ field: String) -> String? {
            guard let parsed = CalendarDate(parsing: value) else {
                problem(field, "“\(value)”不是日期（如 2020-04-22）", "\"\(value)\" is not a date (e.g. 2020-04-22)")
                return nil
            }
            return parsed.iso
        }
        if new.deadline != old.deadline, let value = date(new.deadline, "declaration_deadline") {
            edit.set("declaration_deadline", to: value)
        }
        let before = Dictionary(uniqueKeysWithValues: old.documents.map { ($0.key, ($0.date, $0.serial)) })
        for document in new.documents {
            let (oldDate, oldSerial) = before[document.key] ?? ("", "")
            if document.date != oldDate, !document.date.isEmpty,
                let value = date(document.date, "issue_dates.\(document.key)")
            {
                edit.set("issue_dates", document.key, to: value)
            }
            if document.serial != oldSerial, !document.serial.isEmpty {
                if let serial = Int(document.serial), serial > 0 {
                    edit.set("document_numbers", document.key, to: String(serial))
                } else {
                    problem(
                        "document_numbers.\(document.key)", "发文字号序号应为正整数，现为“\(document.serial)”",
                        "a document serial must be a positive whole number, not \"\(document.serial)\"")
                }
            }
        }
        let existing = Dictionary(old.recommenders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for recommender in new.recommenders where !recommender.id.isEmpty || !recommender.name.isEmpty {
            let fields: [(String, String, String)] = [
                ("name", recommender.name, existing[recommender.id]?.name ?? ""),
                ("short_name", recommender.shortName, existing[recommender.id]?.shortName ?? ""),
                ("kind", recommender.kind, existing[recommender.id]?.kind ?? ""),
                ("preparer", recommender.preparer, existing[recommender.id]?.preparer ?? ""),
                ("phone", recommender.phone, existing[recommender.id]?.phone ?? ""),
            ]
            if existing[recommender.id] != nil {
                for (field, value, was) in fields where value != was {
                    edit.setRecommender(recommender.id, field, to: CampaignYAMLEdit.quoted(value))
                }
            } else {
                guard recommender.id.range(of: "^[A-Za-z0-9_-]{1,20}$", options: .regularExpression) != nil,
                    !recommender.name.isEmpty
                else {
                    problem(
                        "recommenders", "新推荐单位须有编号（字母或数字，如 TGS）和名称",
                        "a new recommender needs an id (letters or digits, e.g. TGS) and a name")
                    continue
                }
                edit.addRecommender(
                    [("id", CampaignYAMLEdit.quoted(recommender.id))]
                        + fields.filter { !$0.1.isEmpty }.map { ($0.0, CampaignYAMLEdit.quoted($0.1)) })
            }
        }
        guard problems.isEmpty else { return .refused(problems) }
        guard edit.text != text else { return .unchanged }
        // Read back as a build reads it: no error the file did not have before.
        let data = Data(edit.text.utf8)
        func errors(_ read: CampaignReader.Result) -> [Diagnostic] {
            read.diagnostics.errors + (read.data.map { CampaignValidator().validate($0).errors } ?? [])
        }
        let was = Set(errors(CampaignReader().read(folder: campaign)).map(\.code))
        let added = errors(CampaignReader().read(folder: campaign, campaignYAML: data)).filter {
            !was.contains($0.code)
        }
        guard added.isEmpty, (try? Yams.load(yaml: edit.text)) != nil else { return .refused(added) }
        let lock = try RunLock.acquire(
            RunLock.forCampaign(campaign), purpose: "settings", what: ("活动数据", "campaign data"))
        defer { withExtendedLifetime(lock) {} }
        return .saved(
            try DataHistory(campaign: campaign).apply(
                [("campaign.yaml", data)], action: "settings", summary: ["修改活动设置 / settings changed"]))
    }
}
