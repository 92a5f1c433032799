import CGongwenSHA256

/// SHA-256 (FIPS 180-4): the digest manifest.json, SHA256SUMS and 元数据.xml record and the OFD's DocID is made
/// of.
///
/// gongwen's own (Sources/CGongwenSHA256) instead of swift-crypto, which a fresh build compiled about 250 C
/// files of BoringSSL for, for this one hash. It uses the processor's SHA extensions where there are any.
/// Tested against the NIST example vectors and against coreutils' sha256sum (SHA256Tests).
public struct SHA256: Sendable {
    private var context = gongwen_sha256_context()

    /// A new hash; `portable` keeps to the compression function of FIPS 180-4 §6.2.2 even where the processor
    /// has SHA extensions (for the tests that hold one path against the other).
    public init(portable: Bool = false) {
        gongwen_sha256_init(&context, portable ? 1 : 0)
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        gongwen_sha256_update(&context, base, buffer.count)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// The 32-byte digest; the hash is used up.
    public consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { gongwen_sha256_final(&context, $0.baseAddress) }
        return digest
    }

    /// The digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Whether this processor's SHA extensions are in use.
    public static var usesProcessorExtensions: Bool { gongwen_sha256_accelerated() == 1 }
}
