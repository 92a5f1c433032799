import Foundation
import GongwenModel

/// SHA-256 of files, as manifest.json records them (lower-case hex), read in pieces so a file of any size
/// costs a megabyte of memory.
public enum FileDigest {
    /// Size and SHA-256 of the file at `url`.
    public static func sha256(of url: URL) throws -> (size: Int, hex: String) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
            hasher.update(piece)
            size += piece.count
        }
        return (size, Hex.lowercase(hasher.finalize()))
    }

    /// SHA-256 of bytes already in memory, as manifest.json records it.
    public static func sha256(_ data: Data) -> String { Hex.lowercase(SHA256.hash(data)) }
}
