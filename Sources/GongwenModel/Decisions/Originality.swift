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
/// first, so the lists probed are short; each candidate of a plausible size is then scored exactly, by merging
/// two sorted lists of token ranks. A token is a bigram together with the name's digits (names whose numbers
/// differ are never alike, ``ProjectNameSimilarity``), so such names never even meet.
public struct OriginalityIndex: Sendable {
    public let projects: [ProjectReference]
    let threshold: Double
    let jaccard: Double
    /// Each token's rank in the global order (rarest first).
    var rankOf: [UInt64: Int32] = [:]
    /// The ranks of every entry's tokens, ascending, one after another; `starts[i]..<starts[i + 1]` is entry i's.
    var ranks: [Int32] = []
    var starts: [Int] = [0]
    var digitsOf: [Int32] = []
    var digitsIDs: [String: Int32] = [:]
    /// Per rank, the entries whose prefix has that token: the entry, the token's position in it and the entry's
    /// size, packed as `entry << 16 | position << 8 | size` (position and size at most 255).
    var postings: [[UInt64]] = []

    public init(_ projects: [ProjectReference], threshold: Double = ProjectNameSimilarity.threshold) {
        self.projects = projects
        self.threshold = threshold
        self.jaccard = threshold / (2 - threshold)
        var tokens: [[UInt64]] = []
        tokens.reserveCapacity(projects.count)
        var frequency: [UInt64: Int32] = [:]
        for project in projects {
            let normalized = ProjectNameSimilarity.normalizedScalars(project.projectName)
            let digits = ProjectNameSimilarity.digits(normalized)
            let id = digitsIDs[digits] ?? Int32(digitsIDs.count)
            digitsIDs[digits] = id
            digitsOf.append(id)
            let own = Self.tokens(normalized, digits: id)
            for token in own { frequency[token, default: 0] += 1 }
            tokens.append(own)
        }
        let order = frequency.keys.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
        rankOf.reserveCapacity(order.count)
        for (rank, token) in order.enumerated() { rankOf[token] = Int32(rank) }
        postings = Array(repeating: [], count: order.count)
        ranks.reserveCapacity(tokens.reduce(0) { $0 + $1.count })
        for (index, own) in tokens.enumerated() {
            let sorted = own.compactMap { rankOf[$0] }.sorted()
            ranks += sorted
            starts.append(ranks.count)
            let size = UInt64(min(sorted.count, 255))
            for (position, rank) in sorted.prefix(prefixLength(sorted.count)).enumerated() {
                postings[Int(rank)].append(UInt64(index) << 16 | UInt64(min(position, 255)) << 8 | size)
            }
        }
    }

    /// The name's distinct bigrams (a one-character name is its own token), each with the name's digits.
    static func tokens(_ scalars: [Unicode.Scalar], digits: Int32) -> [UInt64] {
        let salt = UInt64(UInt32(bitPattern: digits)) << 42
        guard scalars.count > 1 else { return scalars.map { salt | UInt64($0.value) } }
        return Array(
            Set(
                (0..<(scalars.count - 1)).map { salt | UInt64(scalars[$0].value) << 21 | UInt64(scalars[$0 + 1].value) }
            ))
    }

    func prefixLength(_ count: Int) -> Int {
        count - Int((jaccard * Double(count) - 1e-9).rounded(.up)) + 1
    }

    /// The indexed projects alike to `name`, best first, with their scores (indexes into `projects`).
    public func matches(for name: String) -> [(index: Int, score: Double)] {
        var searcher = Searcher(self)
        return searcher.matches(for: name)
    }

    /// Searches the index name after name with one scratch bit set (which entries this search has met), so that
    /// gathering candidates needs neither a set nor a sort.
    ///
    /// A candidate met for the first time through the probe's i-th token, which is its j-th, can share at most
    /// 1 + min(n − 1 − i, m − 1 − j) tokens with the probe (the positional filter of PPJoin, Xiao et al., "Efficient
    /// similarity joins for near duplicate detection", WWW 2008): tokens before those positions would have met it
    /// earlier. One that cannot reach the overlap the threshold needs is dropped before it is read — at 100,000
    /// names against 500,000, most candidates are met only through a common token far into both names.
    public struct Searcher {
        public let index: OriginalityIndex
        var seen: [UInt64]
        var touched: [Int] = []

        public init(_ index: OriginalityIndex) {
            self.index = index
            seen = Array(repeating: 0, count: index.projects.count / 64 + 1)
        }

        public mutating func matches(for name: String) -> [(index: Int, score: Double)] {
            for word in touched { seen[word] = 0 }
            touched.removeAll(keepingCapacity: true)
            let normalized = ProjectNameSimilarity.normalizedScalars(name)
            guard let digits = index.digitsIDs[ProjectNameSimilarity.digits(normalized)] else { return [] }
            let tokens = OriginalityIndex.tokens(normalized, digits: digits)
            guard !tokens.isEmpty else { return [] }
            // Tokens no indexed name has are the rarest of all: they come first in the order, and match nothing.
            let known = tokens.compactMap { index.rankOf[$0] }.sorted()
            let unknown = tokens.count - known.count
            let n = tokens.count
            let prefix = index.prefixLength(n)
            guard prefix > unknown else { return [] }
            let jaccard = index.jaccard
            let smallest = Int((jaccard * Double(n) - 1e-9).rounded(.up))
            let largest = Int((Double(n) / jaccard + 1e-9).rounded(.down))
            var found: [(index: Int, score: Double)] = []
            for (offset, rank) in known.prefix(prefix - unknown).enumerated() {
                let i = unknown + offset
                for posting in index.postings[Int(rank)] {
                    let entry = Int(posting >> 16)
                    let (word, bit) = (entry >> 6, UInt64(1) << UInt64(entry & 63))
                    guard seen[word] & bit == 0 else { continue }
                    if seen[word] == 0 { touched.append(word) }
                    seen[word] |= bit
                    var size = Int(posting & 0xFF)
                    if size == 255 { size = index.starts[entry + 1] - index.starts[entry] }
                    guard size >= smallest, size <= largest else { continue }
                    let j = Int(posting >> 8 & 0xFF)
                    let needed = Int((index.threshold * Double(n + size) / 2 - 1e-9).rounded(.up))
                    guard 1 + min(n - 1 - i, size - 1 - j) >= needed else { continue }
                    guard index.digitsOf[entry] == digits else { continue }
                    // Tokens in common, by merging the two ascending lists; given up as soon as the tokens left
                    // cannot reach the overlap needed.
                    let (start, end) = (index.starts[entry], index.starts[entry + 1])
                    var shared = 0
                    var (a, b) = (0, start)
                    while a < known.count, b < end {
                        if shared + min(known.count - a, end - b) < needed { break }
                        if known[a] == index.ranks[b] {
                            shared += 1
                            a += 1
                            b += 1
                        } else if known[a] < index.ranks[b] {
                            a += 1
                        } else {
                            b += 1
                        }
                    }
                    guard shared >= needed else { continue }
                    found.append((entry, 2 * Double(shared) / Double(n + size)))
                }
            }
            return found.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }
        }
    }
}

/// The originality check of one year's declarations against earlier years' and against each other.
public enum OriginalityCheck {
    /// How many alike projects are named per declaration (the closest).
    public static let matchesPerDeclaration = 3

    /// Findings per declaration, in the order of the declarations. A pair with the same project key is the
    /// duplicate check's, not this one's. The declarations are searched in `chunks` slices, as many at once as
    /// `forEachInParallel` runs (the model starts no threads itself; the caller gives it cores).
    public static func findings(
        declarations: [Declaration], year: Int, history: OriginalityIndex?, chunks: Int = 1,
        forEachInParallel: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void = { count, body in
            for index in 0..<count { body(index) }
        }
    ) -> [OriginalityFinding] {
        let thisYear = OriginalityIndex(declarations.map { ProjectReference($0, year: year) })
        let slices = max(1, min(chunks, declarations.count))
        let slots = ParallelSlots(count: slices, initial: [OriginalityFinding]())
        forEachInParallel(slices) { slice in
            let range = (declarations.count * slice / slices)..<(declarations.count * (slice + 1) / slices)
            slots.set(slice, findings(in: range, of: declarations, thisYear: thisYear, history: history))
        }
        return slots.values.flatMap { $0 }
    }

    static func findings(
        in range: Range<Int>, of declarations: [Declaration], thisYear: OriginalityIndex, history: OriginalityIndex?
    ) -> [OriginalityFinding] {
        var thisYearSearch = OriginalityIndex.Searcher(thisYear)
        var historySearch = OriginalityIndex.Searcher(history ?? OriginalityIndex([]))
        var findings: [OriginalityFinding] = []
        for index in range {
            let declaration = declarations[index]
            let key = declaration.projectKey
            let code = ProjectKey(creditCode: declaration.creditCode, projectName: "").creditCode
            var own: [OriginalityFinding] = []
            if history != nil {
                for match in historySearch.matches(for: declaration.projectName) {
                    let project = historySearch.index.projects[match.index]
                    own.append(
                        OriginalityFinding(
                            declaration: index, match: project, score: match.score,
                            sameApplicant: project.projectKey.creditCode == code, isEarlierYear: true))
                }
            }
            for match in thisYearSearch.matches(for: declaration.projectName) where match.index != index {
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
