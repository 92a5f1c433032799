import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// A campaign read for one of the year's decisions: its data, the templates folder, and the diagnostics.
/// A decision never starts on a campaign whose tables cannot be read (what it wrote would lose the rows it
/// could not read).
struct DecisionData {
    var folder: URL
    var read: CampaignReader.Result
    var data: CampaignData
    var templates: TemplateFolder

    static func read(_ folder: URL) throws(GongwenError) -> DecisionData {
        let read = CampaignReader().read(folder: folder)
        guard let data = read.data, read.unreadableTables.isEmpty, !read.diagnostics.hasErrors else {
            throw GongwenError(
                .invalidData, path: folder.path,
                message: "活动数据有读取错误，请先用 gongwen check 修正 / the campaign's data has read errors; fix them first"
                    + " (gongwen check)",
                diagnostics: read.diagnostics)
        }
        return DecisionData(
            folder: folder, read: read, data: data,
            templates: TemplateFolder(
                root: read.templatesFolder ?? BundledResources.templates, fallback: BundledResources.templates))
    }

    /// The fonts the office's forms use (附件2's form.yaml), for the decisions' workbooks.
    func fonts() throws(GongwenError) -> FormLayout.Fonts {
        do {
            return try FormLayout.load(document: .declarationTable, from: templates).fonts
        } catch {
            throw GongwenError(.template, path: error.file, message: error.description)
        }
    }

    /// The selection record, if the office has made one.
    func selectionRecord() throws(GongwenError) -> [SelectionRecordEntry] {
        let url = folder.appendingPathComponent(SelectionRecordFile.name)
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return [] }
        let (entries, diagnostics) = SelectionRecordFile.read(
            bytes, file: CampaignReader.displayName(of: SelectionRecordFile.name, in: folder))
        guard !diagnostics.hasErrors else {
            throw GongwenError(
                .invalidData, path: url.path, message: "筛选记录无法读取 / the selection record cannot be read",
                diagnostics: diagnostics)
        }
        return entries
    }
}

/// The originality check with its history read: findings and the warnings to list.
public enum OriginalityReview {
    public struct Result: Sendable {
        public var findings: [OriginalityFinding]
        /// Warnings: each finding at its declaration, and each earlier year that could not be read.
        public var diagnostics: [Diagnostic]
        public var historyProjects: Int
    }

    public static func run(_ data: CampaignData, campaign folder: URL) -> Result {
        let (history, problems) = HistoryReader.read(data.campaign.decisions.history, relativeTo: folder)
        let index = history.isEmpty ? nil : OriginalityIndex(history)
        let findings = OriginalityCheck.findings(
            declarations: data.declarations, year: data.campaign.year, history: index,
            chunks: ProcessInfo.processInfo.activeProcessorCount * 4
        ) { count, body in DispatchQueue.concurrentPerform(iterations: count, execute: body) }
        return Result(
            findings: findings,
            diagnostics: problems + OriginalityCheck.diagnostics(findings, declarations: data.declarations),
            historyProjects: history.count)
    }
}
