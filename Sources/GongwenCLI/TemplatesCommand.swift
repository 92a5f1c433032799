import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen templates`: the office's own templates.
    struct TemplatesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates", abstract: "模板 / Templates the office can change.",
            subcommands: [Export.self])

        /// `gongwen templates export DIR`: the built-in templates, to edit.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "导出内置模板以便修改 / Write the built-in templates to a folder for editing.")

            @Argument(help: "目标文件夹（须不存在或为空）/ the folder to write (must not exist or be empty)")
            var folder: String

            func run() throws {
                let console = Console()
                let target = URL(fileURLWithPath: folder)
                let manager = FileManager.default
                if let existing = try? manager.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
                    console.error("gongwen: \(folder) 不是空文件夹，不会覆盖 / is not empty; nothing was written")
                    throw ExitCode(GongwenError.Family.io.exitCode)
                }
                do {
                    try? manager.removeItem(at: target)
                    try manager.copyItem(at: BundledResources.templates, to: target)
                } catch {
                    throw console.fail(GongwenError(.io, path: folder, message: "\(error)"))
                }
                console.line(
                    "已导出内置模板 → \(folder)；修改后用 gongwen build --templates \(folder) 生成 / exported; build with --templates \(folder)"
                )
            }
        }
    }
}
