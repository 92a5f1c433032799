import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenRendering
import GongwenTemplates

/// What a build wrote: one file in the staging folder, with what the manifest says of it. The bytes are gone
/// once written; only their size and SHA-256 stay.
public struct WrittenFile: Sendable, Equatable {
    public var path: String
    public var size: Int
    public var sha256: String
    public var kind: DocumentKind
    public var documentNumber: String?
    public var title: String
    public var fonts: [String]
    /// The archive record of an issued document's DOCX (see ``RenderedFile/issuance``).
    public var issuance: IssuanceRecord?
    /// Its OFD copy and preview, kept for the archive step, when they could not be written in the job that laid
    /// them out (`--embed-fonts`: each subset holds the characters of every document, known only at the end).
    public var fixedLayout: FixedLayoutCopy?
    /// Its OFD copy and preview, already written by its job (the pages freed there, not held to the end).
    public var fixedLayoutFiles: FixedLayoutFiles?
    /// A decision's record: the issued document whose archive package keeps it (``RenderedFile/basisOf``).
    public var basisOf: DocumentKey?
}

/// The files a job wrote for a document's fixed-layout copy: the OFD and, for an issued document, the
/// preview of its pages. The archive step lists them where it once wrote them, so the manifest is the same.
public final class FixedLayoutFiles: Sendable, Equatable {
    public let ofd: WrittenFile
    public let preview: WrittenFile?

    init(ofd: WrittenFile, preview: WrittenFile?) {
        self.ofd = ofd
        self.preview = preview
    }

    public static func == (lhs: FixedLayoutFiles, rhs: FixedLayoutFiles) -> Bool {
        lhs.ofd == rhs.ofd && lhs.preview == rhs.preview
    }
}

/// The new output as it is being built: a folder of its own beside the output folder, named for this run, into
/// which every document is written (and hashed) the moment it is rendered, so no step holds all outputs.
/// `OutputFolder` swaps it in when the build is complete; a failed build discards it.
public final class StagingFolder: @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()
    private var committed = false
    /// Called before each file is written, so a test can interrupt a build mid-write.
    let interruption: (@Sendable (Int) throws -> Void)?
    private var written = 0

    init(url: URL, interruption: (@Sendable (Int) throws -> Void)?) throws(GongwenError) {
        self.url = url
        self.interruption = interruption
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GongwenError(
                .io, path: url.path,
                message: "无法创建暂存文件夹 / cannot create the staging folder: " + FileSystem.describe(error))
        }
    }

    /// Writes one file (thread-safe: jobs on several cores write their own files) and returns its record.
    public func write(_ file: RenderedFile) throws(GongwenError) -> WrittenFile {
        let index = lock.withLock {
            written += 1
            return written - 1
        }
        let destination = url.appendingPathComponent(file.path)
        let size: Int
        let digest: String
        do {
            try interruption?(index)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.content {
            case .bytes(let data):
                try FileSystem.createFile(destination.path, data: data)
                (size, digest) = (data.count, FileDigest.sha256(data))
            case .streamed(let write):
                // Written into its file as it is made; hashed from the file once complete (the zip's local
                // headers are patched after each entry, so the bytes cannot be hashed on the way).
                let sink = try FileSink(url: destination)
                try write(sink)
                try sink.close()
                (size, digest) = try FileDigest.sha256(of: destination)
            }
        } catch {
            throw GongwenError(
                .io, path: file.path,
                message: "写入失败，原有输出未改动 / writing failed, the previous output is untouched: "
                    + FileSystem.describe(error))
        }
        return WrittenFile(
            path: file.path, size: size, sha256: digest, kind: file.kind, documentNumber: file.documentNumber,
            title: file.title, fonts: file.fonts, issuance: file.issuance, fixedLayout: file.fixedLayout,
            basisOf: file.basisOf)
    }

    /// The folder now belongs to the output (or is gone): nothing to discard.
    func markCommitted() {
        lock.withLock { committed = true }
    }

    /// Deletes the staging folder of a build that did not complete; the previous output is untouched.
    public func discard() {
        let done = lock.withLock { committed }
        if !done { try? FileManager.default.removeItem(at: url) }
    }

    deinit {
        discard()
    }
}
