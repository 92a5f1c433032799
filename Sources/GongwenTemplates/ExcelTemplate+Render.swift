import Foundation
import GongwenOOXML
import Mustache

extension ExcelTemplate {
    /// Rows of the first sheet holding tags, their tagged cells' text joined: what the template check reads.
    public func taggedRows() -> [(row: Int, text: String)] {
        let xml = String(decoding: entries.first { $0.name == sheetPath }?.data ?? Data(), as: UTF8.self)
        return Self.rows(in: xml).compactMap { row in
            let text = Self.cells(in: row.xml).map { self.text(of: $0) }.filter { $0.contains("{{") }.joined()
            return text.isEmpty ? nil : (row.number, text)
        }
    }

    struct RowXML {
        var xml: String
        var number: Int
    }

    static func rows(in xml: String) -> [RowXML] {
        guard
            let regex = try? NSRegularExpression(
                pattern: #"<row\s[^>]*?(?:/>|>.*?</row>)"#, options: [.dotMatchesLineSeparators])
        else { return [] }
        return regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { match in
            guard let range = Range(match.range, in: xml) else { return nil }
            let row = String(xml[range])
            return RowXML(xml: row, number: attribute("r", in: row).flatMap { Int($0) } ?? 0)
        }
    }

    /// Replaces the first `name="…"` of `element`'s start tag.
    static func setting(_ name: String, to value: String, in element: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: #"^(<\w+[^>]*?\s"# + name + #"=")[^"]*""#) else {
            return element
        }
        let range = NSRange(element.startIndex..., in: element)
        return regex.stringByReplacingMatches(
            in: element, range: range, withTemplate: "$1" + NSRegularExpression.escapedTemplate(for: value) + "\"")
    }

    static func split(_ reference: String) -> (column: String, row: Int) {
        let column = String(reference.prefix { $0.isLetter })
        return (column, Int(reference.dropFirst(column.count)) ?? 0)
    }

    static let sectionPattern = try? NSRegularExpression(pattern: #"\{\{\s*([#^/])\s*([^}\s]+)\s*\}\}"#)

    func render(_ text: String, _ context: Any, template: inout [String: MustacheTemplate]) throws(TemplateError)
        -> String
    {
        if template[text] == nil {
            template.merge(try TemplateFolder.textTemplates([text], path: file)) { $1 }
        }
        return template[text]?.render(context) ?? text
    }

    /// The workbook with `values`; `rows`-style lists repeat their rows.
    public func render(_ values: Any, date: (Int, Int, Int)) throws(TemplateError) -> Data {
        let root = TemplateValues.make(values) as? [String: Any] ?? [:]
        let xml = String(decoding: entries.first { $0.name == sheetPath }?.data ?? Data(), as: UTF8.self)
        guard let start = xml.range(of: "<sheetData>"), let end = xml.range(of: "</sheetData>") else {
            throw TemplateError(file: file, line: nil, column: nil, message: "工作表没有数据区 / the sheet has no sheetData")
        }
        var compiled: [String: MustacheTemplate] = [:]
        var rows = ""
        var extra: [(after: Int, count: Int)] = []  // rows added (or removed) below a template row
        func moved(_ row: Int) -> Int { row + extra.filter { $0.after < row }.map(\.count).reduce(0, +) }
        for row in Self.rows(in: String(xml[start.upperBound..<end.lowerBound])) {
            let cells = Self.cells(in: row.xml)
            let texts = cells.map { text(of: $0) }
            let joined = texts.joined()
            var loop: (kind: String, name: String)?
            if let pattern = Self.sectionPattern,
                let match = pattern.firstMatch(in: joined, range: NSRange(joined.startIndex..., in: joined)),
                let kind = Range(match.range(at: 1), in: joined), let name = Range(match.range(at: 2), in: joined),
                joined[kind] != "/"
            {
                loop = (String(joined[kind]), String(joined[name]))
            }
            var contexts: [Any] = [root]
            if let loop {
                let value = root[loop.name]
                let truthy =
                    (value as? [Any]).map { !$0.isEmpty } ?? (value as? Bool ?? !(value == nil || value is NSNull))
                if loop.kind == "^" {
                    contexts = truthy ? [] : [root]
                } else if let list = value as? [Any] {
                    contexts = list.map { item in root.merging(item as? [String: Any] ?? [:]) { $1 } }
                } else {
                    contexts = truthy ? [root] : []
                }
                extra.append((row.number, contexts.count - 1))
            }
            for (index, context) in contexts.enumerated() {
                let number = moved(row.number) + index
                var out = Self.setting("r", to: String(number), in: row.xml)
                for (cell, text) in zip(cells, texts) {
                    let (column, _) = Self.split(cell.reference)
                    var rewritten = Self.setting("r", to: "\(column)\(number)", in: cell.xml)
                    if text.contains("{{") {
                        var source = text
                        if loop != nil, let pattern = Self.sectionPattern {
                            source = pattern.stringByReplacingMatches(
                                in: source, range: NSRange(source.startIndex..., in: source), withTemplate: "")
                        }
                        let value = try render(source, context, template: &compiled)
                        var writer = XMLWriter()
                        writer.raw("<c r=\"\(column)\(number)\"")
                        if let style = Self.attribute("s", in: cell.xml) { writer.raw(" s=\"\(style)\"") }
                        writer.raw(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        writer.text(value, spreadsheet: true)
                        writer.raw("</t></is></c>")
                        rewritten = writer.string
                    }
                    out = out.replacingOccurrences(of: cell.xml, with: rewritten)
                }
                rows += out
            }
        }
        var sheet = String(xml[..<start.upperBound]) + rows + String(xml[end.lowerBound...])
        // Merged ranges below a repeated row move down with it; the stored dimension would be stale.
        sheet = Self.shiftingMerges(sheet, moved)
        sheet = Self.movingSheetReferences(sheet, moved)
        if let dimension = try? NSRegularExpression(pattern: #"<dimension\s[^>]*/>"#) {
            sheet = dimension.stringByReplacingMatches(
                in: sheet, range: NSRange(sheet.startIndex..., in: sheet), withTemplate: "")
        }
        let data = Data(sheet.utf8)
        if let problem = XMLWellFormedness.check(data) {
            throw TemplateError(
                file: file, line: problem.line, column: problem.column,
                message: "生成的工作表格式不正确 / the rendered sheet is not well-formed: \(problem.message)")
        }
        let workbook = movingDefinedNames(moved)
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 6, year: date.0, month: date.1, day: date.2)
        do {
            for (name, bytes) in entries {
                // The sheet now holds inline strings; the shared-string table is kept for the cells that
                // still refer to it.
                switch name {
                case sheetPath: try zip.add(name, data)
                case Self.workbookPath: try zip.add(name, workbook ?? bytes)
                default: try zip.add(name, bytes)
                }
            }
            try zip.finish()
        } catch {
            throw TemplateError(file: file, line: nil, column: nil, message: "\(error)")
        }
        return sink.data
    }

    static let workbookPath = "xl/workbook.xml"

    /// The workbook part with its defined names on the rendered sheet moved, or nil when nothing changes.
    func movingDefinedNames(_ moved: (Int) -> Int) -> Data? {
        func text(_ name: String) -> String? {
            entries.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) }
        }
        guard let workbook = text(Self.workbookPath), workbook.contains("<definedName"),
            let relationships = text("xl/_rels/workbook.xml.rels"),
            let name = Self.sheetName(of: sheetPath, workbook: workbook, relationships: relationships)
        else { return nil }
        let moved = Self.movingDefinedNames(workbook, sheetName: name, moved)
        return moved == workbook ? nil : Data(moved.utf8)
    }

    /// Merged ranges follow their rows: below a loop they move down, and a merge within a loop row is made
    /// again on every copy of the row (on none when the list is empty). `mergeCells` keeps a true `count`,
    /// and goes when no merge is left: the schema wants at least one `mergeCell` in it.
    static func shiftingMerges(_ sheet: String, _ moved: (Int) -> Int) -> String {
        var count = 0
        var result = sheet.replacing(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\s*\/>/) { match in
            let (first, last) = (match.output.1, match.output.3)
            let (top, bottom) = (Int(match.output.2) ?? 0, Int(match.output.4) ?? 0)
            let copies = top == bottom ? moved(top + 1) - moved(top) : 1
            count += max(copies, 0)
            return (0..<max(copies, 0)).map { copy in
                "<mergeCell ref=\"\(first)\(moved(top) + copy):\(last)\(moved(bottom) + copy)\"/>"
            }.joined()
        }
        if count == 0 {
            result = result.replacing(/<mergeCells(?:\s[^>]*)?>\s*<\/mergeCells>|<mergeCells(?:\s[^>]*)?\/>/, with: "")
        } else {
            result = result.replacing(/<mergeCells\s+count="\d+"/, with: "<mergeCells count=\"\(count)\"")
        }
        return result
    }
}
