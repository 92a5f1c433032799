/// A project of some year as the originality check knows it: enough to say which project it resembles.
public struct ProjectReference: Sendable, Equatable {
    public var year: Int
    public var projectName: String
    public var applicant: String
    public var creditCode: String
    /// The recommender as the data names it (a name or an id).
    public var recommender: String
    public var origin: RecordOrigin

    public init(
        year: Int, projectName: String, applicant: String, creditCode: String, recommender: String,
        origin: RecordOrigin
    ) {
        self.year = year
        self.projectName = projectName
        self.applicant = applicant
        self.creditCode = creditCode
        self.recommender = recommender
        self.origin = origin
    }

    public init(_ declaration: Declaration, year: Int) {
        self.init(
            year: year, projectName: declaration.projectName, applicant: declaration.applicant,
            creditCode: declaration.creditCode, recommender: declaration.recommender, origin: declaration.origin)
    }

    public var projectKey: ProjectKey { ProjectKey(creditCode: creditCode, projectName: projectName) }
}

/// One of this year's projects found alike to another project, of an earlier year or of this one.
public struct OriginalityFinding: Sendable, Equatable {
    /// The index of this year's declaration in the campaign's declarations.
    public var declaration: Int
    public var match: ProjectReference
    /// ``ProjectNameSimilarity`` score, ≥ its threshold.
    public var score: Double
    /// The same applicant (credit code) declared it: most likely the same project again.
    public var sameApplicant: Bool
    /// Whether `match` is of an earlier year (or this year's).
    public var isEarlierYear: Bool

    /// 与2018年“提高XX产品合格率”（天津某公司，推荐单位：…）相似（0.92，同一申报单位）.
    public var chinese: String {
        let when = isEarlierYear ? "\(match.year)年" : "本年"
        let who = sameApplicant ? "，同一申报单位" : ""
        return
            "与\(when)“\(match.projectName)”（\(match.applicant)，推荐单位：\(match.recommender)）相似（\(Self.percent(score))\(who)）"
    }

    public var english: String {
        let when = isEarlierYear ? "of \(match.year)" : "of this year"
        let who = sameApplicant ? ", same applicant" : ""
        return "alike to \"\(match.projectName)\" \(when) (\(match.applicant), recommended by \(match.recommender);"
            + " \(Self.percent(score))\(who))"
    }

    static func percent(_ score: Double) -> String { "\(Int((score * 100).rounded()))%" }
}

/// The projects of earlier years (or of this year) indexed so that each new name is compared only with the
/// names it could be alike to — not with all of them: 100,000 names against five years of 100,000 would be
/// 5·10¹⁰ comparisons.
///
/// Prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007): a Dice
/// threshold t is a Jaccard threshold j = t/(2−t); two sets with Jaccard ≥ j share at least one of the first
/// n − ⌈j·n⌉ + 1 tokens of each, when tokens are ordered the same way for all sets. Tokens are ordered rarest
/// first, so the lists probed are short; each candidate is then scored exactly. Names are indexed by their
/// digits first (names whose numbers differ are never alike, ``ProjectNameSimilarity``).
public struct OriginalityIndex: Sendable {
    /// A bigram as two Unicode scalar values.
    typealias Token = UInt64

    struct Entry: Sendable {
        var tokens: [Token]
    }

    public let projects: [ProjectReference]
    let threshold: Double
    let jaccard: Double
    var entries: [Entry] = []
    var entryDigits: [String] = []
    /// How many indexed names have each token (the order: rarest first).
    var frequency: [Token: Int32] = [:]
    /// Per digit signature, per token, the entries whose prefix has the token.
    var postings: [String: [Token: [Int32]]] = [:]

    public init(_ projects: [ProjectReference], threshold: Double = ProjectNameSimilarity.threshold) {
        self.projects = projects
        self.threshold = threshold
        self.jaccard = threshold / (2 - threshold)
        entries.reserveCapacity(projects.count)
        for project in projects {
            let normalized = ProjectNameSimilarity.normalized(project.projectName)
            let tokens = Self.tokens(normalized)
            entries.append(Entry(tokens: tokens))
            entryDigits.append(ProjectNameSimilarity.digits(normalized))
            for token in tokens { frequency[token, default: 0] += 1 }
        }
        for index in entries.indices {
            let ordered = order(entries[index].tokens)
            entries[index].tokens = ordered
            for token in ordered.prefix(prefixLength(ordered.count)) {
                postings[entryDigits[index], default: [:]][token, default: []].append(Int32(index))
            }
        }
    }

    static func tokens(_ normalized: String) -> [Token] {
        let scalars = Array(normalized.unicodeScalars)
        guard scalars.count > 1 else { return scalars.map { Token($0.value) } }
        return Array(
            Set((0..<(scalars.count - 1)).map { Token(scalars[$0].value) << 32 | Token(scalars[$0 + 1].value) }))
    }

    func order(_ tokens: [Token]) -> [Token] {
        tokens.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
    }

    func prefixLength(_ count: Int) -> Int {
        count - Int((jaccard * Double(count) - 1e-9).rounded(.up)) + 1
    }

    /// The indexed projects alike to `name`, best first, with their scores (indexes into `projects`).
    public func matches(for name: String) -> [(index: Int, score: Double)] {
        let normalized = ProjectNameSimilarity.normalized(name)
        let tokens = order(Self.tokens(normalized))
        guard !tokens.isEmpty, let lists = postings[ProjectNameSimilarity.digits(normalized)] else { return [] }
        var candidates = Set<Int32>()
        for token in tokens.prefix(prefixLength(tokens.count)) {
            for candidate in lists[token] ?? [] { candidates.insert(candidate) }
        }
        let probe = Set(tokens)
        var found: [(index: Int, score: Double)] = []
        for candidate in candidates {
            let other = entries[Int(candidate)].tokens
            let shared = other.reduce(0) { $0 + (probe.contains($1) ? 1 : 0) }
            let score = 2 * Double(shared) / Double(tokens.count + other.count)
            if score >= threshold - 1e-9 { found.append((Int(candidate), score)) }
        }
        return found.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }
    }
}

/// The originality check of one year's declarations against earlier years' and against each other.
public enum OriginalityCheck {
    /// How many alike projects are named per declaration (the closest).
    public static let matchesPerDeclaration = 3

    /// Findings per declaration, in the order of the declarations. A pair with the same project key is the
    /// duplicate check's, not this one's.
    public static func findings(
        declarations: [Declaration], year: Int, history: OriginalityIndex?
    ) -> [OriginalityFinding] {
        let thisYear = OriginalityIndex(declarations.map { ProjectReference($0, year: year) })
        var findings: [OriginalityFinding] = []
        for (index, declaration) in declarations.enumerated() {
            let key = declaration.projectKey
            let code = ProjectKey(creditCode: declaration.creditCode, projectName: "").creditCode
            var own: [OriginalityFinding] = []
            if let history {
                for match in history.matches(for: declaration.projectName) {
                    let project = history.projects[match.index]
                    own.append(
                        OriginalityFinding(
                            declaration: index, match: project, score: match.score,
                            sameApplicant: project.projectKey.creditCode == code, isEarlierYear: true))
                }
            }
            for match in thisYear.matches(for: declaration.projectName) where match.index != index {
                let project = thisYear.projects[match.index]
                guard project.projectKey != key else { continue }
                own.append(
                    OriginalityFinding(
                        declaration: index, match: project, score: match.score,
                        sameApplicant: project.projectKey.creditCode == code, isEarlierYear: false))
            }
            findings += own.prefix(matchesPerDeclaration)
        }
        return findings
    }

    /// The findings as warnings at the project name of each declaration.
    public static func diagnostics(_ findings: [OriginalityFinding], declarations: [Declaration]) -> [Diagnostic] {
        findings.map { finding in
            Diagnostic(
                .warning, finding.isEarlierYear ? "originality.earlier-year" : "originality.this-year",
                at: declarations[finding.declaration].origin.location(
                    of: DeclarationField.projectName.rawValue, titled: DeclarationField.projectName.title),
                chinese: "项目名称" + finding.chinese + "，请核实是否雷同（方案：不得与历年项目雷同）",
                english: "the project name is " + finding.english + "; check that it is not the same project")
        }
    }
}
