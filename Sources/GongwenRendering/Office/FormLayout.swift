import Foundation
import GongwenDocuments
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
        var notes: [String]?
        var pageFooter: String
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
            case pageFooter = "page_footer"
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
    /// The page footer in header/footer codes; centred (`&C`) unless the template names a section, as
    /// Excel and openpyxl both need a section code to place it.
    public var pageFooter: String {
        ["&L", "&C", "&R"].contains { file.pageFooter.hasPrefix($0) } ? file.pageFooter : "&C" + file.pageFooter
    }
    public var blankRows: Int { file.blankForm?.rows ?? 30 }
    public func prompt(_ key: String) -> String { file.blankForm?.prompts[key] ?? "" }

    /// Loads and parses `Templates/<document>/form.yaml`.
    public static func load(document: DocumentKind, from folder: TemplateFolder) throws(TemplateError) -> FormLayout {
        let url = folder.root.appendingPathComponent(document.templateFolder).appendingPathComponent("form.yaml")
        let path = folder.displayPath(url)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(
                file: path, line: nil, column: nil, message: "模板文件不存在或不是 UTF-8 文本 / template missing or not UTF-8")
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch let DecodingError.dataCorrupted(context) {
            // Yams reports a syntax error as dataCorrupted with the YamlError and its mark underneath.
            let place = (context.underlyingError as? YamlError).flatMap(Self.syntaxError)
            throw TemplateError(
                file: path, line: place?.line, column: place?.column,
                message: "YAML 语法错误 / YAML syntax error: \(place?.problem ?? context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw TemplateError(file: path, line: nil, column: nil, message: "缺少 \(field) / \(field) is missing")
        } catch {
            throw TemplateError(
                file: path, line: nil, column: nil, message: "YAML 无法读取 / cannot read the YAML: \(error)")
        }
        var templates: [String: MustacheTemplate] = [:]
        let optional = [file.recommenderLine, file.groupHeading, file.signatureLine].compactMap { $0 }
        let strings = [file.annexLabel, file.title] + optional + (file.notes ?? [])
        for string in strings where templates[string] == nil {
            do {
                // TEXT: the XML writer escapes; HTML escaping here would print &amp; in the form.
                templates[string] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + string)
            } catch {
                throw TemplateError(
                    file: path, line: nil, column: nil, message: "“\(string)”: 模板语法错误 / syntax error: \(error)")
            }
        }
        return FormLayout(file: file, path: path, templates: templates)
    }

    /// Line, column and problem of a YAML syntax error.
    static func syntaxError(_ error: YamlError) -> (line: Int, column: Int, problem: String)? {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            (mark.line, mark.column, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
        default:
            nil
        }
    }

    /// Renders one of the layout's strings with `context`.
    func render(_ string: String, _ context: Any) -> String {
        templates[string]?.render(TemplateValues.make(context)) ?? string
    }

    public func annexLabel(_ context: Any) -> String { render(file.annexLabel, context) }
    public func title(_ context: Any) -> String { render(file.title, context) }
    public func recommenderLine(_ context: Any) -> String { file.recommenderLine.map { render($0, context) } ?? "" }
    public func groupHeading(_ context: Any) -> String { file.groupHeading.map { render($0, context) } ?? "" }
    public func signatureLine(_ context: Any) -> String { file.signatureLine.map { render($0, context) } ?? "" }
    public func notes(_ context: Any) -> [String] { (file.notes ?? []).map { render($0, context) } }
}
