import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// `import-report.html` and `import-report.csv`: per file, rows accepted, rows rejected with row, column and
/// reason in Chinese (and English), files refused with their one-line reason, and the normalisations made.
struct ImportReport {
    let result: Importer.Result
    let campaign: Campaign

    typealias Line = ImportReportContext.Line
    typealias FileSummary = ImportReportContext.FileSummary
    /// The templates folder the campaign names (campaign.yaml `templates:`), over the built-in one.
    var templates = TemplateFolder(root: BundledResources.templates)

    var summaries: [FileSummary] {
        result.files.map { outcome in
            var lines: [Line] = []
            if let refusal = outcome.refusal {
                lines.append(
                    Line(
                        file: outcome.file, kind: "已拒绝", row: "", column: "", field: "", chinese: refusal.chinese,
                        english: refusal.english))
            }
            for (row, findings) in outcome.rejected {
                for finding in findings {
                    lines.append(
                        Line(
                            file: outcome.file, kind: "未导入", row: String(row),
                            column: finding.location.column.map(SourceLocation.columnLetters) ?? "",
                            field: finding.location.field ?? "", chinese: finding.chinese, english: finding.english))
                }
            }
            for notice in outcome.notices {
                lines.append(
                    Line(
                        file: outcome.file, kind: "已规范", row: notice.location.row.map(String.init) ?? "",
                        column: notice.location.column.map(SourceLocation.columnLetters) ?? "",
                        field: notice.location.field ?? "",
                        chinese: "\(notice.chinese)：“\(notice.before)” → “\(notice.after)”",
                        english: "normalised \"\(notice.before)\" to \"\(notice.after)\""))
            }
            let name = outcome.recommender.flatMap { campaign.recommender(named: $0)?.name } ?? ""
            return FileSummary(
                file: outcome.file, recommender: name, accepted: outcome.accepted.count,
                rejected: outcome.rejected.count,
                refused: outcome.refusal?.description ?? "", lines: lines)
        }
    }

    /// The plan and award rows whose project an import with `--replace` removed, as one more "file".
    var orphanSummary: [FileSummary] {
        guard !result.orphaned.isEmpty else { return [] }
        let lines = result.orphaned.map { finding in
            Line(
                file: finding.location.file, kind: "已移除", row: finding.location.row.map(String.init) ?? "",
                column: finding.location.column.map(SourceLocation.columnLetters) ?? "",
                field: finding.location.field ?? "", chinese: "（已按 --replace 导入）" + finding.chinese,
                english: "(imported with --replace) " + finding.english)
        }
        return [
            FileSummary(
                file: "计划表、获奖名单 plan, awards", recommender: "", accepted: 0, rejected: 0,
                refused: "", lines: lines)
        ]
    }

    func write(to folder: URL) throws(GongwenError) -> [URL] {
        let summaries = self.summaries + orphanSummary
        let csv = CSVWriter().document(
            header: ["文件", "结果", "行", "列", "字段", "说明", "English"],
            rows: summaries.flatMap { summary in
                [[summary.file, "导入\(summary.accepted)行，未导入\(summary.rejected)行", "", "", "", summary.refused, ""]]
                    + summary.lines.map { [$0.file, $0.kind, $0.row, $0.column, $0.field, $0.chinese, $0.english] }
            })
        let html: String
        do {
            let template = try templates.load(document: .importReport, format: "html", name: "report.html")
            html = template.render(ImportReportContext(campaignTitle: campaign.title, files: summaries))
        } catch {
            throw GongwenError(.template, path: error.file, message: error.description)
        }
        let csvURL = folder.appendingPathComponent("import-report.csv")
        let htmlURL = folder.appendingPathComponent("import-report.html")
        try AtomicFile.write(Data(csv.utf8), to: csvURL)
        try AtomicFile.write(Data(html.utf8), to: htmlURL)
        return [htmlURL, csvURL]
    }
}
