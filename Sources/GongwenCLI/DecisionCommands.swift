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

            @OptionGroup var folder: CampaignFolderOption

            @Option(name: .shortAndLong, help: "输出文件 / the file to write")
            var output = "项目筛选表.xlsx"

            @Flag(help: "覆盖已有的文件 / replace a file already there (it may hold the office's marks)")
            var force = false

            func run() throws {
                let console = Console()
                do {
                    let (bytes, diagnostics) = try PlanSelectionFlow.draft(campaign: folder.url)
                    // A workbook already there may be the one the office has marked: kept unless --force.
                    try AtomicFile.write(bytes, to: URL(fileURLWithPath: output), replacing: force)
                    console.print(diagnostics: diagnostics)
                    console.line("已生成项目筛选表 → \(output) / wrote the selection workbook to \(output)")
                } catch {
                    throw console.failWithDiagnostics(error)
                }
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "导入标记后的筛选表，写计划表（plan.csv）和筛选记录（selection.csv）/ import the marked workbook into plan.csv")

            @Argument(help: "标记后的筛选表 / the marked selection workbook")
            var file: String

            @OptionGroup var folder: CampaignFolderOption

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
                        bytes, named: url.lastPathComponent, campaign: folder.url, dryRun: dryRun)
                    console.print(diagnostics: result.warnings)
                    console.line(result.summary)
                    for entry in result.selection.added { console.line("  + \(entry.planNumber) \(entry.projectName)") }
                    for entry in result.selection.removed {
                        console.line("  - \(entry.planNumber) \(entry.projectName)")
                    }
                    console.recorded(result.entry, dryRun: dryRun)
                } catch {
                    throw console.failWithDiagnostics(error)
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

            @OptionGroup var folder: CampaignFolderOption

            @Option(name: .shortAndLong, help: "输出文件夹 / the folder to write them in")
            var output = "评分表"

            @Flag(help: "覆盖已有的评分表 / replace scoring workbooks already there (they may be filled in)")
            var force = false

            func run() throws {
                let console = Console()
                do {
                    let urls = try JudgingFlow.forms(
                        campaign: folder.url, to: URL(fileURLWithPath: output), replacing: force)
                    for url in urls { console.line("已生成 wrote \(url.path)") }
                } catch {
                    throw console.failWithDiagnostics(error)
                }
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "导入评委返回的评分表；全部到齐后排名并提出获奖建议 / import returned workbooks; rank once all are in")

            @Argument(help: "评委返回的评分表 / the returned scoring workbooks")
            var files: [String]

            @OptionGroup var folder: CampaignFolderOption

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
                        inputs, campaign: folder.url, dryRun: dryRun)
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
                    throw console.failWithDiagnostics(error)
                }
            }
        }

        struct Adopt: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "adopt",
                abstract: "把评选建议写成获奖名单（awards.csv），可撤销 / make the proposal the award list (undoable)")

            @OptionGroup var folder: CampaignFolderOption

            @Flag(help: "只显示将要发生的变化，不改动任何文件 / show what would change; change nothing")
            var dryRun = false

            func run() throws {
                let console = Console()
                do {
                    let adoption = try JudgingFlow.adopt(campaign: folder.url, dryRun: dryRun)
                    console.line(adoption.summary)
                    console.recorded(adoption.entry, dryRun: dryRun)
                } catch {
                    throw console.failWithDiagnostics(error)
                }
            }
        }
    }
}

/// `--campaign DIR` of the commands that change or read one campaign's data (default: the current folder).
struct CampaignFolderOption: ParsableArguments {
    @Option(help: "活动数据文件夹 / the campaign folder (default: the current folder)")
    var campaign = "."

    var url: URL { URL(fileURLWithPath: campaign) }
}
