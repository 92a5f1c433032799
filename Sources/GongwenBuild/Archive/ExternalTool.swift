import Foundation

/// A program gongwen runs but does not ship (LibreOffice's soffice, fontconfig's fc-match): found on PATH,
/// run with a time limit, its output captured. Only the optional archive copies need one; a build without
/// `--pdf` never looks for any.
struct ExternalTool: Sendable {
    let url: URL

    /// The program `name` on PATH (or at the path `override` names, e.g. GONGWEN_SOFFICE), if it is there.
    static func find(_ name: String, override: String? = nil) -> ExternalTool? {
        let environment = ProcessInfo.processInfo.environment
        if let override, let path = environment[override], FileManager.default.isExecutableFile(atPath: path) {
            return ExternalTool(url: URL(fileURLWithPath: path))
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) {
                return ExternalTool(url: URL(fileURLWithPath: path))
            }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the program and waits at most `timeout` seconds (then kills it and says so).
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the program runs, so a full pipe cannot stall it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            outputData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw ToolError(
                chinese: "\(url.lastPathComponent) 超过 \(Int(timeout)) 秒未完成，已终止",
                english: "\(url.lastPathComponent) did not finish in \(Int(timeout)) s and was stopped")
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}

/// A program that failed, in both languages.
struct ToolError: Error, CustomStringConvertible {
    var chinese: String
    var english: String

    var description: String { "\(chinese) / \(english)" }
}
