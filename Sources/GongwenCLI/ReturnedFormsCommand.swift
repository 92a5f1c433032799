import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen returned-forms`: each recommender's refused rows on its form, marked, to send back.
    struct ReturnedFormsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "returned-forms",
            abstract:
                "为有未导入行的推荐单位生成退回修改表（错误单元格标红并加批注）/ Forms to send back: refused rows with each wrong cell marked and noted."
        )

        @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
        var campaign = "."

        @Option(name: .shortAndLong, help: "写入的文件夹 / the folder to write them into (default: the current folder)")
        var output = "."

        func run() throws {
            let console = Console()
            do {
                let written = try ReturnedForms.write(
                    campaign: URL(fileURLWithPath: campaign), to: URL(fileURLWithPath: output))
                if written.isEmpty { console.line("没有需要退回的行 / no refused rows are open") }
                for url in written { console.line(url.path) }
            } catch let error as GongwenError {
                throw console.fail(error)
            }
        }
    }
}
