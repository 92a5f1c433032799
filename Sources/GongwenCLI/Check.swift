import ArgumentParser
import Foundation
import GongwenBuild
import GongwenModel

extension Gongwen {
    /// `gongwen check`: reads and validates, prints every finding, writes nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查活动数据，列出所有问题 / Check the campaign data and list every problem.")

        @OptionGroup var options: CampaignOptions

        func run() throws {
            var context = BuildContext(
                campaignFolder: options.campaignURL, templatesFolder: BundledResources.templates,
                outputFolder: URL(fileURLWithPath: "output"), policy: options.policy)
            // The templates the build would use (campaign.yaml's templates:), checked as the build checks them.
            context.templatesChosen = false
            let console = Console()
            do {
                try BuildPipeline(steps: [.read, .validate, .checkTemplates]).run(&context)
                // 历年项目雷同 (方案 §四): warnings, for the office to judge; not a build step (it reads earlier years).
                if let data = context.data {
                    context.diagnostics += OriginalityReview.run(data, campaign: options.campaignURL).diagnostics
                }
                console.print(diagnostics: context.diagnostics)
                let count = context.data?.declarations.count ?? 0
                console.line("检查通过：\(count) 项申报 / check passed: \(count) declarations")
            } catch {
                console.print(diagnostics: context.diagnostics)
                throw console.fail(error)
            }
        }
    }
}
