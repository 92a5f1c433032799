import Foundation
import MultipartKit
import NIOCore

/// A returned form's upload: the multipart body's fields and files, parsed with MultipartKit. An uploaded
/// file's name is kept only to be shown and for its extension; it never becomes a path.
enum MultipartForm {
    struct Upload {
        var name: String
        var data: Data
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

    /// The form's fields and files, parsed with MultipartKit.
    static func parts(_ body: ByteBuffer, boundary: String) throws -> (fields: [String: String], files: [Upload]) {
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: String] = [:]
        var files: [Upload] = []
        var headers: [String: String] = [:]
        var data = Data()
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            let field = attribute("name", in: disposition) ?? ""
            if let filename = attribute("filename", in: disposition) {
                if !filename.isEmpty { files.append(Upload(name: filename, data: data)) }
            } else {
                fields[field] = String(decoding: data, as: UTF8.self)
            }
            headers = [:]
            data = Data()
        }
        try parser.execute(body)
        return (fields, files)
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
