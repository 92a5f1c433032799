import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file written whole or not at all: a temporary name beside it, unique to this run, flushed to disk,
/// then rename(2) over the old file, which POSIX makes atomic, and the folder flushed so the rename itself
/// survives a power cut. (Foundation's replaceItemAt on Linux was seen to fail after removing the original,
/// so it is not used.)
public enum AtomicFile {
    /// Makes temporary names unique within a process, as the pid makes them unique between processes.
    private static let counter = Counter()

    public static func write(_ data: Data, to url: URL) throws(GongwenError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).gongwen-tmp-\(getpid())-\(counter.next())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileSystem.createFile(temporary.path, data: data)
            try FileSystem.sync(temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GongwenError(
                .io, path: url.path,
                message: "无法写入，原文件未改动 / cannot write; the previous file is untouched: "
                    + FileSystem.describe(error))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = FileSystem.message(forErrno: errno)
            try? FileManager.default.removeItem(at: temporary)
            throw GongwenError(
                .io, path: url.path, message: "无法替换，原文件未改动 / cannot replace; the previous file is untouched: \(reason)")
        }
        try? FileSystem.sync(folder.path)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
