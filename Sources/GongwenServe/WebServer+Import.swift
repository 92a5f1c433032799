import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import Hummingbird

/// Returned forms on the page, in two steps as every change to the office's data is made: the upload is kept
/// and shown as what it would change (rows added, changed field by field, rows the form no longer has); the
/// clerk then confirms — keeping those rows, or, as a separate choice, removing them — or discards it. Every
/// import is recorded and listed on the history page with its undo. The upload's files live in the campaign's
/// `.gongwen/uploads/<random id>` between the steps; a request names them only by that id, checked to be one.
extension WebServer {
    var uploads: URL { options.campaign.appendingPathComponent(".gongwen/uploads") }

    /// The kept upload `id` names, or nil unless it is 32 lower-case hex digits and exists.
    func upload(_ id: String?) -> URL? {
        guard let id, id.count == 32, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let folder = uploads.appendingPathComponent(id)
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("upload.json").path) ? folder : nil
    }

    struct Upload: Codable {
        var files: [String]
        var names: [String]
        var recommender: String?
        /// What the upload is for: nil for returned forms, `plan` for a selection workbook, `judging` for
        /// scoring workbooks. A confirmation only takes an upload of its own purpose.
        var purpose: String?
        /// The form's other fields.
        var fields: [String: String] = [:]
    }

    /// The forms: streamed to disk, then shown as the change they would make (nothing written to the data).
    func importForms(_ request: Request) async throws -> Response {
        let received = try await receiveUpload(request, purpose: nil, accepting: ["xlsx", "csv"])
        guard case .kept(var upload, let folder, let id) = received else {
            if case .refused(let response) = received { return response }
            preconditionFailure("an upload is kept or refused")
        }
        upload.recommender = upload.fields["recommender"].flatMap { $0.isEmpty ? nil : $0 }
        try JSONEncoder().encode(upload).write(to: folder.appendingPathComponent("upload.json"))
        return try await run(upload, in: folder, id: id, dryRun: true, replace: false)
    }

    enum ReceivedUpload {
        case kept(Upload, folder: URL, id: String)
        case refused(Response)
    }

    /// An upload streamed into `.gongwen/uploads/<random id>`, each file named by its position and one of
    /// `accepting`'s extensions (`bin` otherwise), its uploaded name kept only to be shown. The token and origin
    /// are checked before a byte of the body is read; too large or malformed uploads are refused and removed.
    func receiveUpload(_ request: Request, purpose: String?, accepting: Set<String>) async throws -> ReceivedUpload {
        if let refusal = refusal(request) { return .refused(refusal) }
        guard let contentType = request.headers[.contentType], let boundary = MultipartForm.boundary(contentType) else {
            return .refused(Self.refused("需要 multipart/form-data / expected multipart/form-data", status: .badRequest))
        }
        pruneUploads()
        let id = Self.randomToken()
        let folder = uploads.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let parts = MultipartForm(boundary: boundary, folder: folder, fileLimit: options.uploadLimit)
        do {
            try await parts.read(request.body)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            switch error {
            case .fileTooLarge:
                return .refused(
                    try page(
                        blankPage("文件超过 \(options.uploadLimit / 1024 / 1024) MB / a file is too large"),
                        status: .contentTooLarge, headers: .closing("text/html; charset=utf-8")))
            case .fieldsTooLarge:
                return .refused(
                    try page(
                        blankPage("上传超过大小限制 / the upload is too large"), status: .contentTooLarge,
                        headers: .closing("text/html; charset=utf-8")))
            case .malformed:
                return .refused(
                    try page(blankPage("上传内容不完整或格式不对 / the upload is incomplete or malformed"), status: .badRequest))
            }
        }
        guard !parts.files.isEmpty else {
            try? FileManager.default.removeItem(at: folder)
            return .refused(try page(blankPage("没有选择文件 / no file was chosen"), status: .badRequest))
        }
        var upload = Upload(files: [], names: [], recommender: nil, purpose: purpose, fields: parts.fields)
        for (index, file) in parts.files.enumerated() {
            // The uploaded name is shown and gives the format; the file on disk is named by its position.
            let ext = (file.name as NSString).pathExtension.lowercased()
            let name = "\(index + 1).\(accepting.contains(ext) ? ext : "bin")"
            try FileManager.default.moveItem(at: file.url, to: folder.appendingPathComponent(name))
            upload.files.append(name)
            upload.names.append(FileNaming.safe(file.name).isEmpty ? name : file.name)
        }
        try JSONEncoder().encode(upload).write(to: folder.appendingPathComponent("upload.json"))
        return .kept(upload, folder: folder, id: id)
    }

    /// The kept upload `id` of `purpose` (nil: returned forms), read back; nil when it is gone or another's.
    func keptUpload(_ request: Request, purpose: String?) -> (Upload, folder: URL, id: String)? {
        let id = request.uri.queryParameters.get("upload").map { String($0) }
        guard let folder = upload(id), let id,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("upload.json").path),
            let upload = try? JSONDecoder().decode(Upload.self, from: data), upload.purpose == purpose
        else { return nil }
        return (upload, folder, id)
    }

    /// The kept upload imported for real (`replace=1`: rows the forms lack are removed).
    func confirmImport(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        guard let (upload, folder, id) = keptUpload(request, purpose: nil) else {
            return try page(
                blankPage("这次上传已导入或已放弃，请重新选择文件 / this upload is gone; choose the files again"), status: .gone)
        }
        let replace = request.uri.queryParameters.get("replace") == "1"
        return try await run(upload, in: folder, id: id, dryRun: false, replace: replace)
    }

    func discardImport(_ request: Request) throws -> Response {
        if let refusal = refusal(request) { return refusal }
        if let folder = upload(request.uri.queryParameters.get("upload").map { String($0) }) {
            try? FileManager.default.removeItem(at: folder)
        }
        return Response(status: .seeOther, headers: [.location: "/"])
    }

    /// Uploads left unconfirmed for more than a day are removed.
    func pruneUploads() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: uploads.path)) ?? []
        for name in names {
            let url = uploads.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            if let modified, Date().timeIntervalSince(modified) > 86_400 {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Runs the import (or its dry run) under the gate and makes its page.
    func run(_ upload: Upload, in folder: URL, id: String, dryRun: Bool, replace: Bool) async throws -> Response {
        let campaign = options.campaign
        guard
            let (page, status) = await gate.runBlocking({ () -> (WebPage, HTTPResponse.Status) in
                var options = Importer.Options(
                    campaign: campaign, files: upload.files.map { folder.appendingPathComponent($0) })
                options.displayNames = upload.names
                options.recommender = upload.recommender
                options.dryRun = dryRun
                options.replace = replace
                // Rows that come in through the page are received today.
                options.receivedToday = Self.today()
                do {
                    let result = try Importer(options: options).run()
                    if !dryRun { try? FileManager.default.removeItem(at: folder) }
                    return self.importPage(result, id: id, dryRun: dryRun)
                } catch {
                    if !dryRun { try? FileManager.default.removeItem(at: folder) }
                    var page = self.blankPage("导入未完成，数据未改动 / nothing was imported")
                    let failure = error as? GongwenError
                    page.lines = [failure?.message ?? "\(error)"]
                    page.problems = (failure?.diagnostics ?? []).map(Self.problem)
                    return (page, .unprocessableContent)
                }
            })
        else {
            if dryRun { try? FileManager.default.removeItem(at: folder) }
            return try self.page(
                blankPage("正在导入或生成，请稍候再试 / an import or a build is running"), status: .conflict)
        }
        return try self.page(page, status: status)
    }

    /// The preview (dry run) or the report (done): per file what was read, per recommender what changes.
    func importPage(_ result: Importer.Result, id: String, dryRun: Bool) -> (WebPage, HTTPResponse.Status) {
        var page = blankPage("")
        let changed = result.changes.contains(where: \.changesData)
        if dryRun {
            page.heading = "请核对：以下是这次导入将做的修改，确认后才写入 / check what this import would change"
        } else {
            page.heading = changed ? "已导入 / imported" : "没有需要导入的修改 / nothing to change"
            page.undoNumber = result.entry?.number ?? 0
        }
        for outcome in result.files {
            page.lines.append(
                "\(outcome.file)：可导入 \(outcome.accepted.count) 行，有错误未导入 \(outcome.rejected.count) 行"
                    + (outcome.refusal.map { "；整个文件未能读取：\($0.chinese)" } ?? ""))
            for (row, findings) in outcome.rejected {
                for finding in findings {
                    page.problems.append(
                        WebPage.Problem(
                            place: "\(outcome.file) 第\(row)行 \(finding.location.field ?? "")", code: finding.code,
                            chinese: finding.chinese, english: finding.english, severity: "error"))
                }
            }
        }
        let changes = result.changes.map { change in
            var rows = change.added.map { WebPage.Preview.Row(kind: "added", text: "新增：\($0.projectName)") }
            rows += change.changed.map { changed in
                WebPage.Preview.Row(
                    kind: "changed",
                    text: "修改：\(changed.before.projectName)——"
                        + changed.fields.map { "\($0.field.title)“\($0.before)”改为“\($0.after)”" }.joined(separator: "；")
                )
            }
            rows += change.absent.map { row in
                change.removesAbsent
                    ? WebPage.Preview.Row(kind: "removed", text: "删除：\(row.projectName)")
                    : WebPage.Preview.Row(kind: "kept", text: "新表中没有，保留：\(row.projectName)")
            }
            return WebPage.Preview.Change(recommender: change.name, summary: change.summary, rows: rows)
        }
        let absent = result.changes.map(\.absent.count).reduce(0, +)
        if dryRun {
            page.preview = WebPage.Preview(
                uploadID: id, changes: changes, absentCount: absent, canConfirm: changed || absent > 0)
        } else {
            page.preview = nil
            page.lines += changes.map { "\($0.recommender)：\($0.summary)" }
            page.lines += result.orphaned.map { "\($0.location.file)：\($0.chinese)" }
        }
        let nothing = result.acceptedCount == 0 && absent == 0
        return (
            page,
            nothing && result.files.contains { $0.refusal != nil || !$0.rejected.isEmpty } ? .unprocessableContent : .ok
        )
    }

    /// The recorded changes, newest first, each undoable while no later change touched its files.
    func historyPage() -> WebPage {
        var page = blankPage("数据修改记录 / changes to the data")
        page.history = DataHistory(campaign: options.campaign).entries().map { entry in
            WebPage.HistoryEntry(
                number: entry.number, time: entry.time,
                action: [
                    "import": "导入", "replace": "导入（以新表替换）", "undo": "撤销", "plan": "确定计划（导入筛选表）",
                    "judging": "导入评分表", "awards": "采用评选建议",
                ][entry.action] ?? entry.action,
                uploads: entry.uploads.joined(separator: "、"), summary: entry.summary,
                state: entry.state == "undone" ? "已撤销" : entry.state == "applying" ? "未完成" : "",
                canUndo: entry.state != "undone")
        }
        return page
    }

    func undo(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        guard let number = request.uri.queryParameters.get("number").flatMap({ Int($0) }) else {
            return try page(blankPage("缺少修改编号 / which change?"), status: .badRequest)
        }
        let campaign = options.campaign
        guard
            let page = await gate.runBlocking({ () -> WebPage in
                var page = self.historyPage()
                do {
                    let lock = try RunLock.acquire(
                        RunLock.forCampaign(campaign), purpose: "undo", what: ("活动数据", "campaign data"))
                    defer { withExtendedLifetime(lock) {} }
                    let entry = try DataHistory(campaign: campaign).undo(number)
                    page = self.historyPage()
                    page.heading = "已撤销第 \(number) 次修改（记录为第 \(entry.number) 次）/ undid change \(number)"
                } catch {
                    page.heading = "无法撤销 / cannot undo: " + ((error as? GongwenError)?.message ?? "\(error)")
                }
                return page
            })
        else {
            return try self.page(
                blankPage("正在导入或生成，请稍候再试 / an import or a build is running"), status: .conflict)
        }
        return try self.page(page)
    }
}
