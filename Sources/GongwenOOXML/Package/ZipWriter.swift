import CGongwenZlib
import Foundation

/// Where a zip package's bytes go: memory for the build's small files, a file for large streamed tables.
public protocol ZipSink: AnyObject {
    /// Bytes written so far.
    var offset: Int { get }
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Overwrites bytes already written (the sizes and CRC of an entry's local header).
    func patch(at offset: Int, with bytes: [UInt8]) throws
}

/// A ZIP archive (APPNOTE 6.3.x, without ZIP64) written for Office Open XML packages: entries in the order
/// they are added, one fixed modification time, deflate at a chosen level, no extra fields, no comments.
/// The same parts in the same order give the same bytes.
///
/// Written by hand rather than with ZIPFoundation (which gongwen uses to read archives) because a worksheet
/// is streamed: its size is unknown until its last row, and ZIPFoundation needs each entry's uncompressed size
/// before its data and deflates at a fixed level. Here the local header's CRC and sizes are patched once the
/// entry is complete, so no data descriptors are needed, which every Office reader accepts.
public final class ZipWriter {
    struct CentralEntry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    let sink: ZipSink
    let level: Int32
    let dosTime: UInt16
    let dosDate: UInt16
    var entries: [CentralEntry] = []
    var names: Set<String> = []
    var openEntry: EntryStream?

    /// - Parameters:
    ///   - level: zlib level 0…9; 6 is zlib's default, 1 is several times faster for a little more size.
    ///   - year, month, day: the entries' modification date (DOS format starts at 1980).
    public init(sink: ZipSink, level: Int32 = 6, year: Int = 1980, month: Int = 1, day: Int = 1) {
        self.sink = sink
        self.level = level
        dosTime = 0
        dosDate = UInt16(max(0, min(127, year - 1980)) << 9 | month << 5 | day)
    }

    /// Adds a whole entry.
    public func add(_ name: String, _ data: Data) throws {
        let stream = try begin(name)
        try data.withUnsafeBytes { try stream.write($0) }
        try stream.finish()
    }

    /// Starts an entry whose data is written in pieces; call `finish()` on the stream before the next entry.
    /// With `background`, chunks given as arrays are deflated on a second thread (same bytes, less time).
    public func begin(_ name: String, background: Bool = false) throws -> EntryStream {
        guard openEntry == nil else { throw Failure(description: "zip: an entry is still open") }
        guard names.insert(name).inserted else { throw Failure(description: "zip: duplicate entry \(name)") }
        let nameBytes = Array(name.utf8)
        let method: UInt16 = level == 0 ? 0 : 8
        let headerOffset = sink.offset
        var header = ByteBuffer()
        header.append32(0x0403_4B50)
        header.append16(20)  // version needed: 2.0 (deflate)
        header.append16(nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)  // bit 11: the name is UTF-8
        header.append16(method)
        header.append16(dosTime)
        header.append16(dosDate)
        header.append32(0)  // CRC-32, patched in finish
        header.append32(0)  // compressed size, patched
        header.append32(0)  // uncompressed size, patched
        header.append16(UInt16(nameBytes.count))
        header.append16(0)  // no extra field
        header.bytes += nameBytes
        try header.bytes.withUnsafeBytes { try sink.write($0) }
        let stream = try EntryStream(writer: self, name: nameBytes, method: method, headerOffset: headerOffset)
        if background, method == 8 { stream.deflateInBackground() }
        openEntry = stream
        return stream
    }

    func close(_ entry: CentralEntry) throws {
        guard entry.compressedSize < 0xFFFF_FFFF, entry.uncompressedSize < 0xFFFF_FFFF,
            entry.localHeaderOffset < 0xFFFF_FFFF
        else { throw Failure(description: "zip: an entry over 4 GiB needs ZIP64, which gongwen does not write") }
        var patch = ByteBuffer()
        patch.append32(entry.crc)
        patch.append32(UInt32(entry.compressedSize))
        patch.append32(UInt32(entry.uncompressedSize))
        try sink.patch(at: entry.localHeaderOffset + 14, with: patch.bytes)
        entries.append(entry)
        openEntry = nil
    }

    /// Writes the central directory and the end record.
    public func finish() throws {
        guard openEntry == nil else { throw Failure(description: "zip: an entry is still open") }
        let directoryOffset = sink.offset
        var directory = ByteBuffer()
        for entry in entries {
            directory.append32(0x0201_4B50)
            directory.append16(20)  // made by: MS-DOS, 2.0
            directory.append16(20)
            directory.append16(entry.name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
            directory.append16(entry.method)
            directory.append16(dosTime)
            directory.append16(dosDate)
            directory.append32(entry.crc)
            directory.append32(UInt32(entry.compressedSize))
            directory.append32(UInt32(entry.uncompressedSize))
            directory.append16(UInt16(entry.name.count))
            directory.append16(0)  // extra
            directory.append16(0)  // comment
            directory.append16(0)  // disk
            directory.append16(0)  // internal attributes
            directory.append32(0)  // external attributes
            directory.append32(UInt32(entry.localHeaderOffset))
            directory.bytes += entry.name
        }
        let directorySize = directory.bytes.count
        directory.append32(0x0605_4B50)
        directory.append16(0)
        directory.append16(0)
        directory.append16(UInt16(entries.count))
        directory.append16(UInt16(entries.count))
        directory.append32(UInt32(directorySize))
        directory.append32(UInt32(directoryOffset))
        directory.append16(0)
        try directory.bytes.withUnsafeBytes { try sink.write($0) }
    }
}

/// Little-endian bytes for zip headers.
struct ByteBuffer {
    var bytes: [UInt8] = []

    mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

/// An entry deflated once and written many times: the parts every certificate shares (styles, settings,
/// fonts, relationships) are compressed once, then copied into each package.
public struct PreparedEntry: Sendable {
    public let name: String
    let compressed: [UInt8]
    let crc: UInt32
    let size: Int

    /// Deflates `data` at `level` (0 stores it).
    public init(name: String, data: Data, level: Int32 = 6) throws {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: level)
        try zip.add(name, data)
        let bytes = sink.bytes
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let compressedSize = Int(bytes[18]) | Int(bytes[19]) << 8 | Int(bytes[20]) << 16 | Int(bytes[21]) << 24
        self.name = name
        compressed = Array(bytes[(30 + nameLength)..<(30 + nameLength + compressedSize)])
        crc = UInt32(bytes[14]) | UInt32(bytes[15]) << 8 | UInt32(bytes[16]) << 16 | UInt32(bytes[17]) << 24
        size = data.count
        method = level == 0 ? 0 : 8
    }

    let method: UInt16
}

extension ZipWriter {
    /// Adds an entry compressed beforehand; the result is the same bytes as `add(name, data)` at that level.
    public func add(_ entry: PreparedEntry) throws {
        guard openEntry == nil else { throw Failure(description: "zip: an entry is still open") }
        guard names.insert(entry.name).inserted else {
            throw Failure(description: "zip: duplicate entry \(entry.name)")
        }
        let nameBytes = Array(entry.name.utf8)
        let headerOffset = sink.offset
        var header = ByteBuffer()
        header.append32(0x0403_4B50)
        header.append16(20)
        header.append16(nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
        header.append16(entry.method)
        header.append16(dosTime)
        header.append16(dosDate)
        header.append32(entry.crc)
        header.append32(UInt32(entry.compressed.count))
        header.append32(UInt32(entry.size))
        header.append16(UInt16(nameBytes.count))
        header.append16(0)
        header.bytes += nameBytes
        try header.bytes.withUnsafeBytes { try sink.write($0) }
        try entry.compressed.withUnsafeBytes { try sink.write($0) }
        entries.append(
            CentralEntry(
                name: nameBytes, method: entry.method, crc: entry.crc, compressedSize: entry.compressed.count,
                uncompressedSize: entry.size, localHeaderOffset: headerOffset))
    }
}
