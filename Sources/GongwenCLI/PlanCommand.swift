import ArgumentParser
import Foundation
import GongwenBuild
import GongwenModel
import GongwenReaders

extension Gongwen {
    /// `gongwen plan`: the selection of the year's plan (确定计划).
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "确定计划：生成筛选表，导入标记后的筛选表写成计划表 / Select the plan: the selection workbook out, marked back in.",
            subcommands: [Draft.self, Import.self])

        struct Draft: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "draft",
                abstract: "生成项目筛选表（XLSX），含雷同、重复、逾期和错误提示 / write the selection workbook, with the screening notes")

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            @Option(name: .shortAndLong, help: "输出文件 / the file to write")
            var output = "项目筛选表.xlsx"

            func run() throws {
                let console = Console()
                do {
                    let (bytes, diagnostics) = try PlanSelectionFlow.draft(campaign: URL(fileURLWithPath: campaign))
                    try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
                    console.print(diagnostics: diagnostics)
                    console.line("已生成项目筛选表 → \(output) / wrote the selection workbook to \(output)")
                } catch {
                    if let error = error as? GongwenError { console.print(diagnostics: error.diagnostics) }
                    throw console.fail(error)
                }
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "导入标记后的筛选表，写计划表（plan.csv）和筛选记录（selection.csv）/ import the marked workbook into plan.csv")

            @Argument(help: "标记后的筛选表 / the marked selection workbook")
            var file: String

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            @Flag(help: "只显示将要发生的变化，不改动任何文件 / show what would change; change nothing")
            var dryRun = false

            func run() throws {
                let console = Console()
                do {
                    let url = URL(fileURLWithPath: file)
                    guard let bytes = FileManager.default.contents(atPath: url.path) else {
                        throw GongwenError(.io, path: file, message: "无法读取 / cannot be read")
                    }
                    let result = try PlanSelectionFlow.importWorkbook(
                        bytes, named: url.lastPathComponent, campaign: URL(fileURLWithPath: campaign), dryRun: dryRun)
                    console.print(diagnostics: result.warnings)
                    console.line(result.summary)
                    for entry in result.selection.added { console.line("  + \(entry.planNumber) \(entry.projectName)") }
                    for entry in result.selection.removed {
                        console.line("  - \(entry.planNumber) \(entry.projectName)")
                    }
                    console.recorded(result.entry, dryRun: dryRun)
                } catch {
                    if let error = error as? GongwenError { console.print(diagnostics: error.diagnostics) }
                    throw console.fail(error)
                }
            }
        }
    }

    /// `gongwen judging`: the September judging (组织评选).
    struct JudgingCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "judging",
            abstract: "组织评选：评委评分表、导入评分、排名和获奖建议 / Judging: the judges' workbooks, their scores, ranking and proposal.",
            subcommands: [Forms.self, Import.self, Adopt.self])

        struct Forms: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "forms", abstract: "为每位评委生成评分表（XLSX）/ write one scoring workbook per judge")

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            @Option(name: .shortAndLong, help: "输出文件夹 / the folder to write them in")
            var output = "评分表"

            func run() throws {
                let console = Console()
                do {
                    let urls = try JudgingFlow.forms(
                        campaign: URL(fileURLWithPath: campaign), to: URL(fileURLWithPath: output))
                    for url in urls { console.line("已生成 wrote \(url.path)") }
                } catch {
                    if let error = error as? GongwenError { console.print(diagnostics: error.diagnostics) }
                    throw console.fail(error)
                }
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "导入评委返回的评分表；全部到齐后排名并提出获奖建议 / import returned workbooks; rank once all are in")

            @Argument(help: "评委返回的评分表 / the returned scoring workbooks")
            var files: [String]

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            @Flag(help: "只显示将要发生的变化，不改动任何文件 / show what would change; change nothing")
            var dryRun = false

            func run() throws {
                let console = Console()
                do {
                    var inputs: [(data: Data, name: String)] = []
                    for file in files {
                        guard let bytes = FileManager.default.contents(atPath: file) else {
                            throw GongwenError(.io, path: file, message: "无法读取 / cannot be read")
                        }
                        inputs.append((bytes, URL(fileURLWithPath: file).lastPathComponent))
                    }
                    let result = try JudgingFlow.importWorkbooks(
                        inputs, campaign: URL(fileURLWithPath: campaign), dryRun: dryRun)
                    console.line("导入评委 imported: \(result.imported.joined(separator: "、"))")
                    if !result.missing.isEmpty {
                        console.line("尚待返回 still to come: \(result.missing.joined(separator: "、"))")
                    } else {
                        for project in result.ranking {
                            console.line(
                                "  \(project.rank). \(project.planNumber) \(project.projectName)  "
                                    + "\(JudgingFiles.aggregate(project))  \(project.level ?? "")")
                        }
                        let names = result.recommenders.filter(\.proposed).map(\.recommender.name)
                        console.line("建议优秀推荐单位 proposed recommenders: \(names.joined(separator: "、"))")
                        console.line(
                            "建议名单 proposal: \(JudgingFiles.proposedAwards)；审阅后用 gongwen judging adopt 写入获奖名单"
                                + " / review it, then gongwen judging adopt")
                    }
                    console.recorded(result.entry, dryRun: dryRun)
                } catch {
                    if let error = error as? GongwenError { console.print(diagnostics: error.diagnostics) }
                    throw console.fail(error)
                }
            }
        }

        struct Adopt: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "adopt",
                abstract: "把评选建议写成获奖名单（awards.csv），可撤销 / make the proposal the award list (undoable)")

            @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
            var campaign = "."

            @Flag(help: "只显示将要发生的变化，不改动任何文件 / show what would change; change nothing")
            var dryRun = false

            func run() throws {
                let console = Console()
                do {
                    let adoption = try JudgingFlow.adopt(campaign: URL(fileURLWithPath: campaign), dryRun: dryRun)
                    console.line(adoption.summary)
                    console.recorded(adoption.entry, dryRun: dryRun)
                } catch {
                    if let error = error as? GongwenError { console.print(diagnostics: error.diagnostics) }
                    throw console.fail(error)
                }
            }
        }
    }
}
