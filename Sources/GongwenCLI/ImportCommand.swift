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
                "以新表替换：删除新表中没有的该单位原有行（及计划表、获奖名单中对应的行）/ rows a form no longer has are removed, with their plan and award rows"
        )
        var replace = false

        @Flag(help: "只显示将要发生的变化，不改动任何文件 / show what would change; change nothing")
        var dryRun = false

        @Option(help: "导入报告的文件夹 / where import-report.html and .csv go (default: the campaign folder)")
        var report: String?

        func run() throws {
            let console = Console()
            var options = Importer.Options(
                campaign: URL(fileURLWithPath: campaign), files: files.map { URL(fileURLWithPath: $0) })
            options.recommender = recommender
            options.allOrNothing = allOrNothing
            options.replace = replace
            options.dryRun = dryRun
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
                for change in result.changes {
                    Self.print(change, campaign: options.campaign, console: console)
                }
                for finding in result.orphaned {
                    console.line("  \(replace ? "删除" : "将删除") \(finding.location.description)：\(finding.chinese)")
                }
                if dryRun {
                    console.line("（试运行，未改动任何文件 / dry run: nothing was changed）")
                } else {
                    if let entry = result.entry {
                        console.line(
                            "已记录为第 \(entry.number) 次修改，可用 gongwen history undo \(entry.number) 撤销 / recorded as change"
                                + " \(entry.number); undo it with gongwen history undo \(entry.number)")
                    }
                    console.line("报告 report: " + result.reportFiles.map(\.path).joined(separator: ", "))
                }
                if !result.isComplete { throw ExitCode(GongwenError.Family.invalidData.exitCode) }
            } catch let error as GongwenError {
                console.print(diagnostics: error.diagnostics)
                throw console.fail(error)
            }
        }

        /// The difference for one recommender, as the page shows it: a line, then each row that changes.
        static func print(_ change: RecommenderChange, campaign: URL, console: Console) {
            console.line("\(change.name)：\(change.summary)")
            for row in change.added { console.line("  + \(row.projectName)") }
            for changed in change.changed {
                let fields = changed.fields.map { "\($0.field.title) “\($0.before)” → “\($0.after)”" }
                console.line("  ~ \(changed.before.projectName)：" + fields.joined(separator: "；"))
            }
            for row in change.absent { console.line("  \(change.removesAbsent ? "-" : "=") \(row.projectName)") }
        }
    }
}
