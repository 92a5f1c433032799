import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import Hummingbird
import NIOCore

/// The year's two decisions on the page: the selection and the judging as they stand, the originality
/// findings, and the workbooks to download (the selection workbook, each judge's scoring workbook, named by
/// the judge's number in campaign.yaml). Nothing here changes the data: marked and scored workbooks are
/// imported with `gongwen plan import` and `gongwen judging import`, which show the change first.
extension WebServer {
    /// How many originality findings the page lists (the workbook and `gongwen check` have them all).
    static let findingsShown = 50

    func decisionsPage() -> WebPage {
        var page = blankPage("确定计划和组织评选")
        let read = CampaignReader().read(folder: options.campaign)
        guard let data = read.data else {
            page.heading = "活动数据无法读取 / the campaign cannot be read"
            page.problems = read.diagnostics.map(Self.problem)
            return page
        }
        var decisions = WebPage.Decisions()
        decisions.declared = Set(data.declarations.map(\.projectKey)).count
        decisions.planned = data.plan.count
        if let bytes = FileManager.default.contents(
            atPath: options.campaign.appendingPathComponent(SelectionRecordFile.name).path)
        {
            let notSelected = SelectionRecordFile.read(bytes, file: SelectionRecordFile.name).0
                .filter { $0.result == SelectionMark.notSelected.rawValue }
            decisions.notSelected = notSelected.count
            decisions.notSelectedList = notSelected.map {
                WebPage.Decisions.NotSelected(projectName: $0.projectName, applicant: $0.applicant, reason: $0.reason)
            }
        }
        let warnings = originalityWarnings(data)
        // The row as the office knows it (申报表第 N 行), not this machine's path to the file.
        decisions.findings = warnings.prefix(Self.findingsShown).map { warning in
            WebPage.Decisions.Finding(
                place: warning.location.row.map { "申报表第 \($0) 行" } ?? (warning.location.field ?? ""),
                text: warning.chinese)
        }
        decisions.moreFindings = max(0, warnings.count - Self.findingsShown)
        let judges = data.campaign.decisions.judges
        let status = JudgingFlow.status(campaign: options.campaign, judges: judges)
        decisions.judges = judges.enumerated().map {
            WebPage.Decisions.Judge(
                number: $0.offset + 1, name: $0.element, returned: status.returned.contains($0.element))
        }
        decisions.canJudge = !judges.isEmpty && !data.plan.isEmpty
        decisions.ranking = status.ranking.map {
            WebPage.Decisions.Ranked(
                rank: $0["排名"] ?? "", planNumber: $0["计划编号"] ?? "", projectName: $0["项目名称"] ?? "",
                result: $0["结果（平均分）"] ?? "", level: $0["建议等级"] ?? "")
        }
        // What adopting the proposal would do, shown before its button.
        if FileManager.default.fileExists(
            atPath: options.campaign.appendingPathComponent(JudgingFiles.proposedAwards).path),
            let adoption = try? JudgingFlow.adopt(campaign: options.campaign, dryRun: true)
        {
            decisions.adoptSummary = adoption.summary
        }
        page.decisions = decisions
        return page
    }

    /// The originality warnings, kept while the campaign's files and its earlier years' stay the same: at
    /// 100,000 declarations against five years they take seconds, and the page shows them on every visit.
    func originalityWarnings(_ data: CampaignData) -> [Diagnostic] {
        var key = OverviewCache.fingerprint(
            campaign: options.campaign, manifest: options.campaign.appendingPathComponent("campaign.yaml"), today: "")
        for folder in data.campaign.decisions.history {
            let url = URL(fileURLWithPath: folder, relativeTo: options.campaign).standardizedFileURL
            key += "\n" + url.path + "\n" + OverviewCache.fingerprint(campaign: url, manifest: url, today: "")
        }
        return originalityCache.value(for: key) {
            OriginalityReview.run(data, campaign: options.campaign).diagnostics
        }
    }

    /// The selection workbook, made now as `gongwen plan draft` makes it.
    func planDraft() throws -> Response {
        do {
            let (data, _) = try PlanSelectionFlow.draft(campaign: options.campaign)
            return Self.workbook(data, name: "项目筛选表.xlsx")
        } catch {
            var page = blankPage("项目筛选表无法生成 / the selection workbook cannot be made")
            page.lines = [error.message]
            return try self.page(page, status: .internalServerError)
        }
    }

    /// A judge's scoring workbook (`?judge=N`, the judge's 1-based number in campaign.yaml).
    func judgingForm(_ request: Request) throws -> Response {
        guard let number = request.uri.queryParameters.get("judge").flatMap({ Int(String($0)) }), number > 0 else {
            return try page(blankPage("没有这位评委 / no such judge"), status: .notFound)
        }
        do {
            let (name, data) = try JudgingFlow.form(campaign: options.campaign, judge: number)
            return Self.workbook(data, name: name)
        } catch {
            var page = blankPage("评分表无法生成 / the scoring workbook cannot be made")
            page.lines = [error.message]
            return try self.page(page, status: error.family == .usage ? .notFound : .internalServerError)
        }
    }

    static func workbook(_ data: Data, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "workbook.xlsx"
        headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
