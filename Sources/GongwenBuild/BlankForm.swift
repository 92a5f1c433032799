import Foundation
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// The blank 附件2 form recommenders fill in, on its own (`gongwen blank-form`); `build` writes it as well.
public enum BlankForm {
    /// Reads the campaign (only campaign.yaml matters: 行业 and 所在区 fill the drop-down lists) and writes
    /// the form to `url` atomically. Returns the diagnostics met on the way.
    ///
    /// - Parameter templates: the templates folder; nil takes campaign.yaml's `templates:`, else the built-in.
    public static func write(campaign folder: URL, templates: URL?, to url: URL) throws(GongwenError) -> [Diagnostic] {
        let (form, diagnostics) = try make(campaign: folder, templates: templates)
        try AtomicFile.write(form, to: url)
        return diagnostics
    }

    /// The form's bytes (the web page hands them to the browser), with the diagnostics met on the way.
    public static func make(campaign folder: URL, templates: URL?) throws(GongwenError) -> (Data, [Diagnostic]) {
        var context = BuildContext(
            campaignFolder: folder, templatesFolder: templates ?? BundledResources.templates,
            outputFolder: folder.appendingPathComponent("unused"))
        context.templatesChosen = templates != nil
        try BuildPipeline(steps: [.read]).run(&context)
        let data = try context.requireData()
        let form: Data
        do {
            let layout = try FormLayout.load(
                document: .declarationTable,
                from: TemplateFolder(root: context.templatesFolder, fallback: BundledResources.templates))
            form = try DeclarationTableXLSX(layout: layout).blankForm(data.campaign)
        } catch let error as TemplateError {
            throw GongwenError(.template, path: error.file, message: error.description)
        } catch {
            throw GongwenError(.io, message: "空白表无法生成 / the blank form cannot be made: \(error)")
        }
        return (form, context.diagnostics)
    }
}
