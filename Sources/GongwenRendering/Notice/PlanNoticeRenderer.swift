import Foundation
import GongwenDocuments
import GongwenModel

/// The plan notice (DOCX) and its plan table, from `Templates/plan-notice/`.
public struct PlanNoticeRenderer: Sendable {
    let templates: TemplateFolder

    /// The folder the notice and its table go to.
    public static let folder = "计划通知"

    public init(templates: TemplateFolder) {
        self.templates = templates
    }

    /// Nothing when the campaign has no plan yet.
    public func render(_ data: CampaignData) throws -> [RenderedFile] {
        guard !data.plan.isEmpty, let context = PlanNoticeContext.make(data) else { return [] }
        let text = try NoticeText.load(document: .planNotice, from: templates, values: context.values)
        let number = context.values.documentNumber
        let base = "\(Self.folder)/" + FileNaming.safe("\(number) \(text.title)")
        return [
            RenderedFile(
                path: base + ".docx", data: try NoticeDOCX(text: text, context: context).document(), kind: .planNotice,
                documentNumber: number, title: text.title)
        ]
    }
}
