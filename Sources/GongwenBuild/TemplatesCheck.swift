import Foundation
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// `gongwen templates check`: the office's templates (or the built-in ones) against a campaign's contexts.
public enum TemplatesCheck {
    public static func run(folder: URL?, campaign: URL) throws(GongwenError) -> [TemplateNameCheck.Finding] {
        let read = CampaignReader().read(folder: campaign)
        guard let data = read.data else {
            throw GongwenError(
                .invalidData, path: campaign.path, message: "活动数据无法读取 / the campaign cannot be read",
                diagnostics: read.diagnostics)
        }
        // No folder given: the one campaign.yaml names (templates:), else the built-in templates.
        let root = folder ?? read.templatesFolder ?? BundledResources.templates
        let templates = TemplateFolder(root: root, fallback: BundledResources.templates)
        return TemplateChecker(templates: templates, data: data).check()
    }
}
