import Foundation
import Mustache
import Yams

extension TemplateFolder {
    /// Decodes the YAML template at `relativePath` (e.g. `plan-notice/notice.yaml`), mapping every failure to
    /// a TemplateError with the file, and the line and column of a syntax error.
    public func decodeYAML<T: Decodable>(_ type: T.Type, at relativePath: String) throws(TemplateError) -> (
        T, path: String
    ) {
        let url = resolve(relativePath)
        let path = displayPath(url)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(
                file: path, line: nil, column: nil, message: "模板文件不存在或不是 UTF-8 文本 / template missing or not UTF-8")
        }
        do {
            return (try YAMLDecoder().decode(T.self, from: text), path)
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

    /// Compiles the Mustache strings of a YAML template as plain text (the output format escapes the
    /// values; HTML escaping here would print `&amp;` in a Word document).
    public static func textTemplates(_ strings: [String], path: String) throws(TemplateError) -> [String:
        MustacheTemplate]
    {
        var templates: [String: MustacheTemplate] = [:]
        for string in strings where templates[string] == nil {
            do {
                templates[string] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + string)
            } catch {
                throw TemplateError(
                    file: path, line: nil, column: nil, message: "“\(string)”: 模板语法错误 / syntax error: \(error)")
            }
        }
        return templates
    }
}
