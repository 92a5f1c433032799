import Foundation
import GongwenDocuments
import GongwenOOXML
import Mustache

/// The templates of every document, laid out `Templates/<document>/<format>/<name>.mustache`.
///
/// An office's own folder (`--templates`, or `templates:` in campaign.yaml) overrides the built-in one file
/// by file: whatever it lacks is taken from the built-in `fallback`. Loading parses each template once; a
/// syntax error becomes a ``TemplateError`` naming the file, line and column. Templates may only show values,
/// loop and test: a `CONTENT_TYPE` pragma, which would switch off the output format's escaping, is refused.
public struct TemplateFolder: Sendable {
    public let root: URL
    /// The built-in templates, used for every file `root` does not have.
    public let fallback: URL?

    public init(root: URL, fallback: URL? = nil) {
        self.root = root
        self.fallback = fallback
    }

    /// The file at `relativePath`: the office's copy when it has one, else the built-in one.
    public func resolve(_ relativePath: String) -> URL {
        let own = root.appendingPathComponent(relativePath)
        guard let fallback, !FileManager.default.fileExists(atPath: own.path) else { return own }
        return fallback.appendingPathComponent(relativePath)
    }

    /// The file of `name` for `document` in `format`, e.g. declaration-table/html/table.html.mustache.
    public func url(document: DocumentKind, format: String, name: String) -> URL {
        resolve("\(document.templateFolder)/\(format)/\(name).mustache")
    }

    /// The path shown in messages, relative to its folder's parent (Templates/declaration-table/html/…).
    public func displayPath(_ url: URL) -> String {
        for folder in [root, fallback].compactMap({ $0 }) {
            let base = folder.deletingLastPathComponent().path
            if url.path.hasPrefix(folder.path + "/") { return String(url.path.dropFirst(base.count + 1)) }
        }
        return url.path
    }

    /// Every template file, relative to the folder, the office's and the built-in ones together.
    public func files() -> [String] {
        var found: Set<String> = []
        for folder in [root, fallback].compactMap({ $0 }) {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                let path = url.standardizedFileURL.path
                let base = folder.standardizedFileURL.path + "/"
                if path.hasPrefix(base), !url.lastPathComponent.hasPrefix(".") {
                    found.insert(String(path.dropFirst(base.count)))
                }
            }
        }
        return found.sorted()
    }

    public func load(document: DocumentKind, format: String, name: String) throws(TemplateError) -> LoadedTemplate {
        let url = url(document: document, format: format, name: name)
        let path = displayPath(url)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(
                file: path, line: nil, column: nil, message: "模板文件不存在或不是 UTF-8 文本 / template missing or not UTF-8")
        }
        if let range = text.range(of: "{{%") {
            let (line, column) = Self.position(of: range.lowerBound, in: text)
            throw TemplateError(
                file: path, line: line, column: column,
                message: "模板不得使用 {{% …}} 指令（它会关闭转义）/ pragmas are not allowed: they would switch off escaping")
        }
        do {
            return LoadedTemplate(path: path, template: try MustacheTemplate(string: text))
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                message: "模板语法错误 / template syntax error: \(error.error)")
        } catch {
            throw TemplateError(file: path, line: nil, column: nil, message: "\(error)")
        }
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        let before = text[..<index]
        let line = before.count(where: { $0 == "\n" }) + 1
        let column =
            before.distance(
                from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                to: before.endIndex) + 1
        return (line, column)
    }
}

/// A parsed template and where it came from.
public struct LoadedTemplate: Sendable {
    public let path: String
    let template: MustacheTemplate
    /// The same template for gongwen's renderer; nil when only swift-mustache can render it.
    let compiled: CompiledTemplate?

    init(path: String, template: MustacheTemplate) {
        self.path = path
        self.template = template
        compiled = CompiledTemplate(template)
    }

    /// Renders `context` (a document context value). Values are cleaned and HTML-escaped by the format.
    public func render(_ context: Any) -> String {
        String(decoding: renderData(context), as: UTF8.self)
    }

    /// The rendered bytes (UTF-8), without a string in between.
    public func renderData(_ context: Any) -> Data {
        let values = TemplateValues.lazy(context)
        if let compiled { return Data(compiled.render(values)) }
        return Data(template.render(values).utf8)
    }

    /// The rendered bytes written into `sink` a piece at a time (a large table's HTML is never whole in
    /// memory); the same bytes as ``renderData(_:)``.
    public func write(_ context: Any, to sink: any ZipSink) throws {
        let values = TemplateValues.lazy(context)
        guard let compiled else {
            try Data(template.render(values).utf8).withUnsafeBytes { try sink.write($0) }
            return
        }
        try compiled.render(values) { try sink.write($0) }
    }

    /// swift-mustache's rendering, the reference the compiled renderer is tested against.
    func referenceRender(_ context: Any) -> String {
        template.render(TemplateValues.lazy(context))
    }
}

/// A template that cannot be used, with its place.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
