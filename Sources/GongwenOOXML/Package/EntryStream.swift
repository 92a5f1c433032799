import CGongwenZlib
import Foundation

/// The data of one zip entry, deflated as it arrives; memory stays at zlib's window plus one output buffer.
public final class EntryStream {
    unowned let writer: ZipWriter
    let name: [UInt8]
    let method: UInt16
    let headerOffset: Int
    /// The pooled deflate stream (method 8 only), handed back when the entry is finished.
    var deflater: Deflater?
    var crc: uLong = crc32(0, nil, 0)
    var uncompressed = 0
    let dataStart: Int
    /// Set for entries deflated on a second thread (large streamed parts).
    var worker: DeflateWorker?

    init(writer: ZipWriter, name: [UInt8], method: UInt16, headerOffset: Int) throws {
        self.writer = writer
        self.name = name
        self.method = method
        self.headerOffset = headerOffset
        dataStart = writer.sink.offset
        if method == 8 { deflater = try Deflater.take(level: writer.level) }
    }

    deinit {
        // An entry abandoned after a failure: its stream is reset before anyone uses it again.
        if let deflater { Deflater.give(deflater) }
    }

    /// Bytes after which a streamed entry is deflated at level 1: a worksheet or document of 100,000 rows
    /// compresses some 10 % larger but several times faster, and deflating was a quarter of such a build.
    /// Everything smaller (every part of the sample campaign) keeps the writer's level and its bytes.
    static let fastAfter = 1 << 20
    var fast = false

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), bytes.count > 0 else { return }
        if method == 8, !fast, uncompressed >= Self.fastAfter, writer.level > 1 { try switchToFastLevel() }
        crc = crc32(crc, base, uInt(bytes.count))
        uncompressed += bytes.count
        guard let deflater else {
            try writer.sink.write(bytes)
            return
        }
        let stream = deflater.stream
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = uInt(bytes.count)
        try pump(flush: Z_NO_FLUSH)
    }

    public func write(_ bytes: [UInt8]) throws {
        if let worker {
            try worker.submit(bytes)
        } else {
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    /// Moves the deflating of this entry to a second thread; `write(_: [UInt8])` then only queues chunks.
    func deflateInBackground() {
        worker = DeflateWorker { [unowned self] chunk in try chunk.withUnsafeBytes { try self.write($0) } }
    }

    /// deflateParams between two writes (all input consumed): zlib ends the current block and goes on at
    /// level 1. The point depends only on the bytes written, so the output stays deterministic.
    private func switchToFastLevel() throws {
        fast = true
        guard let deflater, let out = deflater.output.baseAddress else { return }
        deflater.switchedLevel = true
        let stream = deflater.stream
        while true {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(deflater.output.count)
            let status = deflateParams(stream, 1, Z_DEFAULT_STRATEGY)
            let produced = deflater.output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try writer.sink.write(UnsafeRawBufferPointer(start: out, count: produced)) }
            guard status == Z_BUF_ERROR, produced > 0 else { return }
        }
    }

    private func pump(flush: Int32) throws {
        guard let deflater, let out = deflater.output.baseAddress else { return }
        let stream = deflater.stream
        let capacity = deflater.output.count
        repeat {
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(capacity)
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw ZipWriter.Failure(description: "zlib: deflate failed (\(status))")
            }
            let produced = capacity - Int(stream.pointee.avail_out)
            if produced > 0 { try writer.sink.write(UnsafeRawBufferPointer(start: out, count: produced)) }
            if flush == Z_FINISH, status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || (flush == Z_FINISH)
    }

    /// Flushes the deflater and patches the entry's header.
    public func finish() throws {
        if let worker {
            self.worker = nil
            try worker.close()
        }
        if let deflater {
            deflater.stream.pointee.next_in = nil
            deflater.stream.pointee.avail_in = 0
            try pump(flush: Z_FINISH)
            self.deflater = nil
            Deflater.give(deflater)
        }
        try writer.close(
            ZipWriter.CentralEntry(
                name: name, method: method, crc: UInt32(crc), compressedSize: writer.sink.offset - dataStart,
                uncompressedSize: uncompressed, localHeaderOffset: headerOffset))
    }
}
