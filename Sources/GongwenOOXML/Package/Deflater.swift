import CGongwenZlib
import Foundation

/// One raw-deflate stream and its output buffer, kept for reuse.
///
/// `deflateInit2` allocates some 270 KB of state and an entry used to zero a 64 KB buffer of its own; for the
/// five small parts of an OFD certificate that was a third of the time, spent in malloc returning the memory
/// to the system and the kernel faulting it back in. `deflateReset` keeps the state and gives the same bytes
/// as a fresh stream (zlib's manual: "equivalent to deflateEnd followed by deflateInit, but does not free
/// and reallocate the internal compression state"), so pooled streams change no output.
final class Deflater: @unchecked Sendable {
    let level: Int32
    /// Heap-allocated so it never moves: zlib's state points back at its stream.
    let stream: UnsafeMutablePointer<z_stream>
    /// Uninitialised output space; zlib writes before anything reads it.
    let output: UnsafeMutableBufferPointer<Bytef>

    private init(level: Int32) throws {
        self.level = level
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(capacity: 1 << 16)
        // Raw deflate (negative window bits): zip stores no zlib header or trailer.
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw ZipWriter.Failure(description: "zlib: deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [Deflater] = []
    /// Enough for the writers two cores run at once; more idle streams would only hold memory.
    private static let keep = 4

    /// A stream at `level` ready for a new entry: a pooled one reset, or a new one.
    static func take(level: Int32) throws -> Deflater {
        lock.lock()
        let index = idle.lastIndex { $0.level == level }
        let pooled = index.map { idle.remove(at: $0) }
        lock.unlock()
        guard let pooled else { return try Deflater(level: level) }
        guard deflateReset(pooled.stream) == Z_OK else { return try Deflater(level: level) }
        return pooled
    }

    /// Hands a stream back after its entry finished (or failed; it is reset before the next use).
    static func give(_ deflater: Deflater) {
        // A stream switched to level 1 for a large part is not put back: its level would no longer match.
        guard !deflater.switchedLevel else { return }
        lock.lock()
        defer { lock.unlock() }
        if idle.count < keep { idle.append(deflater) }
    }

    var switchedLevel = false
}
