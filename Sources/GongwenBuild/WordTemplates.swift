import Foundation
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// Word templates gongwen can write for an office to edit.
public enum WordTemplates {
    /// Writes `plan-notice/docx/notice.docx` into `folder`, laid out from the bundled sample campaign.
    public static func exportNotice(to folder: URL) throws {
        guard let sample = CampaignReader().read(folder: BundledResources.sampleCampaign).data else {
            throw GongwenError(.invalidData, message: "示例活动无法读取 / the sample campaign cannot be read")
        }
        let data = try NoticeWordTemplate.make(
            templates: TemplateFolder(root: folder, fallback: BundledResources.templates), sample: sample)
        let target = folder.appendingPathComponent("plan-notice/docx/notice.docx")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: target)
    }
}
