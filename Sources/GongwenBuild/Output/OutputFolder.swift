import Foundation
import GongwenRendering

/// The output folder, replaced as a whole or not at all.
///
/// A build writes every file into a staging folder beside the output (`output.gongwen-staging`), then moves
/// the previous output aside, moves the staging folder into place and deletes the previous one. A failure
/// before that swap leaves the previous output exactly as it was; a failure during it moves the previous
/// output back. The swap is refused when the target is a folder gongwen did not make (no manifest.json and
/// not empty): `--output ~/Desktop` must never delete someone's desktop.
struct OutputFolder {
    let url: URL
    let fileManager = FileManager.default

    var stagingURL: URL {
        url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".gongwen-staging")
    }
    var previousURL: URL {
        url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".gongwen-previous")
    }

    func replace(with files: [RenderedFile], interruption: (@Sendable (Int) throws -> Void)?) throws(GongwenError) {
        try checkTargetIsOurs()
        do {
            try? fileManager.removeItem(at: stagingURL)
            try fileManager.createDirectory(at: stagingURL, withIntermediateDirectories: true)
            for (index, file) in files.enumerated() {
                try interruption?(index)
                let destination = stagingURL.appendingPathComponent(file.path)
                try fileManager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: destination)
            }
        } catch {
            try? fileManager.removeItem(at: stagingURL)
            throw GongwenError(
                .io, path: url.path,
                message: "写入输出失败，原有输出未改动 / writing failed, the previous output is untouched: \(error)")
        }
        try swapIn()
    }

    private func checkTargetIsOurs() throws(GongwenError) {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw GongwenError(
                .io, path: url.path, message: "输出位置是一个文件而不是文件夹 / the output path is a file, not a folder")
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
        let visible = contents.filter { !$0.hasPrefix(".") }
        if !visible.isEmpty, !contents.contains(Manifest.fileName) {
            throw GongwenError(
                .io, path: url.path,
                message:
                    "输出文件夹不是 gongwen 生成的（没有 manifest.json），不会覆盖 / the output folder was not made by gongwen (no manifest.json); refusing to replace it"
            )
        }
    }

    private func swapIn() throws(GongwenError) {
        try? fileManager.removeItem(at: previousURL)
        let hadPrevious = fileManager.fileExists(atPath: url.path)
        do {
            if hadPrevious { try fileManager.moveItem(at: url, to: previousURL) }
        } catch {
            try? fileManager.removeItem(at: stagingURL)
            throw GongwenError(
                .io, path: url.path, message: "无法移开原有输出 / cannot move the previous output aside: \(error)")
        }
        do {
            try fileManager.moveItem(at: stagingURL, to: url)
        } catch {
            if hadPrevious { try? fileManager.moveItem(at: previousURL, to: url) }
            try? fileManager.removeItem(at: stagingURL)
            throw GongwenError(
                .io, path: url.path,
                message: "无法放入新输出，原有输出已恢复 / cannot move the new output in; the previous output is restored: \(error)")
        }
        try? fileManager.removeItem(at: previousURL)
    }
}
