import Foundation
import GongwenDocuments
import GongwenTemplates
import Mustache
import Yams

/// `Templates/<document>/form.yaml`: what a table form says and how it is laid out, shared by its XLSX and
/// DOCX. The YAML is parsed first and each string is a Mustache template rendered afterwards as plain text,
/// so a value from the data can never change the file's structure; the XML writer escapes it.
public struct FormLayout: Sendable {
    public struct Column: Sendable, Decodable {
        public var title: String
        public var width: Double
    }

    public struct Fonts: Sendable, Decodable {
        public var body: String
        public var heading: String
        public var title: String

        public init(body: String, heading: String, title: String) {
            self.body = body
            self.heading = heading
            self.title = title
        }
    }

    struct BlankForm: Sendable, Decodable {
        var rows: Int
        var prompts: [String: String]
    }

    struct File: Decodable {
        var sheetName: String
        var summarySheetName: String?
        var listSheetName: String?
        var fonts: Fonts
        var annexLabel: String
        var title: String
        var recommenderLine: String?
        var columns: [Column]
        var groupHeading: String?
        var signatureLine: String?
        var signOff: [String]?
        var notes: [String]?
        var pageFooter: String
        var sheetPageFooter: String?
        var blankForm: BlankForm?

        enum CodingKeys: String, CodingKey {
            case fonts, title, columns, notes
            case sheetName = "sheet_name"
            case summarySheetName = "summary_sheet_name"
            case listSheetName = "list_sheet_name"
            case annexLabel = "annex_label"
            case recommenderLine = "recommender_line"
            case groupHeading = "group_heading"
            case signatureLine = "signature_line"
            case signOff = "sign_off"
            case pageFooter = "page_footer"
            case sheetPageFooter = "sheet_page_footer"
            case blankForm = "blank_form"
        }
    }

    let file: File
    let path: String
    let templates: [String: MustacheTemplate]

    public var fonts: Fonts { file.fonts }
    public var columns: [Column] { file.columns }
    public var sheetName: String { file.sheetName }
    public var summarySheetName: String { file.summarySheetName ?? "汇总" }
    public var listSheetName: String { file.listSheetName ?? "下拉选项" }
    /// Who the notes on a returned form are from.
    public var commentAuthor: String { "gongwen" }
    /// The page footer in header/footer codes; centred (`&C`) unless the template names a section, as
    /// Excel and openpyxl both need a section code to place it.
    public var pageFooter: String { Self.centred(file.pageFooter) }

    /// The footer of a workbook that prints more than one sheet (the consolidated table: a summary and a
    /// sheet per recommender). Each sheet numbers its own pages, but `&N` counts the whole workbook's in
    /// Excel and LibreOffice alike ("第 1 页，共 15 页" on a one-page sheet), so it names the sheet instead.
    public var sheetPageFooter: String { Self.centred(file.sheetPageFooter ?? "&A　第 &P 页") }

    static func centred(_ footer: String) -> String {
        ["&L", "&C", "&R"].contains { footer.hasPrefix($0) } ? footer : "&C" + footer
    }
    public var blankRows: Int { file.blankForm?.rows ?? 30 }
    public func prompt(_ key: String) -> String { file.blankForm?.prompts[key] ?? "" }

    /// Loads and parses `Templates/<document>/form.yaml`.
    public static func load(document: DocumentKind, from folder: TemplateFolder) throws(TemplateError) -> FormLayout {
        let (file, path) = try folder.decodeYAML(File.self, at: "\(document.templateFolder)/form.yaml")
        let optional =
            [file.recommenderLine, file.groupHeading, file.signatureLine].compactMap { $0 } + (file.signOff ?? [])
        let templates = try TemplateFolder.textTemplates(
            [file.annexLabel, file.title] + optional + (file.notes ?? []), path: path)
        return FormLayout(file: file, path: path, templates: templates)
    }

    /// Renders one of the layout's strings with `context`.
    func render(_ string: String, _ context: Any) -> String {
        templates[string]?.render(TemplateValues.lazy(context)) ?? string
    }

    public func annexLabel(_ context: Any) -> String { render(file.annexLabel, context) }
    public func title(_ context: Any) -> String { render(file.title, context) }
    public func recommenderLine(_ context: Any) -> String { file.recommenderLine.map { render($0, context) } ?? "" }
    public func groupHeading(_ context: Any) -> String { file.groupHeading.map { render($0, context) } ?? "" }
    /// The sign-off under the table (推荐部门负责人, 填报人, 联系人电话, 日期), each a label and its value, laid
    /// out two to a line with room to write by hand; a template folder of before `sign_off` gives its one
    /// `signature_line`.
    public func signOff(_ context: Any) -> [String] {
        if let signOff = file.signOff { return signOff.map { render($0, context) } }
        return file.signatureLine.map { [render($0, context)] } ?? []
    }
    public func notes(_ context: Any) -> [String] { (file.notes ?? []).map { render($0, context) } }
}
