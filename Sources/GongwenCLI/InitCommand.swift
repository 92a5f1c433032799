import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen init DIR --year 2020`: next year's campaign folder from this one's settings.
    struct InitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "按本届设置新建下一届活动文件夹 / Start next year's campaign folder from this campaign's settings.")

        @Argument(help: "新的活动文件夹 / the new campaign folder")
        var folder: String

        @Option(help: "年度 / the new campaign's year")
        var year: Int

        @Option(help: "从哪一届复制设置 / the campaign to start from (default: the bundled sample)")
        var from: String?

        func run() throws {
            let console = Console()
            do {
                try CampaignInit.create(
                    URL(fileURLWithPath: folder), year: year,
                    from: from.map { URL(fileURLWithPath: $0) } ?? BundledResources.sampleCampaign)
                console.line(
                    "已建立 \(folder)/：请填写 campaign.yaml 中标有“待填写”的日期和文号，再运行 gongwen check \(folder)"
                        + " / created \(folder)/: fill in the dates and 文号 marked 待填写, then run gongwen check")
            } catch {
                throw console.fail(error)
            }
        }
    }
}
