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

    /// A program of this package (`gongwen`, `gongwen-serve`) as `swift test` built it beside the tests: for
    /// the few tests that must run it as a process of its own (buffered output, being killed).
    public static func builtProgram(_ name: String) -> URL? {
        let tests = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = tests.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
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
