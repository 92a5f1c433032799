import Foundation

/// Golden files: generated output compared byte for byte with a copy kept in the repository.
///
/// `RECORD_GOLDENS=1 swift test` re-records them; look at every re-recorded file (render-preview) before
/// committing it. A mismatch reports the first differing line, not just "not equal".
public struct GoldenFolder {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// Nil when `data` equals the golden `name`; otherwise what differs. Records instead when recording.
    public func compare(_ data: Data, to name: String) throws -> String? {
        let golden = url.appendingPathComponent(name)
        if Self.isRecording {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: golden)
            return nil
        }
        guard let expected = try? Data(contentsOf: golden) else {
            return "\(name): no golden file; run RECORD_GOLDENS=1 swift test"
        }
        guard expected != data else { return nil }
        if name.hasSuffix(".xlsx") || name.hasSuffix(".docx"),
            let old = try? PackageParts.read(expected), let new = try? PackageParts.read(data)
        {
            // A package is explained part by part: which part changed, and where in it.
            if old.order != new.order { return "\(name): parts \(old.order) became \(new.order)" }
            for part in old.order where old.parts[part] != new.parts[part] {
                return describe(
                    expected: old.parts[part] ?? Data(), actual: new.parts[part] ?? Data(), name: "\(name)/\(part)")
            }
            return "\(name): the parts are equal but the zip bytes differ (timestamps or compression)"
        }
        return describe(expected: expected, actual: data, name: name)
    }

    func describe(expected: Data, actual data: Data, name: String) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let actualLines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        for (index, (lhs, rhs)) in zip(expectedLines, actualLines).enumerated() where lhs != rhs {
            return "\(name):\(index + 1): expected\n  \(lhs)\nbut got\n  \(rhs)"
        }
        return "\(name): \(expectedLines.count) lines expected, \(actualLines.count) written"
    }
}
