import Foundation
import GongwenModel

/// The rows an import refused, per recommender, with the reasons: kept in the campaign (`.gongwen/refused.json`)
/// until that recommender's next form comes in, so the office sees what is still owed after the report page is
/// gone, and can send each recommender its form back with the problems marked (``ReturnedFormMarking``).
///
/// A recommender's next import replaces its entry: the rows it refused then are the ones still open. The file
/// changes with the import, in the same recorded step, so an undo puts it back too.
public struct RefusedRows: Sendable {
    public struct Problem: Codable, Sendable, Equatable {
        /// The field key (`creditCode`, …), empty for a problem of the whole row.
        public var field: String
        public var chinese: String
        public var english: String
    }

    public struct Row: Codable, Sendable, Equatable {
        /// The row on the form as sent.
        public var row: Int
        /// The row's values by field key, as read.
        public var values: [String: String]
        public var problems: [Problem]
    }

    public struct Entry: Codable, Sendable, Equatable {
        /// The form the rows came on, by the name it was sent with.
        public var file: String
        public var rows: [Row]
    }

    public static let fileName = ".gongwen/refused.json"
    public let campaign: URL

    public init(campaign: URL) {
        self.campaign = campaign
    }

    /// Open refusals by recommender id.
    public func load() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: campaign.appendingPathComponent(Self.fileName).path)
        else { return [:] }
        return (try? JSONDecoder().decode([String: Entry].self, from: data)) ?? [:]
    }

    /// The store after `outcomes`: each recommender whose form came in gets this import's refused rows (none:
    /// its entry goes). Empty when nothing changes.
    func updated(with outcomes: [Importer.FileOutcome], campaign model: Campaign) throws(GongwenError) -> [(
        name: String, data: Data?
    )] {
        let before = load()
        var store = before
        for outcome in outcomes where outcome.refusal == nil {
            guard let id = outcome.recommender else { continue }
            let rows = outcome.rejected.map { row, findings in
                Row(
                    row: row,
                    values: outcome.rejectedRows[row]?.fieldValues.filter { !$0.value.isEmpty } ?? [:],
                    problems: findings.map { finding in
                        Problem(
                            field: Self.fieldKey(finding.location.field), chinese: finding.chinese,
                            english: finding.english)
                    })
            }
            store[id] = rows.isEmpty ? nil : Entry(file: outcome.file, rows: rows)
        }
        guard store != before else { return [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(store) else { return [] }
        return [(Self.fileName, store.isEmpty ? nil : data)]
    }

    /// A diagnostic's field (its column title) as a field key.
    static func fieldKey(_ title: String?) -> String {
        guard let title else { return "" }
        return DeclarationField.allCases.first { $0.title == title || $0.rawValue == title }?.rawValue ?? ""
    }
}
