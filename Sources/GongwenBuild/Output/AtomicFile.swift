import Foundation

/// One file written whole or not at all: a temporary name beside it, then a rename over the old file.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(GongwenError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).gongwen-tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GongwenError(
                .io, path: url.path, message: "无法写入，原文件未改动 / cannot write; the previous file is untouched: \(error)")
        }
    }
}
