import Foundation
import GongwenOOXML

/// References to the rendered sheet that must follow its rows when a loop row repeats.
///
/// A template's print area (`_xlnm.Print_Area`), print titles, data validations, conditional formats and
/// auto-filter name rows of the template. When a loop row becomes 43 rows, a print area left at the
/// template's rows would print the first rows of the table and cut the rest, so every such reference is
/// moved: a row below a loop moves down, and an area that ends on a loop row ends on its last copy
/// (ECMA-376 Part 1 §18.2.5 definedName, §18.3.1.32 dataValidation `sqref`, §18.3.1.18 conditionalFormatting,
/// §18.3.1.2 autoFilter `ref`). Merged cells are not moved this way: a merge on a loop row is not
/// stretched over its copies (see `shiftingMerges`).
extension ExcelTemplate {
    /// `area` (`A4`, `$A$1:$E$4`, `$3:$4`, `A:E`) with its rows moved. `moved` maps a template row to its
    /// first row in the output; the row after an area's last row, moved, less one, is the area's new end.
    static func movingArea(_ area: String, _ moved: (Int) -> Int) -> String {
        let ends = area.split(separator: ":", maxSplits: 1).map(String.init)
        func parts(_ reference: String) -> (prefix: String, row: Int)? {
            guard let match = reference.wholeMatch(of: /(\$?[A-Za-z]{0,3}\$?)(\d+)/), let row = Int(match.2) else {
                return nil
            }
            return (String(match.1), row)
        }
        guard let first = ends.first, let start = parts(first) else { return area }
        let last = ends.count == 2 ? parts(ends[1]) : start
        guard let last else { return area }
        let top = moved(start.row)
        let bottom = max(top, moved(last.row + 1) - 1)
        if ends.count == 1 && top == bottom { return "\(start.prefix)\(top)" }
        return "\(start.prefix)\(top):\(last.prefix)\(bottom)"
    }

    /// The sheet's `sqref`/`ref` lists of data validations, conditional formats and the auto-filter, moved.
    static func movingSheetReferences(_ sheet: String, _ moved: (Int) -> Int) -> String {
        sheet.replacing(/<(?<element>dataValidation|conditionalFormatting|autoFilter)\s[^>]*>/) { match in
            String(match.output.0).replacing(/\s(?<name>sqref|ref)="(?<value>[^"]*)"/) { attribute in
                let areas = attribute.output.value.split(separator: " ").map { movingArea(String($0), moved) }
                return " \(attribute.output.name)=\"\(areas.joined(separator: " "))\""
            }
        }
    }

    /// `workbook.xml` with the defined names that refer to `sheetName` moved (print area, print titles,
    /// names of the author's own). References to other sheets are left as they are.
    static func movingDefinedNames(_ workbook: String, sheetName: String, _ moved: (Int) -> Int) -> String {
        workbook.replacing(/(?<open><definedName\s[^>]*>)(?<formula>[^<]*)<\/definedName>/) { match in
            let formula = WordTemplatePreparer.unescape(String(match.output.formula))
            let rewritten = formula.replacing(
                /(?<sheet>'(?:[^']|'')+'|[^'!,()\s=+\-*\/&^<>;:]+)!(?<area>\$?[A-Za-z]{0,3}\$?\d+(?::\$?[A-Za-z]{0,3}\$?\d+)?)/
            ) { reference in
                var name = String(reference.output.sheet)
                if name.hasPrefix("'") {
                    name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
                }
                guard name == sheetName else { return String(reference.output.0) }
                return "\(reference.output.sheet)!\(movingArea(String(reference.output.area), moved))"
            }
            guard rewritten != formula else { return String(match.output.0) }
            var writer = XMLWriter()
            writer.text(rewritten)
            return "\(match.output.open)\(writer.string)</definedName>"
        }
    }

    /// The name of the sheet stored at `sheetPath`, from the workbook and its relationships.
    static func sheetName(of sheetPath: String, workbook: String, relationships: String) -> String? {
        let target = sheetPath.hasPrefix("xl/") ? String(sheetPath.dropFirst(3)) : sheetPath
        let relationship = relationships.matches(of: /<Relationship\s[^>]*>/).map { String($0.output) }.first {
            let value = attribute("Target", in: $0) ?? ""
            return value == target || value == "/" + sheetPath
        }
        guard let id = relationship.flatMap({ attribute("Id", in: $0) }) else { return nil }
        let sheet = workbook.matches(of: /<sheet\s[^>]*>/).map { String($0.output) }.first {
            attribute("r:id", in: $0) == id
        }
        return sheet.flatMap { attribute("name", in: $0) }.map(WordTemplatePreparer.unescape)
    }
}
