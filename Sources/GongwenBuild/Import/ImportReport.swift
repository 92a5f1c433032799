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

    /// What changed for each recommender: rows added, changed (field by field), kept though the form no
    /// longer has them, or removed (with `--replace`), as one more "file" each.
    var changeSummaries: [FileSummary] {
        result.changes.map { change in
            let name = change.name
            var lines: [Line] = []
            func line(_ kind: String, _ declaration: Declaration, _ chinese: String, _ english: String) -> Line {
                Line(
                    file: declaration.origin.file, kind: kind, row: String(declaration.origin.row), column: "",
                    field: DeclarationField.projectName.title, chinese: chinese, english: english)
            }
            for row in change.added {
                lines.append(line("新增", row, "新增项目“\(row.projectName)”", "added \"\(row.projectName)\""))
            }
            for changed in change.changed {
                let fields = changed.fields.map { "\($0.field.title)：“\($0.before)” → “\($0.after)”" }
                lines.append(
                    line(
                        "修改", changed.before, "“\(changed.before.projectName)”" + fields.joined(separator: "；"),
                        "changed " + changed.fields.map { $0.field.english }.joined(separator: ", ")))
            }
            for row in change.kept {
                lines.append(
                    line(
                        "保留", row, "新表中没有“\(row.projectName)”，已保留未删（确需删除请选择“以新表替换”或加 --replace）",
                        "\"\(row.projectName)\" is not on the new form; kept (remove it with --replace)"))
            }
            for row in change.removed {
                lines.append(line("已删除", row, "新表中没有“\(row.projectName)”，已删除", "removed \"\(row.projectName)\""))
            }
            return FileSummary(
                file: "\(name)：\(change.summary)", recommender: name,
                accepted: change.added.count + change.changed.count,
                rejected: 0, refused: "", lines: lines)
        }
    }

    /// The plan and award rows an import with `--replace` removed with their projects, as one more "file".
    var orphanSummary: [FileSummary] {
        guard !result.orphaned.isEmpty else { return [] }
        let lines = result.orphaned.map { finding in
            Line(
                file: finding.location.file, kind: "已删除", row: finding.location.row.map(String.init) ?? "",
                column: finding.location.column.map(SourceLocation.columnLetters) ?? "",
                field: finding.location.field ?? "", chinese: finding.chinese, english: finding.english)
        }
        return [
            FileSummary(
                file: "计划表、获奖名单 plan, awards", recommender: "", accepted: 0, rejected: 0,
                refused: "", lines: lines)
        ]
    }

    func write(to folder: URL) throws(GongwenError) -> [URL] {
        let summaries = self.summaries + changeSummaries + orphanSummary
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
