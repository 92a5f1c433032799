import Foundation
import GongwenModel
import GongwenReaders

/// The import's write to the declarations: the file with the changes applied, proved right before it is
/// written.
///
/// The edit (`TableFileEdit`) rewrites a changed row in its place, drops a removed one, adds new rows at the
/// end and keeps every other byte. Then the new bytes are read back as a build would read them, and they must
/// give exactly the declarations read before with those changes — every other row the same, in the same
/// order. Anything else is refused with nothing written: a tool that once loses a declaration is not used again.
struct DeclarationsRewrite {
    let url: URL
    /// The file's name relative to the campaign folder, for messages.
    let file: String
    let exists: Bool
    /// The campaign as read before the import.
    let before: CampaignData

    /// What becomes of a row of the data, by its recommender's id and project.
    struct Plan {
        var replacements: [String: [ProjectKey: Declaration]] = [:]
        var removals: [String: Set<ProjectKey>] = [:]
        var added: [Declaration] = []

        init(_ changes: [RecommenderChange]) {
            for change in changes {
                for changed in change.changed {
                    replacements[change.recommender, default: [:]][changed.before.projectKey] = changed.after
                }
                removals[change.recommender, default: []].formUnion(change.removed.map(\.projectKey))
                added += change.added
            }
        }

        /// What a row becomes: kept as it is (the edit leaves its bytes), replaced by a row, or removed.
        enum Fate {
            case keep
            case remove
            case replace(Declaration)
        }

        func fate(recommender id: String?, key: ProjectKey) -> Fate {
            guard let id else { return .keep }
            if let replacement = replacements[id]?[key] { return .replace(replacement) }
            if removals[id]?.contains(key) == true { return .remove }
            return .keep
        }
    }

    func applying(_ changes: [RecommenderChange]) throws(GongwenError) -> Data {
        let campaign = before.campaign
        let plan = Plan(changes)
        let existing: Data?
        do {
            existing = exists ? try Data(contentsOf: url) : nil
        } catch {
            throw GongwenError(.io, path: url.path, message: FileSystem.describe(error))
        }
        let result: (data: Data, keptRows: Int)
        let fieldKeys: Set<String>
        do {
            let edit = try TableFileEdit(existing: existing, file: file)
            fieldKeys = edit.fieldKeys
            result = try edit.rewriting(
                { values in
                    let fate = plan.fate(
                        recommender: campaign.recommender(named: values[DeclarationField.recommender.rawValue] ?? "")?
                            .id,
                        key: ProjectKey(
                            creditCode: values[DeclarationField.creditCode.rawValue] ?? "",
                            projectName: values[DeclarationField.projectName.rawValue] ?? ""))
                    switch fate {
                    case .keep: return .keep
                    case .remove: return .remove
                    case .replace(let replacement): return .replace(replacement.fieldValues)
                    }
                }, appending: plan.added.map(\.fieldValues))
        } catch {
            throw Self.refusal(error, url: url)
        }
        // What the file must hold afterwards, row for row.
        var expected: [Declaration] = []
        for declaration in before.declarations {
            switch plan.fate(
                recommender: campaign.recommender(named: declaration.recommender)?.id, key: declaration.projectKey)
            {
            case .keep: expected.append(declaration)
            case .remove: continue
            case .replace(let replacement): expected.append(replacement)
            }
        }
        expected += plan.added
        let (reread, diagnostics) = CampaignTables.declarations(from: result.data, file: file)
        // Compared on the columns the file has (a file without 收到日期 keeps none).
        let compared = DeclarationField.allCases.filter { fieldKeys.contains($0.rawValue) }
        func identity(_ declaration: Declaration) -> [String] { compared.map { declaration[$0] } }
        guard !diagnostics.hasErrors, reread.map(identity) == expected.map(identity) else {
            throw GongwenError(
                .io, path: url.path,
                message:
                    "写回前核对不符（应有 \(expected.count) 行，读回 \(reread.count) 行），未改动 / the rewritten file would not hold"
                    + " the \(expected.count) rows it must; nothing was changed")
        }
        return result.data
    }

    static func refusal(_ error: TableFileEdit.Failure, url: URL) -> GongwenError {
        switch error {
        case .unreadable(let diagnostics):
            GongwenError(
                .invalidData, path: url.path,
                message:
                    "“\(url.lastPathComponent)”无法读取，未改动 / \(url.lastPathComponent) cannot be read; it is unchanged",
                diagnostics: diagnostics)
        case .unencodable(let encoding):
            GongwenError(
                .invalidData, path: url.path,
                message:
                    "新内容无法用文件原来的 \(encoding.rawValue) 编码写入，未改动 / the new rows cannot be written in the file's"
                    + " \(encoding.rawValue) encoding; it is unchanged")
        }
    }
}
