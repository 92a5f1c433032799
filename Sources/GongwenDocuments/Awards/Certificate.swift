import GongwenModel

/// One award certificate (获奖证书): who receives it, for what, and its number.
public struct Certificate: Sendable, Equatable {
    /// 证书编号, e.g. `BH2019-CG-7K3Q9X`: printed on the certificate and listed in the register.
    public var number: String
    public var category: AwardCategory
    /// The award level; empty for an 优秀推荐单位 without one.
    public var level: String
    /// The name printed before `：`: the company (项目成果), the group (小组) or the recommender.
    public var recipient: String
    /// The unit a group belongs to; the company of a project.
    public var unit: String
    public var projectName: String
    /// The recommender's full name.
    public var recommender: String

    public init(
        number: String, category: AwardCategory, level: String, recipient: String, unit: String, projectName: String,
        recommender: String
    ) {
        self.number = number
        self.category = category
        self.level = level
        self.recipient = recipient
        self.unit = unit
        self.projectName = projectName
        self.recommender = recommender
    }
}

/// Certificate numbers that stay the same when the data is re-run or a winner is added.
///
/// A number is derived from the winner's identity (category, credit code and project, or the recommender),
/// not from its position, so inserting, removing or re-sorting rows never renumbers the others: six
/// characters of a 64-bit FNV-1a hash in the GB 32100 alphabet (digits and capitals without I O Z S V, which
/// people misread). On a collision the identity that sorts later takes the next hash. An office that has
/// already issued numbers writes them in awards.csv's 证书编号 column, and those are kept as written.
public enum CertificateNumbering {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    public static func code(for category: AwardCategory) -> String {
        switch category {
        case .projectResult: "CG"
        case .group: "XZ"
        case .recommender: "TJ"
        }
    }

    static func hash(_ text: String, round: Int) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(text.utf8) + [UInt8(truncatingIfNeeded: round)] {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    static func suffix(_ identity: String, round: Int) -> String {
        var value = hash(identity, round: round)
        var characters: [Character] = []
        for _ in 0..<6 {
            characters.append(alphabet[Int(value % 31)])
            value /= 31
        }
        return String(characters)
    }

    /// Numbers for `identities` (in any order), `prefix-year-category-XXXXXX`.
    public static func numbers(
        for identities: [(identity: String, category: AwardCategory)], prefix: String, year: Int
    ) -> [String: String] {
        var taken: [String: String] = [:]
        var result: [String: String] = [:]
        for (identity, category) in identities.sorted(by: { $0.identity < $1.identity }) {
            var round = 0
            var number: String
            repeat {
                number = "\(prefix)\(year)-\(code(for: category))-\(suffix(identity, round: round))"
                round += 1
            } while taken[number] != nil
            taken[number] = identity
            result[identity] = number
        }
        return result
    }
}
