import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

extension BuildStep {
    /// Takes the output folder for this run: follows a symbolic link, waits for (or names) another run that
    /// holds its lock, puts back an output a killed run left aside, and refuses a folder gongwen did not make,
    /// all before any work is done. The lock is held until the build ends.
    public static let lockOutput = BuildStep("锁定输出 lock output") { context in
        let folder = try OutputFolder.resolving(context.outputFolder)
        context.outputLock = try RunLock.acquire(
            RunLock.forOutput(folder.url), purpose: "build", what: ("输出文件夹", "output folder"))
        try folder.prepare()
        context.staging = try folder.makeStaging(interruption: context.writeInterruption)
    }

    /// Reads campaign.yaml and the tables it names. Problems in a table's rows do not stop here: the validate
    /// step still runs, so one `check` lists every problem. Only a campaign that cannot be read at all stops.
    public static let read = BuildStep("读取 read") { context in
        let result = CampaignReader().read(folder: context.campaignFolder)
        context.diagnostics += result.diagnostics
        context.inputFiles = result.inputFiles
        context.data = result.data
        context.notYet = result.notYet
        if !context.templatesChosen, let folder = result.templatesFolder { context.templatesFolder = folder }
        if result.data == nil {
            throw GongwenError(
                .invalidData, message: "活动数据无法读取 / the campaign data cannot be read",
                diagnostics: context.diagnostics)
        }
        if !result.unreadableTables.isEmpty {
            let tables = result.unreadableTables.joined(separator: "、")
            throw GongwenError(
                .invalidData,
                message: "无法读取 \(tables)，其余检查未进行 / \(tables) cannot be read; nothing else was checked",
                diagnostics: context.diagnostics)
        }
    }

    /// Runs every check; any error stops the build before a file is written.
    public static let validate = BuildStep("校验 validate") { context in
        let data = try context.requireData()
        let campaignFile = CampaignReader.displayName(
            of: CampaignReader.defaultFiles.campaign, in: context.campaignFolder)
        var validator = CampaignValidator(policy: context.policy, campaignFile: campaignFile)
        validator.forEachInParallel = { count, body in DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
        context.diagnostics += validator.validate(data)
        let errors = context.diagnostics.errors.findingCount
        if errors > 0 {
            throw GongwenError(
                .invalidData, message: "活动数据有 \(errors) 处错误 / the campaign data has \(errors) errors",
                diagnostics: context.diagnostics)
        }
    }

    /// Checks every template against the contexts it will get: a name the context does not provide (which
    /// Mustache would render as nothing), an unclosed section or a pragma stops the build before rendering.
    public static let checkTemplates = BuildStep("模板检查 check templates") { context in
        let data = try context.requireData()
        let templates = TemplateFolder(root: context.templatesFolder, fallback: BundledResources.templates)
        let findings = TemplateChecker(templates: templates, data: data).check()
        context.diagnostics += findings.map(\.diagnostic)
        let errors = findings.filter { $0.severity == .error }
        if let first = errors.first {
            throw GongwenError(
                .template, path: first.file,
                message: "模板有 \(errors.count) 处错误 / the templates have \(errors.count) errors",
                diagnostics: context.diagnostics)
        }
    }

    /// Builds each document's context and renders it through its templates, on every core, each file written
    /// into the staging folder (and hashed) as soon as it is made.
    public static let render = BuildStep("生成 render") { context in
        let data = try context.requireData()
        let staging = try context.requireStaging()
        let templates = TemplateFolder(root: context.templatesFolder, fallback: BundledResources.templates)
        let ofd = context.ofdCopies || data.campaign.archiveCopies.contains("ofd")
        var jobs: [DocumentJob]
        do {
            jobs = try DeclarationTableRenderer(templates: templates).jobs(data)
        } catch {
            throw JobRunner.error(error, job: DeclarationTableRenderer.folder)
        }
        jobs += PlanNoticeRenderer(templates: templates, fixedLayout: ofd).jobs(data)
        jobs += AwardsRenderer(templates: templates, order: context.order, fixedLayout: ofd).jobs(data)
        let notices = NoticeRenderer(templates: templates, fixedLayout: ofd)
        jobs += notices.jobs(data)
        context.noticesNotYet = notices.notYet(data)
        // The decisions' records (评审结果汇总表, 项目筛选记录), when the campaign has made them.
        let records = DecisionRecords.tables(campaign: context.campaignFolder)
        jobs += records.tables.map { DecisionRecordRenderer(templates: templates).job($0, campaign: data.campaign) }
        context.inputFiles += records.inputs
        var runner = JobRunner(width: context.workers, observe: context.observeJob)
        if ofd, !context.embedFonts {
            // Each OFD copy written in the job that laid it out, its pages freed there (every page of every
            // document was held until the archive step). Embedded subsets need every document's characters
            // first, so with --embed-fonts the archive step still writes them.
            let packager = ArchivePackager(staging: staging, options: ArchivePackager.Options(ofd: true))
            runner.finish = { file throws(GongwenError) in try packager.writeFixedLayoutCopy(of: file) }
        }
        context.files += try runner.run(jobs, into: staging)
    }

    /// Makes an archive package (归档包) for each issued document: the DOCX, its PDF/A copy when asked for,
    /// the metadata record and SHA256SUMS (``ArchivePackager``).
    public static let archive = BuildStep("归档 archive") { context in
        let data = try context.requireData()
        var options = ArchivePackager.Options(
            pdf: context.pdfCopies || data.campaign.archiveCopies.contains("pdf"),
            ofd: context.ofdCopies || data.campaign.archiveCopies.contains("ofd"),
            allowSubstituteFonts: context.allowSubstituteFonts)
        if options.ofd, context.embedFonts {
            var names: [String] = []
            var characters: [String: Set<Unicode.Scalar>] = [:]
            for file in context.files {
                for font in file.fixedLayout?.writer.fontsUsed ?? [] {
                    if characters[font.name] == nil { names.append(font.name) }
                    characters[font.name, default: []].formUnion(font.characters)
                }
            }
            let embedding = try FontEmbedding.locate(
                names.map { ($0, characters[$0] ?? []) }, allowSubstitutes: context.allowSubstituteFonts)
            options.fonts = embedding.fonts
            context.fontsNotEmbedded = embedding.notEmbedded.map { "\($0.font)：\($0.reason)" }
        }
        context.files += try ArchivePackager(staging: context.requireStaging(), options: options).package(
            context.files)
    }

    /// Adds manifest.json, which lists every other file with its size and SHA-256.
    public static let manifest = BuildStep("清单 manifest") { context in
        let data = try context.requireData()
        let manifest = Manifest(campaign: data.campaign, inputs: context.inputFiles, files: context.files)
        context.files.append(
            try context.requireStaging().write(
                RenderedFile(path: Manifest.fileName, data: try manifest.encoded(), kind: .manifest, title: "文件清单")))
    }

    /// Flushes the staging folder to disk and swaps it in for the previous output in one step.
    public static let write = BuildStep("写入 write") { context in
        let folder = try OutputFolder.resolving(context.outputFolder)
        let staging = try context.requireStaging()
        try folder.swapIn(staging)
    }

    /// The whole build, in order.
    public static let all: [BuildStep] = [
        .lockOutput, .read, .validate, .checkTemplates, .render, .archive, .manifest, .write,
    ]
}
