import Foundation
import GongwenModel

/// The shape of `campaign.yaml`, as written by the office (snake_case keys, dates as text).
struct CampaignFile: Decodable {
    struct OrganizerFile: Decodable {
        var name: String
        var shortName: String?
        var host: String?

        enum CodingKeys: String, CodingKey {
            case name, host
            case shortName = "short_name"
        }
    }

    struct ContactFile: Decodable {
        var email: String
        var phone: String
    }

    struct RecommenderFile: Decodable {
        var id: String
        var name: String
        var shortName: String?
        var kind: String
        var head: String?
        var preparer: String?
        var phone: String?
        var date: String?

        enum CodingKeys: String, CodingKey {
            case id, name, kind, head, preparer, phone, date
            case shortName = "short_name"
        }
    }

    struct FilesFile: Decodable {
        var declarations: String?
        var plan: String?
        var awards: String?
    }

    var title: String
    var year: Int
    var area: String
    var organizer: OrganizerFile
    var coOrganizer: String?
    var documentNumberPrefix: String
    var contact: ContactFile
    var declarationDeadline: String
    var issueDates: [String: String]?
    var documentNumbers: [String: Int]?
    var signatory: String?
    var awardLevels: [String]?
    var industries: [String]?
    var districts: [String]?
    var recommenders: [RecommenderFile]
    var files: FilesFile?
    /// The office's templates folder, relative to the campaign folder.
    var templates: String?
    /// `archive: pdf` or `archive: [pdf]`: the copies each archive package holds besides the DOCX.
    var archive: ArchiveSetting?
    /// 保管期限 by document key.
    var retention: [String: String]?
    /// Earlier years' campaign folders, for the originality check.
    var history: [String]?
    /// The 计划编号 rule, e.g. `BHZLGG-{year}-{n:3}`.
    var planNumber: String?
    var judges: [String]?
    /// Award level → share of the ranked projects: `10%`, `10` or `0.1`.
    var awardQuotas: [String: QuotaValue]?
    var recommenderAwards: Int?

    /// A share written as `10%`, `10` or `0.1`.
    struct QuotaValue: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                text = String(number)
            } else {
                text = try container.decode(String.self)
            }
        }

        /// Whole per cent, or nil if it is not a share from 0 to 100 %.
        var percent: Int? {
            var value = text.trimmingCharacters(in: .whitespaces)
            let hasSign = value.hasSuffix("%") || value.hasSuffix("％")
            if hasSign { value.removeLast() }
            guard let number = Double(value), number >= 0 else { return nil }
            let percent = hasSign || number > 1 ? number : number * 100
            guard percent <= 100, percent == percent.rounded() else { return nil }
            return Int(percent)
        }
    }

    /// One copy name or a list of them.
    struct ArchiveSetting: Decodable {
        var copies: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                copies = [one]
            } else {
                copies = try container.decode([String].self)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case title, year, area, templates, organizer, contact, signatory, industries, districts, recommenders, files
        case archive, retention, history, judges
        case planNumber = "plan_number"
        case awardQuotas = "award_quotas"
        case recommenderAwards = "recommender_awards"
        case coOrganizer = "co_organizer"
        case documentNumberPrefix = "document_number_prefix"
        case declarationDeadline = "declaration_deadline"
        case issueDates = "issue_dates"
        case documentNumbers = "document_numbers"
        case awardLevels = "award_levels"
    }
}
