import Foundation
import MultipartKit
import NIOCore

/// A returned form's upload, parsed with MultipartKit as it arrives: each file part streamed into a file of its
/// own in `folder`, so an upload costs disk, not memory (the server stays small however large the body);
/// a file over `fileLimit`, or more than `fieldLimit` bytes of plain fields, stops the reading at once. An
/// uploaded file's name is kept only to be shown and for its extension; it never becomes a path.
final class MultipartForm {
    struct Upload {
        /// The name the browser gave (shown, never used as a path).
        var name: String
        /// Where its bytes were written.
        var url: URL
        var size: Int
    }

    enum Failure: Error {
        case fileTooLarge
        case fieldsTooLarge
        case malformed
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [Upload] = []
    private let folder: URL
    private let fileLimit: Int
    private let fieldLimit: Int
    private let parser: MultipartParser
    private var headers: [String: String] = [:]
    private var field = Data()
    private var fieldBytes = 0
    private var handle: FileHandle?
    private var failure: Failure?

    init(boundary: String, folder: URL, fileLimit: Int, fieldLimit: Int = 64 * 1024) {
        self.folder = folder
        self.fileLimit = fileLimit
        self.fieldLimit = fieldLimit
        parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in take(&buffer) }
        parser.onPartComplete = { [unowned self] in completePart() }
    }

    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for piece in contentType.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                return String(trimmed.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Reads the whole body, chunk by chunk, into fields and files.
    func read(_ body: some AsyncSequence<ByteBuffer, any Error>) async throws(Failure) {
        do {
            for try await chunk in body {
                try parser.execute(chunk)
                if let failure { throw failure }
            }
        } catch let failure as Failure {
            closeFile()
            throw failure
        } catch {
            closeFile()
            throw .malformed
        }
        closeFile()
    }

    private var isFile: Bool { Self.attribute("filename", in: headers["content-disposition"] ?? "") != nil }

    private func take(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if isFile {
            if handle == nil { openFile() }
            guard let last = files.indices.last, let handle else { return }
            files[last].size += buffer.readableBytes
            guard files[last].size <= fileLimit else {
                failure = .fileTooLarge
                return
            }
            handle.write(Data(buffer.readableBytesView))
        } else {
            fieldBytes += buffer.readableBytes
            guard fieldBytes <= fieldLimit else {
                failure = .fieldsTooLarge
                return
            }
            field.append(contentsOf: buffer.readableBytesView)
        }
    }

    private func openFile() {
        let name = Self.attribute("filename", in: headers["content-disposition"] ?? "") ?? ""
        let url = folder.appendingPathComponent("part-\(files.count + 1)")
        if FileManager.default.createFile(atPath: url.path, contents: nil) {
            handle = try? FileHandle(forWritingTo: url)
        }
        if handle == nil { failure = .malformed }
        files.append(Upload(name: name, url: url, size: 0))
    }

    private func closeFile() {
        try? handle?.close()
        handle = nil
    }

    private func completePart() {
        let disposition = headers["content-disposition"] ?? ""
        if let filename = Self.attribute("filename", in: disposition) {
            // A file input left empty sends a part with an empty name and no bytes: not a file.
            if handle == nil, !filename.isEmpty { openFile() }
            closeFile()
            if filename.isEmpty, let last = files.last, last.name.isEmpty {
                try? FileManager.default.removeItem(at: last.url)
                files.removeLast()
            }
        } else if let name = Self.attribute("name", in: disposition) {
            fields[name] = String(decoding: field, as: UTF8.self)
        }
        headers = [:]
        field = Data()
    }

    static func attribute(_ name: String, in disposition: String) -> String? {
        for piece in disposition.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(name + "=") {
                return String(trimmed.dropFirst(name.count + 1)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
