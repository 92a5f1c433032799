/// Which recommender a returned form means, from what its `推荐单位(公章):` line says.
///
/// Recommenders write their name as their seal reads, which is seldom the campaign's spelling: "滨海新区汉沽
/// 市场监督管理所" for "滨海新区市场监督管理局汉沽市场监管所". Names are compared after folding the known
/// equivalences: 市场监督管理局 ≈ 市场监管局, 市场监督管理所 ≈ 市场监管所, a leading 天津市 / 天津 / 滨海新区
/// dropped, full-width forms, spaces and punctuation ignored; against each recommender's id, name and short
/// name. Exactly one match is taken; otherwise the clerk is shown the candidates, with their ids.
public enum RecommenderMatch: Equatable, Sendable {
    case one(Recommender)
    /// Several recommenders fit the name equally.
    case ambiguous([Recommender])
    /// None fits; the closest, best first.
    case none(closest: [Recommender])
}

extension Campaign {
    public func match(recommender written: String) -> RecommenderMatch {
        if let exact = recommender(named: written) { return .one(exact) }
        let wanted = Self.folded(written)
        guard !wanted.isEmpty else { return .none(closest: []) }
        let matches = recommenders.filter { recommender in
            ([recommender.name, recommender.id] + [recommender.shortName].compactMap { $0 }).contains {
                Self.folded($0) == wanted
            }
        }
        if matches.count == 1, let only = matches.first { return .one(only) }
        if matches.count > 1 { return .ambiguous(matches) }
        // The closest: most characters in common with the name or the short name.
        let scored = recommenders.map { recommender -> (Recommender, Int) in
            let names = [recommender.name] + [recommender.shortName].compactMap { $0 }
            return (recommender, names.map { Self.shared(Self.folded($0), wanted) }.max() ?? 0)
        }
        let closest = scored.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(3).map(\.0)
        return .none(closest: Array(closest))
    }

    /// A name with the equivalences above folded away.
    static func folded(_ name: String) -> String {
        let ignored = Set(" \t\u{3000}()（）[]【】<>《》·.,，、:：;；-—_\"'“”‘’".unicodeScalars.map(\.value))
        var text = String(
            String.UnicodeScalarView(
                TextNormalization.halfWidth(name).unicodeScalars.filter { !ignored.contains($0.value) }))
        text = text.replacing("市场监督管理局", with: "市场监管局").replacing("市场监督管理所", with: "市场监管所")
            .uppercased()
        var dropped = true
        while dropped {
            dropped = false
            for prefix in ["天津市", "天津", "滨海新区"] where text.hasPrefix(prefix) && text.count > prefix.count {
                text.removeFirst(prefix.count)
                dropped = true
            }
        }
        return text
    }

    /// Characters the two names have in common (as a multiset).
    static func shared(_ first: String, _ second: String) -> Int {
        var counts: [Character: Int] = [:]
        for character in first { counts[character, default: 0] += 1 }
        var shared = 0
        for character in second where counts[character, default: 0] > 0 {
            counts[character, default: 0] -= 1
            shared += 1
        }
        return shared
    }
}
