import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering

/// 确定计划: the selection workbook out (`gongwen plan draft`), the marked workbook back in (`gongwen plan
/// import`), making plan.csv and the selection record (selection.csv).
///
/// The import is a change to the office's data: it is worked out and shown first (`dryRun`, the page's
/// preview), refused whole if any row names a project that was not declared or is marked with something other
/// than 列入/不列入, and written as one recorded change that `gongwen history undo` reverses. plan.csv is
/// edited in place (``TableFileEdit``): lines of projects still selected keep every byte, lines of projects now
/// 不列入 are removed, newly selected ones are added at the end with their new numbers.
public enum PlanSelectionFlow {
    /// The selection workbook's bytes, and the diagnostics met (the data's own problems are in the workbook).
    public static func draft(campaign folder: URL) throws(GongwenError) -> (Data, [Diagnostic]) {
        let decision = try DecisionData.read(folder)
        let data = decision.data
        var notes: [Int: [String]] = [:]
        var rowIndex: [Int: Int] = [:]
        for (index, declaration) in data.declarations.enumerated() where rowIndex[declaration.origin.row] == nil {
            rowIndex[declaration.origin.row] = index
        }
        let declarationsFile = data.declarations.first?.origin.file
        for diagnostic in CampaignValidator().validate(data)
        where diagnostic.location.file == declarationsFile {
            guard let row = diagnostic.location.row, let index = rowIndex[row] else { continue }
            notes[index, default: []].append("\(diagnostic.severity.chinese)：\(diagnostic.chinese)")
        }
        let originality = OriginalityReview.run(data, campaign: folder)
        for finding in originality.findings {
            notes[finding.declaration, default: []].append("雷同提示：" + finding.chinese)
        }
        let workbook = SelectionWorkbook(findings: notes, fonts: try decision.fonts())
        do {
            return (
                try workbook.data(data, record: try decision.selectionRecord()),
                originality.diagnostics.filter { $0.code == "history.unreadable" }
            )
        } catch let error as GongwenError {
            throw error
        } catch {
            throw GongwenError(.io, message: "筛选表无法生成 / the selection workbook cannot be made: \(error)")
        }
    }

    /// What an import does (or did).
    public struct Result: Sendable {
        public var selection: PlanSelection
        public var entry: DataHistory.Entry?
        public var warnings: [Diagnostic]

        /// 新增列入 2 项，移出 1 项，保留 40 项，未标记 3 项.
        public var summary: String {
            "新增列入 \(selection.added.count) 项，移出计划 \(selection.removed.count) 项，保留 \(selection.kept) 项，未标记 \(selection.unmarked) 项"
                + " / selected \(selection.added.count), removed \(selection.removed.count), kept \(selection.kept),"
                + " unmarked \(selection.unmarked)"
        }
    }

    /// Imports the marked workbook `file` (bytes, named `name` in messages).
    public static func importWorkbook(
        _ bytes: Data, named name: String, campaign folder: URL, dryRun: Bool
    ) throws(GongwenError) -> Result {
        let lock = try RunLock.acquire(
            RunLock.forCampaign(folder), purpose: "plan import", what: ("活动数据", "campaign data"))
        defer { withExtendedLifetime(lock) {} }
        let decision = try DecisionData.read(folder)
        let data = decision.data
        let (decisions, problems) = SelectionWorkbookReader.read(bytes, file: name)
        var errors = problems.errors
        for unknown in PlanSelection.unknownProjects(decisions, in: data) {
            errors.append(
                Diagnostic(
                    .error, "selection.unknown-project",
                    at: unknown.origin.location(of: "projectName", titled: "项目名称"),
                    chinese: "项目“\(unknown.projectName)”（\(unknown.creditCode)）不在申报表中，不能列入计划",
                    english: "project \"\(unknown.projectName)\" (\(unknown.creditCode)) was not declared"))
        }
        guard errors.isEmpty else {
            throw GongwenError(
                .invalidData, path: name,
                message: "筛选表有 \(errors.count) 处错误，未导入，文件未改动 / the selection workbook has \(errors.count)"
                    + " errors; nothing was imported and no file was changed",
                diagnostics: errors)
        }
        let selection = PlanSelection.apply(decisions, to: data, record: try decision.selectionRecord())
        var warnings = problems.warnings
        for entry in selection.record where entry.result == SelectionMark.notSelected.rawValue && entry.reason.isEmpty {
            warnings.append(
                Diagnostic(
                    .warning, "selection.no-reason", at: SourceLocation(file: name, field: "理由"),
                    chinese: "项目“\(entry.projectName)”不列入，未写理由",
                    english: "\"\(entry.projectName)\" is not selected, with no reason"))
        }
        var result = Result(selection: selection, warnings: warnings)
        guard !dryRun else { return result }
        let planURL = folder.appendingPathComponent(decision.read.planFile)
        let removed = Set(selection.removed.map(\.projectKey))
        let firstIndex = data.firstDeclarationIndexByProject()
        let planBytes: Data
        do {
            let edit = try TableFileEdit(
                existing: FileManager.default.contents(atPath: planURL.path), file: decision.read.planFile,
                table: .plan)
            planBytes = try edit.rewriting(
                { values in
                    removed.contains(
                        ProjectKey(creditCode: values["creditCode"] ?? "", projectName: values["projectName"] ?? ""))
                        ? .remove : .keep
                },
                appending: selection.added.map { entry in
                    let applicant = firstIndex[entry.projectKey].map { data.declarations[$0].applicant } ?? ""
                    return [
                        "planNumber": entry.planNumber, "applicant": applicant, "creditCode": entry.creditCode,
                        "projectName": entry.projectName,
                    ]
                }
            ).data
        } catch {
            throw GongwenError(
                .invalidData, path: planURL.path, message: "计划表无法改写，未改动 / the plan cannot be rewritten; nothing changed"
            )
        }
        let recordBytes = SelectionRecordFile.encode(selection.record)
        let recordURL = folder.appendingPathComponent(SelectionRecordFile.name)
        // Nothing to record when the workbook changes nothing (imported twice).
        guard
            planBytes != FileManager.default.contents(atPath: planURL.path)
                || recordBytes != FileManager.default.contents(atPath: recordURL.path)
        else { return result }
        result.entry = try DataHistory(campaign: folder).apply(
            [
                (decision.read.planFile, planBytes),
                (SelectionRecordFile.name, recordBytes),
            ], action: "plan", uploads: [name], summary: [result.summary])
        return result
    }
}
