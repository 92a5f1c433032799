import Foundation
import GongwenTestSupport
import Testing

/// `gongwen-serve` run as the office would run it from a script or a service manager, its output into a pipe.
struct ServeCommandTests {
    /// The line with the address (and, beyond this machine, the access token) is there while the server runs,
    /// not only when it ends: standard output into a pipe is not line-buffered (issue 21).
    @Test func theAddressLineReachesAPipeWhileTheServerRuns() throws {
        let program = try #require(Fixtures.builtProgram("gongwen-serve"), "swift test builds gongwen-serve")
        let folder = try TemporaryFolder()
        let process = Process()
        process.executableURL = program
        let port = 20_000 + Int(UInt16.random(in: 0...9_999))
        process.arguments = [
            Fixtures.campaign("valid-small").path, "--host", "127.0.0.2", "--port", String(port), "--output",
            folder.url.appendingPathComponent("output").path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // Read what arrives for up to 60 s, without waiting for the end of the stream.
        nonisolated(unsafe) var received = Data()
        let arrived = DispatchSemaphore(value: 0)
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { return }
            received.append(data)
            if received.contains(UInt8(ascii: "\n")) { arrived.signal() }
        }
        let waited = arrived.wait(timeout: .now() + 60)
        output.fileHandleForReading.readabilityHandler = nil
        #expect(waited == .success, "no line arrived while the server ran")
        let line = String(decoding: received, as: UTF8.self)
        #expect(line.contains("http://127.0.0.2:\(port)/?token="), "\(line)")
        #expect(process.isRunning)
    }
}
