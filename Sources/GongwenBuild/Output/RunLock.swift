import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One gongwen run's exclusive hold on an output folder or a campaign folder, through flock(2) on a small
/// lock file, so two builds (or two imports) never interleave.
///
/// The kernel releases the lock when the process ends, however it ends (kill -9 included), so a stale lock
/// never blocks anyone. The holder writes its pid, command and start time into the file; a run that waits in
/// vain names them. The lock file itself is left in place: deleting it would let a third run lock a new file
/// while the second still holds the old one.
public final class RunLock: @unchecked Sendable {
    /// How long a second run waits for the first before giving up (seconds). GONGWEN_LOCK_WAIT overrides it.
    public static var defaultWait: Double {
        ProcessInfo.processInfo.environment["GONGWEN_LOCK_WAIT"].flatMap(Double.init) ?? 60
    }

    public let url: URL
    private let descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The lock guarding the output folder `folder`: a hidden file beside it (the folder itself is swapped).
    public static func forOutput(_ folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).gongwen-lock")
    }

    /// The lock guarding a campaign folder's data files: a hidden file inside it.
    public static func forCampaign(_ folder: URL) -> URL {
        folder.appendingPathComponent(".gongwen-lock")
    }

    /// Takes the lock, waiting up to `wait` seconds for another run to let go of it.
    ///
    /// - Parameter what: what the lock guards, for the message (输出文件夹 output folder, 活动数据 campaign data).
    public static func acquire(
        _ url: URL, purpose: String, what: (chinese: String, english: String), wait: Double = defaultWait
    ) throws(GongwenError) -> RunLock {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GongwenError(
                .io, path: url.path,
                message: "无法创建锁文件 / cannot create the lock file: \(FileSystem.message(forErrno: errno))")
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = FileSystem.message(forErrno: errno)
                close(descriptor)
                throw GongwenError(.io, path: url.path, message: "无法加锁 / cannot lock: \(reason)")
            }
            guard Date() < deadline else {
                let holder = Self.holder(descriptor)
                close(descriptor)
                throw GongwenError(
                    .io, path: url.path,
                    message:
                        "另一个 gongwen 正在使用\(what.chinese)（\(holder)），等待 \(Int(wait)) 秒后放弃；请等它结束后再试"
                        + " / another gongwen run holds the \(what.english) (\(holder)); gave up after \(Int(wait)) s,"
                        + " try again when it has finished")
            }
            usleep(50_000)
        }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line = "pid \(getpid()) \(purpose) since \(stamp)\n"
        ftruncate(descriptor, 0)
        _ = line.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return RunLock(url: url, descriptor: descriptor)
    }

    /// What the holder wrote: `pid 4242 build since 2026-11-29T10:00:00Z`.
    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "pid unknown" }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
