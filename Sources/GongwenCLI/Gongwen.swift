import ArgumentParser
import Foundation
import GongwenBuild
import GongwenModel

/// `gongwen`: the campaign's official documents from one folder of data.
public struct Gongwen: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "质量攻关活动公文生成 / Builds a quality-improvement campaign's official documents from its data.",
        discussion: """
            Exit codes: 0 success, 64 usage, 65 invalid campaign data, 74 file I/O, 78 template error.
            With no CAMPAIGN argument the bundled sample campaign (Campaigns/binhai-2019) is used.
            """,
        subcommands: [
            Check.self, Build.self, VerifyCommand.self, BlankFormCommand.self, ImportCommand.self,
            TemplatesCommand.self, InitCommand.self, HistoryCommand.self, ReturnedFormsCommand.self, PlanCommand.self,
            JudgingCommand.self,
        ]
    )

    public init() {}
}

/// The options `check` and `build` share.
struct CampaignOptions: ParsableArguments {
    @Argument(help: "活动数据文件夹 / the campaign folder (default: the bundled sample campaign)")
    var campaign: String?

    @Flag(help: "统一社会信用代码校验位不符只作警告 / report a credit-code check-character mismatch as a warning")
    var checksumWarning = false

    @Flag(help: "逾期申报只作警告 / report declarations after the deadline as warnings")
    var lateWarning = false

    var campaignURL: URL {
        campaign.map { URL(fileURLWithPath: $0) } ?? BundledResources.sampleCampaign
    }

    var policy: CampaignValidator.Policy {
        CampaignValidator.Policy(
            checksumMismatch: checksumWarning ? .warning : .error, lateDeclaration: lateWarning ? .warning : .error)
    }
}
