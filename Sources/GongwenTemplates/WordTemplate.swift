import Foundation
import GongwenOOXML
import Mustache

/// A `.docx` made or edited in Word, WPS or LibreOffice, with `{{tags}}` in its text, used as a template.
///
/// Only `word/document.xml` is rendered; every other part (styles, headers, footers, images, page setup,
/// relationships) is copied as it is, in the file's own order. The rendered document is checked with libxml2
/// before it is packaged: a template that would produce a broken file fails with its name.
public struct WordTemplate {
    public let file: String
    let entries: [(name: String, data: Data)]
    let document: MustacheTemplate
    /// The prepared document, for the template check.
    public let preparedDocument: String

    public static func load(from url: URL, displayPath: String) throws(TemplateError) -> WordTemplate {
        func failure(_ chinese: String, _ english: String) -> TemplateError {
            TemplateError(file: displayPath, line: nil, column: nil, message: "\(chinese) / \(english)")
        }
        var entries = try TemplateArchive.entries(at: url, displayPath: displayPath, kind: ".docx")
        if let index = entries.firstIndex(where: { $0.name == WordSettingsRepair.partName }) {
            entries[index].data = WordSettingsRepair.repaired(entries[index].data)
        }
        // A template re-saved by LibreOffice writes some properties out of the schema's order.
        for index in entries.indices
        where entries[index].name.hasPrefix("word/") && entries[index].name.hasSuffix(".xml") {
            entries[index].data = WordSchemaOrder.repaired(entries[index].data)
        }
        guard
            let xml = entries.first(where: { $0.0 == "word/document.xml" }).map({
                String(decoding: $0.1, as: UTF8.self)
            })
        else {
            throw failure("缺少 word/document.xml", "word/document.xml is missing")
        }
        let prepared = try WordTemplatePreparer.prepare(xml, file: displayPath)
        do {
            return WordTemplate(
                file: displayPath, entries: entries, document: try MustacheTemplate(string: prepared),
                preparedDocument: prepared)
        } catch let error as MustacheTemplate.ParserError {
            let offset = WordTemplatePlaces.byteOffset(
                in: prepared, line: error.context.lineNumber, column: error.context.columnNumber)
            var sentence = WordTemplatePlaces.sentence(forParserError: "\(error.error)")
            // Tags of another template language are the usual cause: say so, with what to write instead.
            let others = WordTemplatePlaces.otherLanguages(prepared)
            if !others.isEmpty {
                sentence = (
                    others.map(\.chinese).joined(separator: "；"), others.map(\.english).joined(separator: "; ")
                )
            }
            throw TemplateError(
                file: displayPath + "（" + WordTemplatePlaces.describe(prepared, offset: offset) + "）", line: nil,
                column: nil, message: "\(sentence.chinese) / \(sentence.english)")
        } catch {
            throw failure("模板语法错误", "template syntax error: \(error)")
        }
    }

    /// The document with `values`; values are escaped for XML and cleaned of characters XML forbids.
    ///
    /// - Parameter core: the properties the document should carry (title, 文号, author, date) in place of the
    ///   template's own `docProps/core.xml`, which names whoever made the template.
    public func render(
        _ values: Any, date: (Int, Int, Int), core: CorePropertiesPart? = nil
    ) throws(TemplateError) -> Data {
        let xml = Data(document.render(TemplateValues.make(values)).utf8)
        if let problem = XMLWellFormedness.check(xml) {
            throw TemplateError(
                file: file, line: problem.line, column: problem.column,
                message: "生成的 word/document.xml 格式不正确（段落或表格中的 {{#…}} 与 {{/…}} 是否成对？）/ "
                    + "the rendered word/document.xml is not well-formed (are sections opened and closed in the same place?): \(problem.message)"
            )
        }
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 6, year: date.0, month: date.1, day: date.2)
        do {
            for (name, data) in entries {
                switch name {
                case "word/document.xml": try zip.add(name, xml)
                case "docProps/core.xml" where core != nil: try zip.add(name, Data(core?.xml() ?? []))
                default: try zip.add(name, data)
                }
            }
            try zip.finish()
        } catch {
            throw TemplateError(file: file, line: nil, column: nil, message: "\(error)")
        }
        return sink.data
    }
}
