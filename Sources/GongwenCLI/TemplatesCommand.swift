import ArgumentParser
import Foundation
import GongwenBuild
import GongwenRendering
import GongwenTemplates

extension Gongwen {
    /// `gongwen templates`: the office's own templates.
    struct TemplatesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates", abstract: "模板 / Templates the office can change.",
            subcommands: [Export.self, Check.self])

        /// `gongwen templates check [DIR]`: every template against the contexts it will get.
        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "检查模板（语法、未闭合的段落、拼错的名称）/ Check templates: syntax, sections, names.")

            @Argument(
                help:
                    "模板文件夹（默认：campaign.yaml 的 templates:，否则内置模板）/ the templates folder (default: campaign.yaml's templates:, else the built-in ones)"
            )
            var folder: String?

            @Option(help: "用于检查的活动数据（默认：内置示例）/ the campaign whose data the check uses")
            var campaign: String?

            func run() throws {
                let console = Console()
                let findings: [TemplateNameCheck.Finding]
                do {
                    findings = try TemplatesCheck.run(
                        folder: folder.map { URL(fileURLWithPath: $0) },
                        campaign: campaign.map { URL(fileURLWithPath: $0) } ?? BundledResources.sampleCampaign)
                } catch {
                    throw console.fail(error)
                }
                for finding in findings { console.error(finding.description) }
                let errors = findings.filter { $0.severity == .error }.count
                console.line(
                    "模板检查：\(errors) 个错误，\(findings.count - errors) 个提示 / \(errors) errors, \(findings.count - errors) notes"
                )
                if errors > 0 { throw ExitCode(GongwenError.Family.template.exitCode) }
            }
        }

        /// `gongwen templates export DIR`: the built-in templates, to edit.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "导出内置模板以便修改 / Write the built-in templates to a folder for editing.")

            @Argument(help: "目标文件夹（须不存在或为空）/ the folder to write (must not exist or be empty)")
            var folder: String

            @Flag(
                help: "同时导出可在 Word/WPS 中编辑的通知模板（plan-notice/docx/notice.docx）/ also write the notice as a Word template"
            )
            var word = false

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
                    if word { try WordTemplates.exportNotice(to: target) }
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
