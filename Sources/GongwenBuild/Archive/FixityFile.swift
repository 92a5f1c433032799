import Foundation

/// The fixity record of an archive package (SHA256SUMS): one line per file, `<sha-256>  <name>`, the format
/// GNU coreutils reads, so an archivist can check a package years later with `sha256sum -c SHA256SUMS`
/// and no gongwen (GB/T 18894-2016 固定性 / fixity; DA/T 47 长期保存: weak dependence on software).
public enum FixityFile {
    public static let fileName = "SHA256SUMS"

    /// The file's text for `entries` (name, SHA-256 hex), sorted by name so the same files give the same bytes.
    public static func text(_ entries: [(name: String, sha256: String)]) -> String {
        entries.sorted { $0.name < $1.name }.map { "\($0.sha256)  \($0.name)\n" }.joined()
    }

    /// The entries of a SHA256SUMS file; nil when a line is not `<64 hex>  <name>` (or ` *<name>`).
    public static func entries(_ text: String) -> [(name: String, sha256: String)]? {
        var entries: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
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
                if digest == entry.sha256 {
                    verified += 1
                } else {
                    findings.append(
                        .init(
                            kind: .changed, path: name(entry.name),
                            detail: "SHA256SUMS: \(entry.sha256.prefix(12))…; 现在 now: \(digest.prefix(12))…"))
                }
            } catch {
                findings.append(.init(kind: .changed, path: name(entry.name), detail: FileSystem.describe(error)))
            }
        }
        for path in OutputOwnership.entries(below: folder) where !listed.contains(path) {
            guard FileSystem.kind(of: folder.appendingPathComponent(path).path) != .folder else { continue }
            findings.append(.init(kind: .added, path: name(path), detail: ""))
        }
        return OutputVerifier.Report(findings: findings, verified: verified)
    }
}
