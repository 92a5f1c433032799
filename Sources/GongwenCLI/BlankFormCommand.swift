import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen blank-form`: the fillable 附件2 workbook recommenders return.
    struct BlankFormCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blank-form",
            abstract: "生成空白申报表（可填写的XLSX） / Write the blank fillable declaration form (XLSX).")

        @Argument(help: "活动数据文件夹 / the campaign folder (default: the bundled sample campaign)")
        var campaign: String?

        @Option(name: .shortAndLong, help: "输出文件 / the file to write")
        var output = "空白申报表.xlsx"

        @Option(
            help: "模板文件夹 / the templates folder (default: campaign.yaml's templates:, else the built-in Templates/)")
        var templates: String?

        func run() throws {
            let console = Console()
            do {
                let diagnostics = try BlankForm.write(
                    campaign: campaign.map { URL(fileURLWithPath: $0) } ?? BundledResources.sampleCampaign,
                    templates: templates.map { URL(fileURLWithPath: $0) },
                    to: URL(fileURLWithPath: output))
                console.print(diagnostics: diagnostics.warnings)
                console.line("已生成空白申报表 → \(output) / wrote the blank form to \(output)")
            } catch {
                throw console.fail(error)
            }
        }
    }
}
