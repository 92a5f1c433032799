import Foundation

/// `gongwen verify`: a build's output checked against its manifest.json, years after it was issued.
///
/// Every file the manifest lists is read again and its size and SHA-256 compared; what is missing, what
/// changed and what is there without being listed are each named. Nothing is written. The manifest itself is
/// the record: a changed entry shows as a file that no longer matches it. Each archive package (归档包) is
/// also checked against its own SHA256SUMS, and a package given on its own is checked alone.
public struct OutputVerifier {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// Listed, but its bytes are not the ones the manifest records.
            case changed
            /// Listed, but not there.
            case missing
            /// There, but not listed.
            case added
        }

        public var kind: Kind
        public var path: String
        public var detail: String

        public init(kind: Kind, path: String, detail: String) {
            self.kind = kind
            self.path = path
            self.detail = detail
        }

        public var description: String {
            switch kind {
            case .changed: "已改动 changed: \(path) (\(detail))"
            case .missing: "缺失 missing: \(path)"
            case .added: "多出 added: \(path)"
            }
        }
    }

    public struct Report: Sendable {
        public var findings: [Finding]
        /// Files that matched their manifest entry.
        public var verified: Int
        public var holds: Bool { findings.isEmpty }

        public init(findings: [Finding], verified: Int) {
            self.findings = findings
            self.verified = verified
        }
    }

    /// The part of manifest.json this reads.
    private struct Listing: Decodable {
        struct Entry: Decodable {
            var path: String
            var size: Int
            var sha256: String
        }

        var generator: String?
        var files: [Entry]
    }

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func verify() throws(GongwenError) -> Report {
        let manifestURL = folder.appendingPathComponent(Manifest.fileName)
        if FileSystem.kind(of: manifestURL.path) != .file, PackageVerifier.isPackage(folder) {
            return PackageVerifier(folder: folder).verify()
        }
        let listing: Listing
        do {
            listing = try JSONDecoder().decode(Listing.self, from: Data(contentsOf: manifestURL))
        } catch {
            throw GongwenError(
                .invalidData, path: manifestURL.path,
                message: "清单无法读取，无法核验 / manifest.json cannot be read, so nothing can be verified: "
                    + FileSystem.describe(error))
        }
        var findings: [Finding] = []
        var verified = 0
        var listed: Set<String> = [Manifest.fileName]
        for entry in listing.files {
            listed.insert(entry.path)
            // A path that leaves the folder is never read: the manifest could have been edited.
            guard !entry.path.hasPrefix("/"), !entry.path.split(separator: "/").contains("..") else {
                findings.append(
                    Finding(kind: .changed, path: entry.path, detail: "清单中的路径越出输出文件夹 / a path outside the folder"))
                continue
            }
            let url = folder.appendingPathComponent(entry.path)
            guard FileSystem.kind(of: url.path) == .file else {
                findings.append(Finding(kind: .missing, path: entry.path, detail: ""))
                continue
            }
            do {
                let (size, digest) = try FileDigest.sha256(of: url)
                if size != entry.size || digest != entry.sha256.lowercased() {
                    findings.append(
                        Finding(
                            kind: .changed, path: entry.path,
                            detail:
                                "清单 manifest: \(entry.size) B, sha256 \(entry.sha256.prefix(12))…; 现在 now: \(size) B, sha256 \(digest.prefix(12))…"
                        ))
                } else {
                    verified += 1
                }
            } catch {
                findings.append(Finding(kind: .changed, path: entry.path, detail: FileSystem.describe(error)))
            }
        }
        for path in OutputOwnership.entries(below: folder) where !listed.contains(path) {
            guard FileSystem.kind(of: folder.appendingPathComponent(path).path) != .folder else { continue }
            findings.append(Finding(kind: .added, path: path, detail: ""))
        }
        // Each package against its own fixity file: what an archive will check once the package travels alone.
        let packages = folder.appendingPathComponent(ArchivePackager.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packages.path)) ?? []
        for name in names.sorted() where PackageVerifier.isPackage(packages.appendingPathComponent(name)) {
            let report = PackageVerifier(folder: packages.appendingPathComponent(name)).verify(
                prefix: "\(ArchivePackager.folder)/\(name)")
            findings += report.findings.filter { finding in !findings.contains { $0.path == finding.path } }
        }
        return Report(findings: findings, verified: verified)
    }
}
