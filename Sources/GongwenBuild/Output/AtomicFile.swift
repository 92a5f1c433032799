import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file written whole or not at all: a temporary name beside it, then rename(2) over the old file,
/// which POSIX makes atomic. (Foundation's replaceItemAt on Linux was seen to fail after removing the
/// original, so it is not used.)
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(GongwenError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).gongwen-tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GongwenError(
                .io, path: url.path, message: "无法写入，原文件未改动 / cannot write; the previous file is untouched: \(error)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw GongwenError(
                .io, path: url.path, message: "无法替换，原文件未改动 / cannot replace; the previous file is untouched: \(reason)")
        }
    }
}
