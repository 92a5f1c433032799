import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen history`: the changes imports made to the campaign's data, and undoing one.
    struct HistoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "数据修改记录（每次导入），可撤销 / The changes imports made to the campaign's data; undo one.",
            subcommands: [List.self, Undo.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "列出修改记录 / list the changes, newest first")

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            func run() throws {
                let console = Console()
                let entries = DataHistory(campaign: URL(fileURLWithPath: campaign)).entries()
                if entries.isEmpty { console.line("还没有修改记录 / no changes recorded yet") }
                for entry in entries {
                    let state =
                        entry.state == "undone" ? "（已撤销 undone）" : entry.state == "applying" ? "（未完成 unfinished）" : ""
                    console.line(
                        "\(entry.number)  \(entry.time)  \(entry.action)\(state)  \(entry.uploads.joined(separator: "、"))"
                    )
                    for line in entry.summary { console.line("    \(line)") }
                }
            }
        }

        struct Undo: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "undo", abstract: "撤销一次修改，数据文件逐字节恢复 / undo a change: the data files back byte for byte")

            @Argument(help: "修改编号（gongwen history 列出）/ the change's number, as gongwen history lists it")
            var number: Int

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            func run() throws {
                let console = Console()
                let folder = URL(fileURLWithPath: campaign)
                do {
                    let lock = try RunLock.acquire(
                        RunLock.forCampaign(folder), purpose: "undo", what: ("活动数据", "campaign data"))
                    defer { withExtendedLifetime(lock) {} }
                    let entry = try DataHistory(campaign: folder).undo(number)
                    console.line(
                        "已撤销第 \(number) 次修改（记录为第 \(entry.number) 次）/ undid change \(number) (recorded as \(entry.number))"
                    )
                    for file in entry.files { console.line("  \(file.name)") }
                } catch let error as GongwenError {
                    throw console.fail(error)
                }
            }
        }
    }
}
