import Foundation
import GongwenBuild
import GongwenModel

/// `gongwen-bench hash FOLDER`: SHA-256 of every file under FOLDER (a build's output) the way the build hashes
/// them (FileDigest, read in 1 MB pieces), as one JSON line: files, bytes, seconds, MB/s and whether the
/// processor's SHA extensions were used. Issue 26 asks that hashing the 100,000-declaration output costs
/// under 0.5 s.
func benchmarkHashing(_ arguments: [String]) -> Never {
    let root = URL(fileURLWithPath: arguments[2])
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else { fail("cannot read \(root.path)") }
    let files = walker.compactMap { $0 as? URL }.filter {
        (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
    }
    let start = Date()
    var bytes = 0
    for file in files {
        guard let (size, _) = try? FileDigest.sha256(of: file) else { fail("cannot read \(file.path)") }
        bytes += size
    }
    let seconds = Date().timeIntervalSince(start)
    // The hash alone, in memory: 64 MB on each path.
    let block = [UInt8](repeating: 0x5A, count: 64 << 20)
    var rates: [String] = []
    for portable in [false, true] {
        let begin = Date()
        var hasher = SHA256(portable: portable)
        block.withUnsafeBytes { hasher.update($0) }
        _ = hasher.finalize()
        rates.append(String(format: "%.0f", 64 * 1.048576 / Date().timeIntervalSince(begin)))
    }
    print("{\"in_memory_MB_per_s\": \(rates[0]), \"portable_in_memory_MB_per_s\": \(rates[1])}")
    print(
        String(
            format: "{\"files\": %d, \"bytes\": %d, \"seconds\": %.3f, \"MB_per_s\": %.0f, \"sha_extensions\": %@}",
            files.count, bytes, seconds, Double(bytes) / 1e6 / seconds,
            SHA256.usesProcessorExtensions ? "true" : "false"))
    exit(0)
}
