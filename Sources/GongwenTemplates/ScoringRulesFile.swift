import Foundation
import GongwenModel

/// `judging/scoring.yaml` of the templates folder: the office's scoring rules (``ScoringRules``), checked —
/// criteria named once each with positive points, a known aggregate, tie-break criteria that exist.
public enum ScoringRulesFile {
    public static let path = "judging/scoring.yaml"

    struct File: Decodable {
        struct Criterion: Decodable {
            var name: String
            var points: Int
            var guidance: String?
        }

        var title: String
        var criteria: [Criterion]
        var aggregate: String?
        var tieBreak: [String]?

        enum CodingKeys: String, CodingKey {
            case title, criteria, aggregate
            case tieBreak = "tie_break"
        }
    }

    public static func load(from folder: TemplateFolder) throws(TemplateError) -> ScoringRules {
        let (file, path) = try folder.decodeYAML(File.self, at: path)
        func fail(_ chinese: String, _ english: String) -> TemplateError {
            TemplateError(file: path, line: nil, column: nil, message: "\(chinese) / \(english)")
        }
        guard !file.criteria.isEmpty else { throw fail("没有评分项（criteria）", "no criteria") }
        var names: Set<String> = []
        for criterion in file.criteria {
            guard !criterion.name.isEmpty, names.insert(criterion.name).inserted else {
                throw fail("评分项“\(criterion.name)”为空或重复", "criterion \"\(criterion.name)\" is empty or named twice")
            }
            guard criterion.points > 0 else {
                throw fail("评分项“\(criterion.name)”的分值须为正整数", "criterion \"\(criterion.name)\" needs positive points")
            }
        }
        guard let aggregate = ScoringRules.Aggregate(rawValue: file.aggregate ?? "trimmed_mean") else {
            throw fail(
                "aggregate “\(file.aggregate ?? "")”无效，可用 mean 或 trimmed_mean",
                "aggregate \"\(file.aggregate ?? "")\" is unknown; use mean or trimmed_mean")
        }
        for name in file.tieBreak ?? [] where !names.contains(name) {
            throw fail("tie_break 中的“\(name)”不是评分项", "tie_break names \"\(name)\", which is not a criterion")
        }
        return ScoringRules(
            title: file.title,
            criteria: file.criteria.map { .init(name: $0.name, points: $0.points, guidance: $0.guidance ?? "") },
            aggregate: aggregate, tieBreak: file.tieBreak ?? [])
    }
}
