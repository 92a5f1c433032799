import Foundation
import GongwenModel
import GongwenRendering
import GongwenTemplates

/// `manifest.json`: every file of a build with its size, SHA-256, document kind and 文号, so an archivist can
/// later prove that a file is the one issued. No timestamps: the same data gives the same manifest.
struct Manifest: Encodable {
    static let fileName = "manifest.json"

    struct CampaignEntry: Encodable {
        var title: String
        var year: Int
        var organizer: String
    }

    struct FileEntry: Encodable {
        var path: String
        var size: Int
        var sha256: String
        var kind: String
        var title: String
        var documentNumber: String?
    }

    var generator = "gongwen"
    var campaign: CampaignEntry
    var inputs: [String]
    var files: [FileEntry]

    init(campaign: Campaign, inputs: [String], files: [WrittenFile]) {
        self.campaign = CampaignEntry(title: campaign.title, year: campaign.year, organizer: campaign.organizer.name)
        self.inputs = inputs
        self.files = files.map { file in
            FileEntry(
                path: file.path, size: file.size, sha256: file.sha256, kind: file.kind.rawValue, title: file.title,
                documentNumber: file.documentNumber)
        }
    }

    /// Pretty, key-sorted JSON ending in a newline: stable bytes, readable in a text editor.
    func encoded() throws(GongwenError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw GongwenError(.io, path: Self.fileName, message: "清单无法编码 / cannot encode the manifest: \(error)")
        }
    }
}
