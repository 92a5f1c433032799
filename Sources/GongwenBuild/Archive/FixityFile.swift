import Foundation
import GongwenReaders

/// The fixity record of an archive package (SHA256SUMS): one line per file, `<sha-256>  <name>`, the format
/// GNU coreutils reads, so an archivist can check a package years later with `sha256sum -c SHA256SUMS`
/// and no gongwen (GB/T 18894-2016 固定性 / fixity; DA/T 47 长期保存: weak dependence on software).
public enum FixityFile {
    public static let fileName = "SHA256SUMS"

    /// The file's text for `entries` (name, SHA-256 hex), sorted by name so the same files give the same bytes.
    public static func text(_ entries: [(name: String, sha256: String)]) -> String {
        entries.sorted { $0.name < $1.name }.map { "\($0.sha256)  \($0.name)\n" }.joined()
    }

    /// The entries of a SHA256SUMS file; nil when a line is not `<64 hex>  <name>` (or ` *<name>`). Lines may
    /// end in CR LF, as an editor on Windows saves the file (`sha256sum -c` accepts that too), and the file may
    /// start with a byte-order mark: the names are the same.
    public static func entries(_ text: String) -> [(name: String, sha256: String)]? {
        var entries: [(String, String)] = []
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is one Character in Swift, a newline like "\n"; a lone "\r" ends a line as well.
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
            let digest = line.prefix(64)
            guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { return nil }
            let rest = line.dropFirst(64)
            guard rest.hasPrefix("  ") || rest.hasPrefix(" *") else { return nil }
            entries.append((String(rest.dropFirst(2)), digest.lowercased()))
        }
        return entries
    }
}

/// Checks one archive package against its SHA256SUMS: every listed file present with its hash, nothing
/// added beside it. Used by `gongwen verify` on a whole output and on a single package.
public struct PackageVerifier {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Whether `folder` holds a fixity file (is a package).
    public static func isPackage(_ folder: URL) -> Bool {
        FileSystem.kind(of: folder.appendingPathComponent(FixityFile.fileName).path) == .file
    }

    /// The findings, their paths relative to `prefix` (the package's path in the output, or empty).
    public func verify(prefix: String = "") -> OutputVerifier.Report {
        let sums = folder.appendingPathComponent(FixityFile.fileName)
        let name = { (file: String) in prefix.isEmpty ? file : "\(prefix)/\(file)" }
        guard let data = FileManager.default.contents(atPath: sums.path),
            let entries = FixityFile.entries(String(decoding: data, as: UTF8.self))
        else {
            return OutputVerifier.Report(
                findings: [
                    .init(
                        kind: .changed, path: name(FixityFile.fileName),
                        detail: "无法读取或格式不对 / cannot be read or is not in sha256sum's format")
                ], verified: 0)
        }
        var findings: [OutputVerifier.Finding] = []
        var verified = 0
        var listed: Set<String> = [FixityFile.fileName]
        let recorded = recordHashes()
        if let failure = recorded.failure {
            findings.append(.init(kind: .changed, path: name(MetadataRecord.fileName), detail: failure))
        }
        for entry in entries {
            listed.insert(entry.name)
            guard !entry.name.contains("/"), entry.name != "..", entry.name != "." else {
                findings.append(.init(kind: .changed, path: name(entry.name), detail: "路径越出归档包 / outside the package"))
                continue
            }
            let url = folder.appendingPathComponent(entry.name)
            guard FileSystem.kind(of: url.path) == .file else {
                findings.append(.init(kind: .missing, path: name(entry.name), detail: ""))
                continue
            }
            do {
                let (_, digest) = try FileDigest.sha256(of: url)
                let record = recorded.hashes[entry.name]
                if digest == entry.sha256, record == nil || record == digest {
                    verified += 1
                } else {
                    findings.append(
                        .init(
                            kind: .changed, path: name(entry.name),
                            detail: Self.disagreement(file: digest, sums: entry.sha256, record: record)))
                }
            } catch {
                findings.append(.init(kind: .changed, path: name(entry.name), detail: FileSystem.describe(error)))
            }
        }
        // A copy the record describes must be in the fixity list too: removing both a file and its line would
        // otherwise go unseen.
        for (file, _) in recorded.hashes.sorted(by: { $0.key < $1.key }) where !listed.contains(file) {
            findings.append(
                .init(
                    kind: .missing, path: name(file),
                    detail: "元数据.xml 记录了此文件，SHA256SUMS 中没有 / the record lists it, SHA256SUMS does not"))
        }
        for path in OutputOwnership.entries(below: folder) where !listed.contains(path) {
            guard FileSystem.kind(of: folder.appendingPathComponent(path).path) != .folder else { continue }
            findings.append(.init(kind: .added, path: name(path), detail: ""))
        }
        return OutputVerifier.Report(findings: findings, verified: verified)
    }

    /// The record's hashes by file name, or why the record cannot be read (a package without a record, as
    /// an older gongwen made, has none to compare).
    func recordHashes() -> (hashes: [String: String], failure: String?) {
        let url = folder.appendingPathComponent(MetadataRecord.fileName)
        guard FileSystem.kind(of: url.path) == .file, let data = FileManager.default.contents(atPath: url.path) else {
            return ([:], nil)
        }
        do {
            let copies = try ArchiveRecordHashes.read(data)
            return (Dictionary(copies.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first }), nil)
        } catch {
            return ([:], "元数据.xml 无法读取，无法核对其中的哈希值 / the record cannot be read: \(error.description)")
        }
    }

    /// Which of the three — the file's bytes, SHA256SUMS, the record — disagree, named.
    static func disagreement(file: String, sums: String, record: String?) -> String {
        var parts = [
            "文件 file: \(file.prefix(12))…", "SHA256SUMS: \(sums.prefix(12))…",
        ]
        if let record { parts.append("元数据.xml: \(record.prefix(12))…") }
        var odd: [String] = []
        if let record {
            if file == sums, record != file { odd = ["元数据.xml 与文件和 SHA256SUMS 不符 / the record disagrees with both"] }
            if file == record, sums != file { odd = ["SHA256SUMS 与文件和元数据.xml 不符 / SHA256SUMS disagrees with both"] }
            if sums == record, file != sums {
                odd = ["文件与 SHA256SUMS 和元数据.xml 都不符 / the file was changed after both were written"]
            }
            if file != sums, sums != record, file != record { odd = ["三者互不相符 / all three disagree"] }
        } else {
            odd = ["文件与 SHA256SUMS 不符 / the file disagrees with SHA256SUMS"]
        }
        return (odd + parts).joined(separator: "; ")
    }
}
