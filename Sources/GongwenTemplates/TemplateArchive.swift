import Foundation
import ZIPFoundation

/// The parts of an Office template (`.docx` or `.xlsx`), read whole and in the file's own order, so they can
/// be written back as they were.
enum TemplateArchive {
    /// The largest template accepted, all parts inflated (a template is a document, not a data file).
    static let maximumBytes = 32 << 20

    /// Every file entry of the archive at `url`, with its bytes; `kind` (".docx", ".xlsx") names it in errors.
    static func entries(at url: URL, displayPath: String, kind: String) throws(TemplateError) -> [(
        name: String, data: Data
    )] {
        func failure(_ chinese: String, _ english: String) -> TemplateError {
            TemplateError(file: displayPath, line: nil, column: nil, message: "\(chinese) / \(english)")
        }
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else {
            throw failure("不是有效的 \(kind) 文件", "not a valid \(kind) file")
        }
        var entries: [(String, Data)] = []
        var total = 0
        for entry in archive where entry.type == .file {
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    total += chunk.count
                    if total > maximumBytes { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw failure("模板文件过大或已损坏", "the template is too large or damaged")
            }
            entries.append((entry.path, data))
        }
        return entries
    }
}
