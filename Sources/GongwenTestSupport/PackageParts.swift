import Foundation
import ZIPFoundation

/// Reads a zip package back with ZIPFoundation (an independent reader), for tests of our writer.
public enum PackageParts {
    /// Entry name → bytes, and the names in archive order.
    public static func read(_ data: Data) throws -> (parts: [String: Data], order: [String]) {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        var order: [String] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
            order.append(entry.path)
        }
        return (parts, order)
    }

    /// One part as text.
    public static func text(_ name: String, in data: Data) throws -> String {
        let parts = try read(data).parts
        return String(decoding: parts[name] ?? Data(), as: UTF8.self)
    }
}
