import Foundation
import GongwenBuild
import GongwenDocuments
import Hummingbird

/// The settings page: campaign.yaml's deadline, each document's 成文日期 and 发文字号, and the recommenders,
/// edited in the browser and saved as `CampaignSettings` saves them (line edits keeping the file's comments,
/// checked before saving, recorded and undoable). A campaign made by `gongwen init` is completed here.
extension WebServer {
    static let documentLabels: [String: String] = [
        "call": "活动方案", "training": "宣贯培训通知", "plan_notice": "重点项目计划通知", "results": "报送成果通知",
        "judging": "成果发表会通知", "commendation": "表彰决定", "recommendation": "推荐参加全市发表评选的函",
    ]

    func settingsPage(heading: String = "活动设置 / settings") -> WebPage {
        var page = blankPage(heading)
        let values = CampaignSettings(campaign: options.campaign).values()
        page.settings = WebPage.Settings(
            deadline: values.deadline,
            documents: values.documents.map {
                WebPage.Settings.Document(
                    key: $0.key, label: Self.documentLabels[$0.key] ?? $0.key, date: $0.date, serial: $0.serial)
            },
            recommenders: values.recommenders.enumerated().map { index, recommender in
                WebPage.Settings.Recommender(
                    index: index, id: recommender.id, name: recommender.name, shortName: recommender.shortName,
                    kind: recommender.kind, preparer: recommender.preparer, phone: recommender.phone)
            }
                + [
                    WebPage.Settings.Recommender(
                        index: values.recommenders.count, id: "", name: "", shortName: "", kind: "", preparer: "",
                        phone: "")
                ])
        return page
    }

    func saveSettings(_ request: Request) async throws -> Response {
        if let refusal = refusal(request) { return refusal }
        let fields: [String: String]
        do {
            fields = try await formFields(request)
        } catch {
            return try page(
                blankPage("提交内容过大 / the form is too large"), status: .contentTooLarge,
                headers: .closing("text/html; charset=utf-8"))
        }
        let settings = CampaignSettings(campaign: options.campaign)
        var values = settings.values()
        values.deadline = fields["deadline"]?.trimmingCharacters(in: .whitespaces) ?? values.deadline
        values.documents = values.documents.map { document in
            (
                document.key, fields["date.\(document.key)"]?.trimmingCharacters(in: .whitespaces) ?? document.date,
                fields["serial.\(document.key)"]?.trimmingCharacters(in: .whitespaces) ?? document.serial
            )
        }
        var recommenders: [CampaignSettings.RecommenderValues] = []
        for index in 0...values.recommenders.count {
            let existing = index < values.recommenders.count ? values.recommenders[index] : nil
            // A field the form did not send keeps its value.
            func field(_ name: String, _ current: String?) -> String {
                fields["r\(index).\(name)"]?.trimmingCharacters(in: .whitespaces) ?? current ?? ""
            }
            let id = existing?.id ?? field("id", nil)
            if existing == nil, id.isEmpty, field("name", nil).isEmpty { continue }
            recommenders.append(
                CampaignSettings.RecommenderValues(
                    id: id, name: field("name", existing?.name), shortName: field("shortName", existing?.shortName),
                    kind: field("kind", existing?.kind), preparer: field("preparer", existing?.preparer),
                    phone: field("phone", existing?.phone)))
        }
        values.recommenders = recommenders
        let submitted = values
        guard
            let page = await gate.runBlocking({ () -> WebPage in
                do {
                    switch try settings.save(submitted) {
                    case .saved(let entry):
                        var page = self.settingsPage(heading: "已保存（第 \(entry.number) 次修改，可在修改记录中撤销）/ saved")
                        page.undoNumber = entry.number
                        return page
                    case .unchanged:
                        return self.settingsPage(heading: "没有改动 / nothing changed")
                    case .refused(let problems):
                        var page = self.settingsPage(heading: "未保存：请改正下列问题 / not saved")
                        page.problems = problems.map(Self.problem)
                        return page
                    }
                } catch {
                    var page = self.settingsPage(heading: "未保存 / not saved")
                    page.lines = [(error as? GongwenError)?.message ?? "\(error)"]
                    return page
                }
            })
        else {
            return try self.page(
                blankPage("正在导入或生成，请稍候再试 / an import or a build is running"), status: .conflict)
        }
        return try self.page(page)
    }

    /// The fields of an url-encoded form body (at most 64 KB).
    func formFields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
