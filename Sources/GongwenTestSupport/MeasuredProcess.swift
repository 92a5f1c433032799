import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program run to its end in a process of its own, with its exit status and its own peak resident memory:
/// what a memory bound on the build can be measured by without counting the other tests running in the test
/// process beside it.
///
/// The peak is the child's VmHWM (/proc/PID/status), read every 10 ms while it runs: a high-water mark, so
/// only growth in its last 10 ms could be missed. Not wait4's ru_maxrss, which Linux carries over from the
/// memory the child had before exec — after posix_spawn from a test process, that test process's own.
public enum MeasuredProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        /// Peak resident set size in bytes.
        public var peak: Int
    }

    /// Runs `program` with `arguments`, its output discarded.
    public static func run(_ program: URL, _ arguments: [String]) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, program.path, &actions, nil, argv, environ)
        guard started == 0 else { throw POSIXError(POSIXErrorCode(rawValue: started) ?? .EIO) }
        var status: Int32 = 0
        var peak = 0
        while true {
            peak = max(peak, highWaterMark(of: pid) ?? 0)
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            usleep(10_000)
        }
        return Outcome(status: status, peak: peak)
    }

    /// VmHWM of a running process, in bytes.
    static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            // "VmHWM:\t   65432 kB": a tab, then spaces.
            let digits = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            return digits.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
