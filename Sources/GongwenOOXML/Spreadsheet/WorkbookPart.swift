/// `xl/workbook.xml` (ECMA-376 Part 1 §18.2): the sheets in order and their print titles.
/// Children in schema order: bookViews, sheets, definedNames.
public struct WorkbookPart {
    public struct Sheet {
        public var name: String
        /// Rows repeated at the top of every printed page (1-based, inclusive), if any.
        public var printTitleRows: ClosedRange<Int>?
        public var hidden: Bool

        public init(name: String, printTitleRows: ClosedRange<Int>? = nil, hidden: Bool = false) {
            self.name = name
            self.printTitleRows = printTitleRows
            self.hidden = hidden
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    public static let worksheetContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("workbook", ["xmlns": OOXMLNamespace.spreadsheet, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("bookViews")
        let firstVisible = sheets.firstIndex { !$0.hidden } ?? 0
        writer.empty("workbookView", ["activeTab": String(firstVisible)])
        writer.close("bookViews")
        writer.open("sheets")
        for (index, sheet) in sheets.enumerated() {
            if sheet.hidden {
                writer.empty(
                    "sheet",
                    ["name": sheet.name, "sheetId": String(index + 1), "state": "hidden", "r:id": "rId\(index + 1)"])
            } else {
                writer.empty("sheet", ["name": sheet.name, "sheetId": String(index + 1), "r:id": "rId\(index + 1)"])
            }
        }
        writer.close("sheets")
        let titled = sheets.enumerated().filter { $0.element.printTitleRows != nil }
        if !titled.isEmpty {
            writer.open("definedNames")
            for (index, sheet) in titled {
                guard let rows = sheet.printTitleRows else { continue }
                writer.element(
                    "definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(index)],
                    text: "\(Self.quoted(sheet.name))!$\(rows.lowerBound):$\(rows.upperBound)")
            }
            writer.close("definedNames")
        }
        writer.close("workbook")
        return writer.buffer
    }

    /// A sheet name in a formula: quoted, with quotes doubled.
    public static func quoted(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The workbook's relationships: one per sheet, then styles.
    public func relationships() -> [Relationship] {
        sheets.indices.map {
            Relationship(id: "rId\($0 + 1)", type: Relationship.worksheetType, target: "worksheets/sheet\($0 + 1).xml")
        } + [Relationship(id: "rId\(sheets.count + 1)", type: Relationship.stylesType, target: "styles.xml")]
    }
}

/// Excel's rules for sheet names: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with
/// an apostrophe, not empty, unique without regard to case.
public enum SheetName {
    public static let maximumLength = 31

    public static func make(_ proposed: String, avoiding used: Set<String>) -> String {
        var base = String(proposed.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        let lowered = Set(used.map { $0.lowercased() })
        var candidate = String(base.prefix(maximumLength))
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = "(\(counter))"
            candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }
}
