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

    enum CodingKeys: String, CodingKey {
        case title, year, area, templates, organizer, contact, signatory, industries, districts, recommenders, files
        case coOrganizer = "co_organizer"
        case documentNumberPrefix = "document_number_prefix"
        case declarationDeadline = "declaration_deadline"
        case issueDates = "issue_dates"
        case documentNumbers = "document_numbers"
        case awardLevels = "award_levels"
    }
}
