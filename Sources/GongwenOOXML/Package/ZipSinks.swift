import Foundation

/// A package assembled in memory: the build's documents are small and written atomically afterwards.
public final class MemorySink: ZipSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public var offset: Int { bytes.count }
    public var data: Data { Data(bytes) }

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: buffer)
    }

    public func patch(at offset: Int, with patch: [UInt8]) throws {
        bytes.replaceSubrange(offset..<offset + patch.count, with: patch)
    }
}

/// A package streamed to a file, for tables too large to hold: memory stays flat whatever the row count.
public final class FileSink: ZipSink {
    let handle: FileHandle
    public private(set) var offset = 0

    /// Creates (or truncates) the file at `url`.
    public init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        try handle.write(contentsOf: Data(buffer))
        offset += buffer.count
    }

    public func patch(at position: Int, with patch: [UInt8]) throws {
        try handle.seek(toOffset: UInt64(position))
        try handle.write(contentsOf: Data(patch))
        try handle.seek(toOffset: UInt64(offset))
    }

    public func close() throws {
        try handle.close()
    }
}
