import Foundation
import GongwenModel
import GongwenReaders

/// The import's one write to the campaign's data: the declarations file with some recommenders' rows replaced,
/// proved right before it is written.
///
/// The edit keeps every other row byte for byte (`DeclarationsFileEdit`); then the new bytes are read back as a
/// build would read them, and they must give exactly the declarations read before for every recommender not
/// replaced, in the same order, plus the imported rows. Anything else is refused with nothing written: a tool
/// that once loses a declaration is not used again.
struct DeclarationsRewrite {
    let url: URL
    /// The file's name relative to the campaign folder, for messages.
    let file: String
    let exists: Bool
    /// The campaign as read before the import.
    let before: CampaignData

    func replacing(_ recommenders: Set<String>, with added: [Declaration]) throws(GongwenError) -> Data {
        let campaign = before.campaign
        func isReplaced(_ named: String) -> Bool {
            campaign.recommender(named: named).map { recommenders.contains($0.id) } ?? false
        }
        let existing: Data?
        do {
            existing = exists ? try Data(contentsOf: url) : nil
        } catch {
            throw GongwenError(.io, path: url.path, message: FileSystem.describe(error))
        }
        let edit: DeclarationsFileEdit
        let result: (data: Data, keptRows: Int)
        do {
            edit = try DeclarationsFileEdit(existing: existing, file: file)
            result = try edit.replacing(rowsWhere: isReplaced, with: added)
        } catch {
            switch error {
            case .unreadable(let diagnostics):
                throw GongwenError(
                    .invalidData, path: url.path,
                    message: "申报表无法读取，未改动 / the declarations file cannot be read; it is unchanged",
                    diagnostics: diagnostics)
            case .unencodable(let encoding):
                throw GongwenError(
                    .invalidData, path: url.path,
                    message:
                        "新内容无法用文件原来的 \(encoding.rawValue) 编码写入，未改动 / the new rows cannot be written in the file's"
                        + " \(encoding.rawValue) encoding; it is unchanged")
            }
        }
        let others = before.declarations.filter { !isReplaced($0.recommender) }
        let (reread, diagnostics) = CampaignTables.declarations(from: result.data, file: file)
        let rereadOthers = reread.filter { !isReplaced($0.recommender) }
        func identity(_ declaration: Declaration) -> [String] {
            DeclarationField.allCases.map { declaration[$0] }
        }
        guard result.keptRows == others.count, !diagnostics.hasErrors,
            rereadOthers.map(identity) == others.map(identity),
            reread.count == others.count + added.count
        else {
            throw GongwenError(
                .io, path: url.path,
                message:
                    "写回前核对不符（其他推荐单位读入 \(others.count) 行，写回 \(rereadOthers.count) 行），未改动 / the rewritten"
                    + " file would not hold the other recommenders' \(others.count) rows as read; nothing was changed")
        }
        return result.data
    }
}
