import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import Hummingbird

/// The marked selection workbook and the judges' scoring workbooks taken in on the page, in two steps as every
/// change to the office's data is made: the upload is kept and its change shown (the command's `--dry-run`);
/// the clerk confirms or discards it. Adopting the proposal is shown on the decisions page before its button.
/// Every change is recorded and can be undone from the page that follows it or the history page.
extension WebServer {
    func planImport(_ request: Request) async throws -> Response {
        let received = try await receiveUpload(request, purpose: "plan", accepting: ["xlsx"])
        guard case .kept(let upload, let folder, let id) = received else {
            if case .refused(let response) = received { return response }
            preconditionFailure("an upload is kept or refused")
        }
        guard upload.files.count == 1 else {
            try? FileManager.default.removeItem(at: folder)
            return try page(blankPage("请只选择一个项目筛选表 / choose one selection workbook"), status: .badRequest)
        }
        return try await runPlan(upload, in: folder, id: id, dryRun: true)
    }

    func confirmPlanImport(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        guard let (upload, folder, id) = keptUpload(request, purpose: "plan") else {
            return try page(blankPage("这次上传已导入或已放弃，请重新选择文件 / this upload is gone"), status: .gone)
        }
        return try await runPlan(upload, in: folder, id: id, dryRun: false)
    }

    func runPlan(_ upload: Upload, in folder: URL, id: String, dryRun: Bool) async throws -> Response {
        let campaign = options.campaign
        return try await decisionRun(folder: folder, dryRun: dryRun) { () throws(GongwenError) -> WebPage in
            let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(upload.files[0]).path)
            let result = try PlanSelectionFlow.importWorkbook(
                bytes ?? Data(), named: upload.names[0], campaign: campaign, dryRun: dryRun)
            var page = self.decisionsPage()
            page.heading = dryRun ? "导入前核对：项目筛选表 \(upload.names[0])" : "已导入项目筛选表 \(upload.names[0])"
            page.lines =
                [result.summary] + result.selection.added.map { "新增列入 \($0.planNumber) \($0.projectName)" }
                + result.selection.removed.map { "移出计划 \($0.planNumber) \($0.projectName)" }
            page.problems = result.warnings.map(Self.problem)
            if dryRun {
                page.decisionPreview = WebPage.DecisionPreview(uploadID: id, kind: "plan", canConfirm: true)
            } else if let entry = result.entry {
                page.undoNumber = entry.number
            }
            return page
        }
    }

    func judgingImport(_ request: Request) async throws -> Response {
        let received = try await receiveUpload(request, purpose: "judging", accepting: ["xlsx"])
        guard case .kept(let upload, let folder, let id) = received else {
            if case .refused(let response) = received { return response }
            preconditionFailure("an upload is kept or refused")
        }
        return try await runJudging(upload, in: folder, id: id, dryRun: true)
    }

    func confirmJudgingImport(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        guard let (upload, folder, id) = keptUpload(request, purpose: "judging") else {
            return try page(blankPage("这次上传已导入或已放弃，请重新选择文件 / this upload is gone"), status: .gone)
        }
        return try await runJudging(upload, in: folder, id: id, dryRun: false)
    }

    func runJudging(_ upload: Upload, in folder: URL, id: String, dryRun: Bool) async throws -> Response {
        let campaign = options.campaign
        return try await decisionRun(folder: folder, dryRun: dryRun) { () throws(GongwenError) -> WebPage in
            let files = Swift.zip(upload.files, upload.names).map { file, name in
                (
                    data: FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data(),
                    name: name
                )
            }
            let result = try JudgingFlow.importWorkbooks(files, campaign: campaign, dryRun: dryRun)
            var page = self.decisionsPage()
            page.heading = dryRun ? "导入前核对：评分表" : "已导入评分表"
            page.lines = ["评委 \(result.imported.joined(separator: "、")) 的评分表" + (dryRun ? "将导入" : "已导入")]
            if result.missing.isEmpty {
                page.lines.append(
                    "评委已全部交回：排名 \(result.ranking.count) 项，建议获奖 \(result.proposal.count) 项"
                        + (dryRun ? "（确认后写入 judging/ 供审阅）" : "，见下方排名和获奖建议"))
            } else {
                page.lines.append("尚待交回：\(result.missing.joined(separator: "、"))")
            }
            if dryRun {
                page.decisionPreview = WebPage.DecisionPreview(uploadID: id, kind: "judging", canConfirm: true)
            } else if let entry = result.entry {
                page.undoNumber = entry.number
            }
            return page
        }
    }

    /// The proposal made the award list (shown on the decisions page first, with what it replaces).
    func adoptProposal(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        let campaign = options.campaign
        return try await decisionRun(folder: nil, dryRun: false) { () throws(GongwenError) -> WebPage in
            let adoption = try JudgingFlow.adopt(campaign: campaign, dryRun: false)
            var page = self.decisionsPage()
            page.heading = "已采用评选建议 / the proposal is now the award list"
            page.lines = [adoption.summary]
            if let entry = adoption.entry { page.undoNumber = entry.number }
            return page
        }
    }

    /// Runs `work` under the gate (one import or build at a time); a refusal shows its errors, a confirmed
    /// upload's folder is removed whatever the outcome.
    func decisionRun(
        folder: URL?, dryRun: Bool, _ work: @escaping @Sendable () throws(GongwenError) -> WebPage
    ) async throws -> Response {
        guard
            let (page, status) = await gate.runBlocking({ () -> (WebPage, HTTPResponse.Status) in
                defer { if !dryRun, let folder { try? FileManager.default.removeItem(at: folder) } }
                do {
                    return (try work(), .ok)
                } catch {
                    if let folder { try? FileManager.default.removeItem(at: folder) }
                    var page = self.decisionsPage()
                    page.heading = "未导入，数据未改动 / nothing was changed"
                    let failure = error as? GongwenError
                    page.lines = [failure?.message ?? "\(error)"]
                    page.problems = (failure?.diagnostics ?? []).map(Self.problem)
                    return (page, .unprocessableContent)
                }
            })
        else {
            if dryRun, let folder { try? FileManager.default.removeItem(at: folder) }
            return try self.page(
                blankPage("正在导入或生成，请稍候再试 / an import or a build is running"), status: .conflict)
        }
        return try self.page(page, status: status)
    }
}
