import Foundation
import GongwenOOXML
import Mustache

/// An `.xlsx` made or edited in Excel, WPS or LibreOffice, with `{{tags}}` in its cells, used as a template.
///
/// The first worksheet is rendered: a cell's text is a Mustache template of the values (written back as an
/// inline string, escaped by the XML writer); a row whose cells hold `{{#name}}` … `{{/name}}` is repeated
/// for each item of the list `name`, its cells rendered with the item, and every row below it moves down,
/// with its cell references, the sheet's merged ranges, data validations, conditional formats and the
/// workbook's print area and other defined names on the sheet (`ExcelTemplate+References.swift`). Every other
/// part (styles, column widths, page setup, other sheets) is copied as it is.
public struct ExcelTemplate {
    public let file: String
    let entries: [(name: String, data: Data)]
    let sheetPath: String
    let sharedStrings: [String]

    public static func load(from url: URL, displayPath: String) throws(TemplateError) -> ExcelTemplate {
        func failure(_ chinese: String, _ english: String) -> TemplateError {
            TemplateError(file: displayPath, line: nil, column: nil, message: "\(chinese) / \(english)")
        }
        let entries = try TemplateArchive.entries(at: url, displayPath: displayPath, kind: ".xlsx")
        let names = Set(entries.map(\.0))
        let sheet =
            ["xl/worksheets/sheet1.xml"].first(where: names.contains)
            ?? entries.map(\.0).first { $0.hasPrefix("xl/worksheets/sheet") }
        guard let sheet else { throw failure("没有工作表", "the workbook has no worksheet") }
        var strings: [String] = []
        if let shared = entries.first(where: { $0.0 == "xl/sharedStrings.xml" })?.1 {
            let xml = String(decoding: shared, as: UTF8.self)
            for item in matches(#"<si>(.*?)</si>"#, in: xml) {
                strings.append(
                    matches(#"<t(?:\s[^>]*)?>([^<]*)</t>"#, in: item).map(WordTemplatePreparer.unescape).joined())
            }
        }
        return ExcelTemplate(file: displayPath, entries: entries, sheetPath: sheet, sharedStrings: strings)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The sheet's text cells with their templates' text, for the template check: (reference, text).
    public func taggedCells() -> [(reference: String, text: String)] {
        let xml = String(decoding: entries.first { $0.name == sheetPath }?.data ?? Data(), as: UTF8.self)
        return Self.cells(in: xml).compactMap { cell in
            let text = self.text(of: cell)
            return text.contains("{{") ? (cell.reference, text) : nil
        }
    }

    struct CellXML {
        var xml: String
        var reference: String
    }

    static func cells(in xml: String) -> [CellXML] {
        guard
            let regex = try? NSRegularExpression(
                pattern: #"<c\s[^>]*?(?:/>|>.*?</c>)"#, options: [.dotMatchesLineSeparators])
        else { return [] }
        return regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { match in
            guard let range = Range(match.range, in: xml) else { return nil }
            let cell = String(xml[range])
            return CellXML(xml: cell, reference: attribute("r", in: cell) ?? "")
        }
    }

    static func attribute(_ name: String, in element: String) -> String? {
        matches(#"^<\w+[^>]*?\s"# + name + #"="([^"]*)""#, in: element).first
    }

    /// A cell's text: its shared string, inline string or value.
    func text(of cell: CellXML) -> String {
        let type = Self.attribute("t", in: cell.xml)
        if type == "s", let index = Self.matches(#"<v>([^<]*)</v>"#, in: cell.xml).first.flatMap({ Int($0) }),
            sharedStrings.indices.contains(index)
        {
            return sharedStrings[index]
        }
        if type == "inlineStr" {
            return Self.matches(#"<t(?:\s[^>]*)?>([^<]*)</t>"#, in: cell.xml).map(WordTemplatePreparer.unescape)
                .joined()
        }
        return Self.matches(#"<v>([^<]*)</v>"#, in: cell.xml).first.map(WordTemplatePreparer.unescape) ?? ""
    }
}
