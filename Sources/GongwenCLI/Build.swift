import ArgumentParser
import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders

extension Gongwen {
    /// `gongwen build`: every document the campaign needs, into the output folder, or nothing at all.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成全部文件 / Build every document into the output folder.")

        @OptionGroup var options: CampaignOptions

        @Option(name: .shortAndLong, help: "输出文件夹 / the output folder")
        var output = "output"

        @Option(help: "模板文件夹 / the templates folder (default: the built-in Templates/)")
        var templates: String?

        @Option(
            help: "表彰名单排序：stroke 按笔画（默认）、pinyin 按拼音、data 按名单顺序 / order within a level: stroke, pinyin, data")
        var order: AwardsContext.Order = .stroke

        @Flag(help: "打印每一步用时 / print how long each step took")
        var timings = false

        @Option(help: "同时生成的文件数（默认为处理器核数）/ documents rendered at once (default: one per core)")
        var jobs: Int?

        @Flag(
            help:
                "归档包中加 PDF/A-2b 副本（需 LibreOffice）/ add a PDF/A-2b copy to each archive package (needs LibreOffice)")
        var pdf = false

        @Flag(help: "归档包中加 gongwen 排版的 OFD 副本 / add an OFD copy, laid out by gongwen, to each archive package")
        var ofd = false

        @Flag(
            help:
                "OFD 副本嵌入所用字形的字体子集（TrueType，经 fontconfig 查找）/ embed in each OFD a subset of each font file found (TrueType, through fontconfig)"
        )
        var embedFonts = false

        @Flag(
            help:
                "缺少公文字体时仍生成 PDF（或嵌入替代字体），替代记入元数据 / make the PDF (or embed a stand-in) even where a font is replaced; the metadata records it"
        )
        var allowSubstituteFonts = false

        func run() throws {
            let console = Console()
            var context = BuildContext(
                campaignFolder: options.campaignURL,
                templatesFolder: templates.map { URL(fileURLWithPath: $0) } ?? BundledResources.templates,
                outputFolder: URL(fileURLWithPath: output), policy: options.policy)
            context.order = order
            context.pdfCopies = pdf
            context.ofdCopies = ofd
            context.allowSubstituteFonts = allowSubstituteFonts
            context.embedFonts = embedFonts
            context.templatesChosen = templates != nil
            if let jobs { context.workers = max(1, jobs) }
            if timings {
                context.observeJob = { name, seconds in
                    guard seconds >= 0.1 else { return }
                    Console().error("    \(name) \(String(format: "%.2f", seconds)) s, \(MemoryUse.current())")
                }
            }
            do {
                try BuildPipeline(steps: BuildStep.all).run(&context) { index, count, name in
                    console.progress("[\(index)/\(count)] \(name)")
                } finished: { index, count, name, seconds in
                    if timings { console.error("[\(index)/\(count)] \(name) \(String(format: "%.2f", seconds)) s") }
                }
            } catch {
                console.print(diagnostics: context.diagnostics)
                throw console.fail(error)
            }
            console.print(diagnostics: context.diagnostics)
            for pending in context.notYet {
                let documents =
                    pending.table == "awards"
                    ? "获奖证书、表彰名单和表彰决定 / certificates, list and decision"
                    : "计划通知和计划表 / the plan notice and plan table"
                console.line("未生成 skipped: \(documents)（还没有 \(pending.file) / no \(pending.file) yet）")
            }
            for key in context.noticesNotYet {
                console.line(
                    "未生成 skipped: 公文 \(key)（campaign.yaml 尚未给出 document_numbers.\(key) 和 issue_dates.\(key) / "
                        + "campaign.yaml does not number and date \(key) yet）")
            }
            console.line(
                "已生成 \(context.files.count) 个文件 → \(output)/ / wrote \(context.files.count) files to \(output)/")
            if embedFonts, !context.files.contains(where: { $0.path.hasSuffix(".ofd") }) {
                console.line(
                    "--embed-fonts 只用于 OFD 副本（--ofd 或 archive: ofd）/ --embed-fonts applies to OFD copies (--ofd or archive: ofd)"
                )
            }
            for font in context.fontsNotEmbedded {
                console.line("OFD 字体 font: \(font)")
            }
            // standards.md §6: the documents name the official fonts; a machine without them substitutes.
            var fonts: [String] = []
            for font in context.files.flatMap(\.fonts) where !fonts.contains(font) { fonts.append(font) }
            if !fonts.isEmpty {
                console.line("字体 fonts: \(fonts.joined(separator: "、"))（未安装时由替代字体显示 / substituted where not installed）")
            }
        }
    }
}

extension AwardsContext.Order: ExpressibleByArgument {}
