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

    /// Writes `data` to `url` whole or not at all. With `replacing` false an existing file is never replaced —
    /// link(2) of the finished temporary file fails if the name is taken, atomically, so a file the user made
    /// there (a workbook already marked by hand) between a check and the write is not lost either.
    public static func write(_ data: Data, to url: URL, replacing: Bool = true) throws(GongwenError) {
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
        if !replacing {
            defer { unlink(temporary.path) }
            guard link(temporary.path, url.path) == 0 else {
                let exists = errno == EEXIST
                let reason = FileSystem.message(forErrno: errno)
                throw GongwenError(
                    .io, path: url.path,
                    message: exists
                        ? "文件已存在，未覆盖（请换一个文件名或文件夹，或加 --force 覆盖）/ the file exists and was not"
                            + " overwritten (choose another name or folder, or pass --force)"
                        : "无法写入 / cannot write: \(reason)")
            }
            try? FileSystem.sync(folder.path)
            return
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
