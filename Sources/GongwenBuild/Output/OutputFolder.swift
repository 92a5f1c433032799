import Foundation
import GongwenRendering
import GongwenTemplates

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder, replaced as a whole or not at all, and only when it is gongwen's to replace.
///
/// Under an exclusive lock (`RunLock`, a hidden file beside the folder), a build writes every file into a
/// staging folder of its own beside the output (`.output.gongwen-staging-<pid>-<n>`), flushes it to disk, and
/// exchanges it with the previous output in one atomic step (renameat2 RENAME_EXCHANGE); the previous output,
/// now under the staging name, is then deleted. Where the file system cannot exchange, the previous output is
/// moved to `output.gongwen-previous` and the staging folder into place, and a run that finds
/// `output.gongwen-previous` without `output` (a kill between the two renames) puts it back first.
///
/// gongwen replaces a folder only when `OutputOwnership` proves it made it; otherwise it refuses and names
/// what is there.
struct OutputFolder {
    let url: URL
    let fileManager = FileManager.default

    /// The folder the user named, with a symbolic link followed to the real folder (a dangling one refused).
    static func resolving(_ url: URL) throws(GongwenError) -> OutputFolder {
        let path = url.standardizedFileURL.path
        guard FileSystem.kind(of: path) == .symbolicLink else { return OutputFolder(url: url.standardizedFileURL) }
        guard let resolved = realpath(path, nil) else {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw GongwenError(
                .io, path: path,
                message:
                    "输出文件夹是一个符号链接，指向不存在的“\(destination)” / the output folder is a symbolic link to"
                    + " \"\(destination)\", which does not exist")
        }
        defer { free(resolved) }
        return OutputFolder(url: URL(fileURLWithPath: String(cString: resolved)))
    }

    var parent: URL { url.deletingLastPathComponent() }
    var previousURL: URL { parent.appendingPathComponent(url.lastPathComponent + ".gongwen-previous") }
    var stagingPrefix: String { ".\(url.lastPathComponent).gongwen-staging-" }

    /// Repairs what a killed run left and checks that the folder is gongwen's. The caller holds the lock.
    func prepare() throws(GongwenError) {
        try recoverInterruptedSwap()
        removeLeftoverStaging()
        try OutputOwnership(folder: url).check()
    }

    /// A new staging folder for this run, beside the output. The caller holds the output folder's lock.
    func makeStaging(interruption: (@Sendable (Int) throws -> Void)? = nil) throws(GongwenError) -> StagingFolder {
        let name = stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return try StagingFolder(url: parent.appendingPathComponent(name), interruption: interruption)
    }

    /// A kill between the fallback's two renames leaves `output.gongwen-previous` and no `output`: put it back.
    /// With both present, the previous one is a complete older build that a kill kept from being deleted.
    private func recoverInterruptedSwap() throws(GongwenError) {
        guard FileSystem.kind(of: previousURL.path) == .folder else { return }
        if FileSystem.kind(of: url.path) == .missing {
            do {
                try FileSystem.renameNoReplace(previousURL.path, url.path)
            } catch {
                throw GongwenError(
                    .io, path: previousURL.path,
                    message: "无法恢复上次被中断时的输出 / cannot restore the output of an interrupted run: \(error)")
            }
        } else if (try? OutputOwnership(folder: previousURL).check()) != nil {
            try? fileManager.removeItem(at: previousURL)
        }
    }

    /// Staging folders of runs that were killed: named by gongwen, beside the output, and never in use while
    /// the caller holds the lock.
    private func removeLeftoverStaging() {
        let names = (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Flushes the staging folder to disk and exchanges it with the output; on failure it is deleted and the
    /// previous output is untouched.
    func swapIn(_ folder: StagingFolder) throws(GongwenError) {
        let staging = folder.url
        defer { folder.markCommitted() }
        do {
            try FileSystem.syncFileSystem(holding: staging.path)
            if FileSystem.kind(of: url.path) == .missing {
                try FileSystem.renameNoReplace(staging.path, url.path)
            } else if try FileSystem.exchange(staging.path, url.path) {
                // The previous output now sits under the staging name.
                try? fileManager.removeItem(at: staging)
            } else {
                try swapByTwoRenames(staging)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw GongwenError(
                .io, path: url.path,
                message: "无法放入新输出，原有输出未改动 / cannot move the new output in; the previous output is untouched: "
                    + FileSystem.describe(error))
        }
        // The rename itself on disk: a power cut after this cannot bring the previous output back.
        try? FileSystem.sync(parent.path)
    }

    /// For file systems without RENAME_EXCHANGE: out → previous, staging → out, delete previous. A kill in
    /// between is repaired by `recoverInterruptedSwap` at the next run.
    private func swapByTwoRenames(_ staging: URL) throws {
        try FileSystem.renameNoReplace(url.path, previousURL.path)
        do {
            try FileSystem.renameNoReplace(staging.path, url.path)
        } catch {
            try? FileSystem.renameNoReplace(previousURL.path, url.path)
            throw error
        }
        try? fileManager.removeItem(at: previousURL)
    }
}
