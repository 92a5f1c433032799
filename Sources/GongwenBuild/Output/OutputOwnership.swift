import Foundation

/// Decides whether a folder is gongwen's to replace: `--output ~/Desktop` must never delete a desktop.
///
/// A folder is gongwen's when it does not exist, is empty, or holds a manifest.json that says gongwen wrote
/// it, nothing that manifest does not list, and no listed file changed since (`OutputVerifier`). Hidden
/// entries count (`.git/`, `.env`), and so does a file a person added to gongwen's output (a scanned, stamped
/// form) or edited in it: the build then refuses and names them, so the person can move them first. Nothing
/// is ever deleted that the manifest did not list as gongwen wrote it.
struct OutputOwnership {
    let folder: URL
    /// How many unexpected entries a refusal names before saying "and N more".
    static let namedEntries = 10

    /// The part of manifest.json this check reads.
    private struct Listing: Decodable {
        struct Entry: Decodable { var path: String }
        var generator: String?
        var files: [Entry]?
    }

    func check() throws(GongwenError) {
        switch FileSystem.kind(of: folder.path) {
        case .missing:
            return
        case .folder:
            break
        case .file, .other, .symbolicLink:
            throw refusal("输出位置不是文件夹", "the output path is not a folder")
        }
        let entries = Self.entries(below: folder)
        guard !entries.isEmpty else { return }
        guard entries.contains(Manifest.fileName) else {
            throw refusal(
                "文件夹里已有不是 gongwen 生成的内容（没有 manifest.json）：\(list(entries))",
                "the folder holds things gongwen did not make (no manifest.json): \(list(entries))")
        }
        let manifestURL = folder.appendingPathComponent(Manifest.fileName)
        guard let data = try? Data(contentsOf: manifestURL),
            let listing = try? JSONDecoder().decode(Listing.self, from: data), listing.generator == "gongwen",
            let files = listing.files
        else {
            throw refusal(
                "文件夹里的 manifest.json 不是 gongwen 写的：\(list(entries))",
                "the folder's manifest.json was not written by gongwen: \(list(entries))")
        }
        var expected = Set(files.map(\.path))
        expected.insert(Manifest.fileName)
        for path in files.map(\.path) {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                expected.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let unexpected = entries.filter { !expected.contains($0) }
        guard unexpected.isEmpty else {
            throw refusal(
                "输出文件夹里有 gongwen 清单之外的文件，为免丢失不会覆盖；请先移走：\(list(unexpected))",
                "the output folder holds files its manifest does not list; move them out first, gongwen will not"
                    + " delete them: \(list(unexpected))")
        }
        // A file gongwen wrote and a person then changed (a table edited in Excel, a notice signed in Word) is
        // as much the person's as a file they added.
        let edited = try OutputVerifier(folder: folder).verify().findings.filter { $0.kind == .changed }.map(\.path)
        guard edited.isEmpty else {
            throw refusal(
                "输出文件夹里有文件在 gongwen 生成后被改动过，为免丢失不会覆盖；请先移走或另存：\(list(edited))",
                "files in the output folder were changed after gongwen wrote them; move or save them elsewhere"
                    + " first, gongwen will not overwrite them: \(list(edited))")
        }
    }

    /// Every entry below `folder` (hidden ones included), as paths relative to it; symbolic links are entries,
    /// never followed.
    static func entries(below folder: URL) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder.path : folder.appendingPathComponent(relative).path
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                result.append(path)
                if FileSystem.kind(of: folder.appendingPathComponent(path).path) == .folder { pending.append(path) }
            }
        }
        return result.sorted()
    }

    private func list(_ entries: [String]) -> String {
        let named = entries.prefix(Self.namedEntries).joined(separator: ", ")
        let more = entries.count - Self.namedEntries
        return more > 0 ? named + " …（另有 \(more) 项 / and \(more) more）" : named
    }

    private func refusal(_ chinese: String, _ english: String) -> GongwenError {
        GongwenError(.io, path: folder.path, message: "\(chinese)，不会覆盖 / \(english); refusing to replace it")
    }
}
