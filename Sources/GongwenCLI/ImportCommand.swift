import ArgumentParser
import Foundation
import GongwenBuild
import GongwenModel

extension Gongwen {
    /// `gongwen import`: returned 附件2 forms (XLSX or CSV) into the campaign's declarations.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "导入推荐单位返回的申报表 / Import the declaration forms recommenders return (XLSX, CSV).")

        @Argument(help: "返回的申报表文件 / the returned forms")
        var files: [String]

        @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
        var campaign = "."

        @Option(help: "推荐单位（表中未写明时）/ the recommender, when the form does not name it")
        var recommender: String?

        @Option(help: "收到日期，用于检查逾期 / the date the forms were received, e.g. 2019-04-23")
        var received: String?

        @Flag(help: "文件中任何一行有错误则整个文件不导入 / import nothing from a file that has an error")
        var allOrNothing = false

        @Flag(
            help:
                "新表去掉了计划表或获奖名单引用的项目时仍然导入 / import even when the new forms drop projects the plan or awards name"
        )
        var replace = false

        @Option(help: "导入报告的文件夹 / where import-report.html and .csv go (default: the campaign folder)")
        var report: String?

        func run() throws {
            let console = Console()
            var options = Importer.Options(
                campaign: URL(fileURLWithPath: campaign), files: files.map { URL(fileURLWithPath: $0) })
            options.recommender = recommender
            options.allOrNothing = allOrNothing
            options.replace = replace
            options.reportFolder = report.map { URL(fileURLWithPath: $0) }
            if let received {
                guard let date = CalendarDate(parsing: received) else {
                    throw ValidationError("“\(received)”不是日期 / \"\(received)\" is not a date")
                }
                options.received = date
            }
            do {
                let result = try Importer(options: options).run()
                for outcome in result.files {
                    if let refusal = outcome.refusal {
                        console.error("\(outcome.file): 已拒绝 refused: \(refusal)")
                    } else {
                        console.line(
                            "\(outcome.file): 导入 \(outcome.accepted.count) 行，未导入 \(outcome.rejected.count) 行，规范 \(outcome.notices.count) 处"
                                + " / imported \(outcome.accepted.count), rejected \(outcome.rejected.count)")
                    }
                }
                console.line("报告 report: " + result.reportFiles.map(\.path).joined(separator: ", "))
                if !result.isComplete { throw ExitCode(GongwenError.Family.invalidData.exitCode) }
            } catch let error as GongwenError {
                console.print(diagnostics: error.diagnostics)
                throw console.fail(error)
            }
        }
    }
}
