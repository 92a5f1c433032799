import CGongwenPOSIX
import Foundation

/// The process's resident memory now and at its peak, from /proc/self/status (Linux), for `--timings`, the
/// benchmark and the test that keeps a build's memory bounded.
public enum MemoryUse {
    /// Peak resident set size in bytes (VmHWM), or nil where /proc is not there.
    public static func peak() -> Int? { value("VmHWM:") }

    /// Resident set size in bytes now (VmRSS).
    public static func resident() -> Int? { value("VmRSS:") }

    /// Gives the memory freed by a step back to the system (glibc's malloc_trim). A step that read or checked
    /// 100,000 declarations on several threads leaves freed memory in each thread's arena, which glibc keeps
    /// for later allocations: the process then held 100 MB more than it used into the render step, whose
    /// jobs allocate on other threads.
    public static func returnFreedMemory() {
        gongwen_return_freed_memory()
    }

    /// `RSS 120 MB, peak 310 MB`.
    public static func current() -> String {
        func megabytes(_ bytes: Int?) -> String { bytes.map { "\($0 >> 20) MB" } ?? "?" }
        return "RSS \(megabytes(resident())), peak \(megabytes(peak()))"
    }

    static func value(_ key: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            let number = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first
            return number.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
