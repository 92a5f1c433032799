import Foundation

/// The hashes an archive package's metadata record (元数据.xml) gives its copies: each `文档`'s
/// `计算机文件名` and `哈希值` (DA/T 46-2009). `gongwen verify` holds them against the package's SHA256SUMS and
/// the files themselves, so a package whose file and fixity list were changed together still shows as changed.
public enum ArchiveRecordHashes {
    /// File name → lower-case SHA-256 hex, in the record's order of copies; a refusal when the record is not
    /// well-formed XML (read as the import reads returned forms: no DTD, no network).
    public static func read(_ data: Data, part: String = "元数据.xml") throws(ImportRefusal) -> [(
        name: String, sha256: String
    )] {
        var copies: [(name: String, sha256: String)] = []
        var inDocument = false
        var element = ""
        var name = ""
        var hash = ""
        try XMLStream.read(data, part: part) { event throws(ImportRefusal) in
            switch event {
            case .start(let tag, _, _):
                if tag == "文档" {
                    inDocument = true
                    name = ""
                    hash = ""
                }
                element = tag
            case .text(let text):
                guard inDocument else { return }
                if element == "计算机文件名" { name += text }
                if element == "哈希值" { hash += text }
            case .end(let tag):
                if tag == "文档", inDocument {
                    copies.append((name, hash.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()))
                    inDocument = false
                }
                element = ""
            }
        }
        return copies
    }
}
