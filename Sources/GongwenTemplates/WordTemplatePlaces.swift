import Foundation

/// Places in a Word template as the office finds them in Word: "段落「各推荐单位：」", "表格第 3 行第 2 格
/// 「{{name}}」", not `word/document.xml:1:3944`; and what a tag of another template language (docxtpl's
/// Jinja: `{% for %}`, `{%tr %}`, `{{p x}}`, `{{r x}}`) is in gongwen's Mustache.
public enum WordTemplatePlaces {
    /// The UTF-8 offset of `line`:`column` (1-based, columns in characters) in `text`.
    public static func byteOffset(in text: String, line: Int, column: Int) -> Int {
        var index = text.startIndex
        for _ in 1..<max(1, line) {
            guard let newline = text[index...].firstIndex(of: "\n") else { break }
            index = text.index(after: newline)
        }
        index = text.index(index, offsetBy: max(0, column - 1), limitedBy: text.endIndex) ?? text.endIndex
        return text.utf8.distance(from: text.startIndex, to: index)
    }

    /// The paragraph (or table cell) holding character `offset` of `xml`, and its text's first 24 characters.
    public static func describe(_ xml: String, offset: Int) -> String {
        let bytes = Array(xml.utf8)
        let end = min(max(0, offset), bytes.count)
        let before = String(decoding: bytes[..<end], as: UTF8.self)
        let paragraphs =
            before.components(separatedBy: "<w:p>").count + before.components(separatedBy: "<w:p ").count - 2
        func count(_ piece: String, in text: some StringProtocol) -> Int {
            text.components(separatedBy: piece).count - 1
        }
        // Word numbers no paragraphs; the quoted text is what the office searches for.
        var place = "段落"
        _ = paragraphs
        let openTables = count("<w:tbl>", in: before) - count("</w:tbl>", in: before)
        if openTables > 0, let table = before.range(of: "<w:tbl>", options: .backwards) {
            let inTable = before[table.upperBound...]
            let row = count("<w:tr>", in: inTable) + count("<w:tr ", in: inTable)
            let rowStart = [
                inTable.range(of: "<w:tr>", options: .backwards), inTable.range(of: "<w:tr ", options: .backwards),
            ]
            .compactMap { $0?.upperBound }.max()
            let lastRow = rowStart.map { inTable[$0...] } ?? inTable
            let cell = count("<w:tc>", in: lastRow) + count("<w:tc ", in: lastRow)
            place = "表格第 \(max(1, row)) 行第 \(max(1, cell)) 格"
        }
        return "\(place)「\(text(ofParagraphAt: end, in: xml))」"
    }

    /// The text of the paragraph around byte `offset`, its first 24 characters.
    public static func text(ofParagraphAt offset: Int, in xml: String) -> String {
        let bytes = Array(xml.utf8)
        let before = String(decoding: bytes[..<offset], as: UTF8.self)
        let after = String(decoding: bytes[offset...], as: UTF8.self)
        let start =
            [before.range(of: "<w:p>", options: .backwards), before.range(of: "<w:p ", options: .backwards)]
            .compactMap { $0?.lowerBound }.max().map { String(before[$0...]) } ?? before
        let paragraph = start + (after.range(of: "</w:p>").map { String(after[..<$0.lowerBound]) } ?? after)
        let text = paragraph.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
        return text.count > 24 ? String(text.prefix(24)) + "…" : text
    }

    /// Tags of docxtpl (Jinja) found in the template's text, each with the sentence saying what to write
    /// instead; one finding per kind of tag.
    public static func otherLanguages(_ xml: String) -> [(chinese: String, english: String)] {
        let text = xml.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        var found: [(String, String)] = []
        let kinds: [(pattern: String, chinese: String, english: String)] = [
            (
                #"\{%\s*(tr|tc|p|r)?\s*for\s+\w+\s+in\s+[\w.]+\s*%\}"#,
                "循环请写成 {{#列表}} … {{/列表}}（在表格行里即重复该行）",
                "a loop is {{#list}} … {{/list}} in Mustache (inside a table row it repeats the row)"
            ),
            (
                #"\{%\s*(tr|tc|p|r)?\s*if\s+[^%]+%\}"#, "条件请写成 {{#名称}} … {{/名称}}，否定写 {{^名称}} … {{/名称}}",
                "a condition is {{#name}} … {{/name}}, its negation {{^name}} … {{/name}}"
            ),
            (#"\{%[^%]*%\}"#, "{% … %} 不是 gongwen 的模板写法", "{% … %} is not a gongwen template tag"),
            (
                #"\{\{\s*(p|r|tr|tc)\s+[\w.]+\s*\}\}"#, "取值请写成 {{名称}}（不需要 p、r、tr、tc 前缀）",
                "a value is {{name}} in Mustache (no p, r, tr or tc prefix)"
            ),
            (
                #"\{\{[^}|]*\|[^}]*\}\}"#, "过滤器 {{ x|filter }} 不受支持：数值已按公文格式写好",
                "filters {{ x|filter }} are not supported"
            ),
        ]
        var covered: [Range<String.Index>] = []
        for kind in kinds {
            guard let regex = try? NSRegularExpression(pattern: kind.pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range, in: text), !covered.contains(where: { $0.overlaps(range) })
            else { continue }
            covered.append(range)
            let tag = String(text[range])
            found.append(
                (
                    "“\(tag)”是 docxtpl（Jinja）的写法，gongwen 的模板用 Mustache：\(kind.chinese)",
                    "\"\(tag)\" is docxtpl (Jinja) syntax; gongwen's templates are Mustache: \(kind.english)"
                ))
        }
        return found
    }

    /// A swift-mustache parser code as a sentence.
    public static func sentence(forParserError code: String) -> (chinese: String, english: String) {
        switch code {
        case "unfinishedName": ("有一个 {{ 没有以 }} 结束", "a {{ is not closed by }}")
        case "sectionCloseNameIncorrect":
            ("结束标记 {{/…}} 与开始的 {{#…}} 名称不同", "a {{/…}} does not close the {{#…}} before it")
        case "expectedSectionEnd": ("有 {{#…}} 没有对应的 {{/…}}", "a {{#…}} is never closed by {{/…}}")
        case "invalidSetDelimiter": ("不支持更改分隔符 {{=…=}}", "changing the delimiters ({{=…=}}) is not supported")
        default: ("模板语法错误（\(code)）", "template syntax error (\(code))")
        }
    }
}
