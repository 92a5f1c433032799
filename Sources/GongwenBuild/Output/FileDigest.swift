import Foundation
import GongwenModel

#if canImport(Glibc)
    import Glibc
#endif

/// SHA-256 of files, as manifest.json records them (lower-case hex), read in pieces so a file of any size
/// costs a megabyte of memory.
public enum FileDigest {
    /// Size and SHA-256 of the file at `url`, read with read(2) into one reused megabyte.
    public static func sha256(of url: URL) throws -> (size: Int, hex: String) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += count
        }
        return (size, Hex.lowercase(hasher.finalize()))
    }

    /// SHA-256 of bytes already in memory, as manifest.json records it.
    public static func sha256(_ data: Data) -> String {
        var hasher = SHA256()
        data.withUnsafeBytes { hasher.update($0) }
        return Hex.lowercase(hasher.finalize())
    }
}
