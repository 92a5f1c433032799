import CGongwenPOSIX
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the output step needs, with failures turned into sentences a user can act on.
///
/// Foundation's errors print as `Error Domain=NSCocoaErrorDomain Code=642 "(null)" UserInfo={…}`, which
/// tells an office clerk nothing; every I/O failure gongwen reports goes through `describe(_:)` instead.
enum FileSystem {
    /// A failed call: the errno it left and the path it concerned.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var path: String

        var description: String { "\(path): \(FileSystem.message(forErrno: code))" }
    }

    /// Writes `data` into a new file at `path` (never over an existing one: O_EXCL), whole or with an error.
    static func createFile(_ path: String, data: Data) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(code: errno, path: path) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                remaining -= written
                pointer += written
            }
        }
        if failure != 0 { throw Failure(code: failure, path: path) }
    }

    /// fsync(2) of a file or folder: its bytes (or its entries) are on disk when this returns.
    static func sync(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno, path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(code: errno, path: path) }
    }

    /// Flushes the whole file system holding `path` (syncfs(2)): one call for the thousands of files of a
    /// staging folder, instead of an fsync each, so a power cut after the swap cannot leave an empty file
    /// under a good name.
    static func syncFileSystem(holding path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno, path: path) }
        defer { close(descriptor) }
        guard gongwen_syncfs(descriptor) == 0 else { throw Failure(code: errno, path: path) }
    }

    /// Exchanges two existing paths in one step (renameat2 RENAME_EXCHANGE). Returns false where the kernel or
    /// file system cannot exchange (EINVAL, ENOSYS), so the caller falls back to two renames.
    static func exchange(_ first: String, _ second: String) throws(Failure) -> Bool {
        if gongwen_rename_exchange(first, second) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
        throw Failure(code: code, path: second)
    }

    /// Renames `from` to `to` only if `to` does not exist; falls back to rename(2) where renameat2 is missing.
    static func renameNoReplace(_ from: String, _ to: String) throws(Failure) {
        if gongwen_rename_noreplace(from, to) == 0 { return }
        let code = errno
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP else { throw Failure(code: code, path: to) }
        guard access(to, F_OK) != 0 else { throw Failure(code: EEXIST, path: to) }
        guard rename(from, to) == 0 else { throw Failure(code: errno, path: to) }
    }

    /// What `lstat` says a path is.
    enum Kind { case missing, file, folder, symbolicLink, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// A sentence for any error met while reading or writing, never Foundation's raw dump.
    static func describe(_ error: any Error) -> String {
        if let failure = error as? Failure { return failure.description }
        if let error = error as? GongwenError { return error.message }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return message(forErrno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return message(forErrno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return message(forErrno: ENOENT)
            case .fileWriteOutOfSpace: return message(forErrno: ENOSPC)
            case .fileWriteNoPermission, .fileReadNoPermission: return message(forErrno: EACCES)
            case .fileWriteVolumeReadOnly: return message(forErrno: EROFS)
            case .fileWriteFileExists: return message(forErrno: EEXIST)
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return message(forErrno: ENAMETOOLONG)
            default: break
            }
        }
        return "无法读写文件 / a file could not be read or written (\(nsError.domain) \(nsError.code))"
    }

    /// errno as Chinese and English, for the failures an office meets.
    static func message(forErrno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "磁盘空间不足 / the disk is full"
        case EACCES, EPERM: "没有权限 / permission denied"
        case EROFS: "位置是只读的 / the location is read-only"
        case ENAMETOOLONG: "文件名过长 / the file name is too long"
        case ENOENT: "文件或文件夹不存在 / no such file or folder"
        case EEXIST: "已存在同名文件 / a file of that name already exists"
        case ENOTDIR: "路径中有一项不是文件夹 / a part of the path is not a folder"
        case EISDIR: "这是一个文件夹 / it is a folder"
        case EIO: "磁盘读写错误 / an input/output error on the disk"
        case EXDEV: "不在同一个磁盘上 / not on the same disk"
        default: "系统错误 / system error: " + String(cString: strerror(code))
        }
    }
}
