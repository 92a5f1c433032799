import Foundation
import GongwenModel
import GongwenTestSupport
import Testing

/// gongwen's own SHA-256 held against FIPS 180-4's published examples and against coreutils' sha256sum, on the
/// processor's SHA extensions and on the portable path alike.
struct SHA256Tests {
    static let paths = [false, true]  // portable: false uses the SHA extensions where this processor has them

    func hex(_ bytes: some Sequence<UInt8>, portable: Bool) -> String {
        var hasher = SHA256(portable: portable)
        hasher.update(bytes)
        return Hex.lowercase(hasher.finalize())
    }

    /// The NIST examples (csrc.nist.gov, "SHA256.pdf", "SHA2_Additional.pdf"): one block, two blocks, the
    /// 896-bit message and a million a's.
    @Test(arguments: paths) func nistExamples(portable: Bool) {
        #expect(hex([], portable: portable) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex("abc".utf8, portable: portable)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8, portable: portable)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let message896 =
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(
            hex(message896.utf8, portable: portable)
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(
            hex([UInt8](repeating: 0x61, count: 1_000_000), portable: portable)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length across the padding's edges (55, 56, 63, 64, 119, 120 bytes…) and some long ones, fed in
    /// seeded random pieces, against `sha256sum` of the same bytes written to a file.
    @Test func agreesWithCoreutilsOnSeededMessages() throws {
        var random = SeededGenerator(seed: 180_4)
        let lengths = Array(0...200) + [511, 512, 513, 4_095, 65_536, 1_000_003]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected: [String: String] = [:]
        var messages: [String: [UInt8]] = [:]
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let name = "m\(length)"
            messages[name] = bytes
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + lengths.map { "m\($0)" }
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            expected[String(parts[1])] = String(parts[0])
        }
        #expect(expected.count == lengths.count)
        for (name, bytes) in messages {
            for portable in Self.paths {
                var hasher = SHA256(portable: portable)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + Int.random(in: 1...150, using: &random))
                    hasher.update(bytes[start..<end])
                    start = end
                }
                #expect(Hex.lowercase(hasher.finalize()) == expected[name], "\(name), portable: \(portable)")
            }
        }
    }
}
