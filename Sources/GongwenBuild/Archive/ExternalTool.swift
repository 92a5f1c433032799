import CGongwenPOSIX
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
    ///
    /// The program runs in a process group of its own under a watchdog (``gongwen_spawn_guarded``): when it
    /// ends, is stopped at the time limit, or gongwen itself is killed (kill -9, a closed terminal), everything
    /// it started ends too. LibreOffice's `soffice` starts `soffice.bin` and returns; killed during a `--pdf`
    /// build, it was left running (issue 21: 2 of 5).
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double) throws -> Result {
        let output = Pipe()
        let errors = Pipe()
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let watchdog = try Self.spawn(
            url.path, arguments: [url.path] + arguments,
            environment: merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            output: output.fileHandleForWriting.fileDescriptor, errors: errors.fileHandleForWriting.fileDescriptor)
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
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
            kill(watchdog, SIGTERM)
            _ = Self.wait(for: watchdog)
            group.wait()
            throw ToolError(
                chinese: "\(url.lastPathComponent) 超过 \(Int(timeout)) 秒未完成，已终止",
                english: "\(url.lastPathComponent) did not finish in \(Int(timeout)) s and was stopped")
        }
        let status = Self.wait(for: watchdog)
        if status == 127 {
            throw ToolError(
                chinese: "无法运行 \(url.path)", english: "\(url.path) could not be run")
        }
        return Result(
            status: status, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts `path` under its watchdog; the watchdog's pid.
    static func spawn(
        _ path: String, arguments: [String], environment: [String], output: Int32, errors: Int32
    ) throws -> pid_t {
        func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] { strings.map { strdup($0) } + [nil] }
        let argv = cStrings(arguments)
        let envp = cStrings(environment)
        defer { for string in argv + envp { free(string) } }
        let pid = gongwen_spawn_guarded(path, argv, envp, output, errors)
        guard pid > 0 else {
            throw ToolError(
                chinese: "无法启动 \(path)：\(String(cString: strerror(errno)))",
                english: "\(path) could not be started: \(String(cString: strerror(errno)))")
        }
        return pid
    }

    /// The watchdog's exit status (the program's), once it has ended.
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}

/// A program that failed, in both languages.
struct ToolError: Error, CustomStringConvertible {
    var chinese: String
    var english: String

    var description: String { "\(chinese) / \(english)" }
}
