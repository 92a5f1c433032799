import Foundation

/// Paths to the repository's fixtures and bundled files, for tests. Tests never need the network.
public enum Fixtures {
    /// The package root, found from this file's compile-time path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/campaigns/<name>`.
    public static func campaign(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/campaigns").appendingPathComponent(name)
    }

    public static let sampleCampaign = packageRoot.appendingPathComponent("Campaigns/binhai-2019")
    public static let templates = packageRoot.appendingPathComponent("Templates")
}

/// A fresh folder under the system's temporary folder, removed when the value is dropped.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies `source` (a folder) into this folder under `name` and returns its URL.
    public func copy(_ source: URL, as name: String) throws -> URL {
        let destination = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: destination)
        return destination
    }

    /// Every regular file below `folder`, as relative path → bytes.
    public static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return result }
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.standardizedFileURL.path
            result[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: file)
        }
        return result
    }
}
