/// One cell of a streamed worksheet.
public enum Cell: Sendable, Equatable {
    /// An inline string (`t="inlineStr"`): always text, whatever it looks like. A credit code stays 18
    /// characters and `=cmd|…` is never a formula.
    case text(String, CellStyle)
    case number(Int, CellStyle)
    /// A styled cell with no value (borders of an empty form row).
    case empty(CellStyle)
}

/// A drop-down list, a length rule or an input prompt on a range (ECMA-376 Part 1 §18.3.1.32).
public struct DataValidation: Sendable {
    public enum Rule: Sendable {
        /// A list from a range, e.g. `'下拉选项'!$A$1:$A$9`.
        case list(source: String)
        /// Exactly `length` characters.
        case textLength(Int)
        /// A number from `minimum` to `maximum` (a judge's score).
        case decimal(minimum: Double, maximum: Double)
        /// No rule, only the prompt.
        case promptOnly
    }

    public var range: String
    public var rule: Rule
    public var promptTitle: String
    public var prompt: String
    public var errorMessage: String

    public init(range: String, rule: Rule, promptTitle: String, prompt: String, errorMessage: String = "") {
        self.range = range
        self.rule = rule
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.errorMessage = errorMessage
    }
}

/// How a worksheet looks and prints.
public struct WorksheetLayout: Sendable {
    /// Column widths in Excel's character units.
    public var columnWidths: [Double]
    /// Rows frozen at the top while scrolling (the header row stays in view).
    public var frozenRows: Int
    public var landscape: Bool
    /// Fit all columns on one page width; as many pages tall as needed.
    public var fitToWidth: Bool
    /// Fit the whole sheet on one page (with `fitToWidth`): a form to print, fill in by hand and stamp.
    public var fitToOnePage = false
    /// Header/footer codes for the page footer, e.g. `&C第 &P 页，共 &N 页`.
    public var footer: String?
    public var dataValidations: [DataValidation]
    /// The relationship id of the sheet's comment shapes (a returned form's notes), if it has any.
    public var legacyDrawing: String?
    /// Protected without a password: only ``CellStyle/input`` cells can be changed (a judge's scoring sheet,
    /// where a moved row or an overwritten 计划编号 would put a score on the wrong project).
    public var protected = false

    public init(
        columnWidths: [Double], frozenRows: Int = 0, landscape: Bool = true, fitToWidth: Bool = true,
        footer: String? = nil, dataValidations: [DataValidation] = []
    ) {
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        self.footer = footer
        self.dataValidations = dataValidations
    }
}

/// Writes `xl/worksheets/sheetN.xml` row by row (ECMA-376 Part 1 §18.3.1.99, CT_Worksheet), children in
/// schema order: sheetPr, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, dataValidations,
/// printOptions, pageMargins, pageSetup, headerFooter. Memory holds one row and the merge list.
public struct WorksheetWriter {
    /// Excel's limit (ECMA-376 allows more; Excel and WPS refuse more).
    public static let maximumRows = 1_048_576

    public let layout: WorksheetLayout
    public private(set) var rowCount = 0
    var merges: [String] = []
    static let letters: [[UInt8]] = (1...256).map { Array(columnName($0).utf8) }
    /// Each style's markup between the cell reference and the text, prepared once: rows are the hot path.
    static let textOpen: [[UInt8]] = CellStyle.allCases.map {
        Array("\" s=\"\($0.rawValue)\" t=\"inlineStr\"><is><t>".utf8)
    }
    static let textOpenPreserve: [[UInt8]] = CellStyle.allCases.map {
        Array("\" s=\"\($0.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
    }
    static let textClose: [UInt8] = Array("</t></is></c>".utf8)
    static let cellOpen: [UInt8] = Array("<c r=\"".utf8)

    public init(layout: WorksheetLayout) {
        self.layout = layout
    }

    public static let namespaces: KeyValuePairs<String, String> = [
        "xmlns": OOXMLNamespace.spreadsheet, "xmlns:r": OOXMLNamespace.officeRelationships,
    ]

    /// Excel column letters: 1 → A, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var number = column
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    public func start(_ writer: inout XMLWriter) {
        writer.declaration()
        writer.open("worksheet", Self.namespaces)
        if layout.fitToWidth {
            writer.open("sheetPr")
            writer.empty("pageSetUpPr", ["fitToPage": "1"])
            writer.close("sheetPr")
        }
        writer.open("sheetViews")
        if layout.frozenRows > 0 {
            writer.open("sheetView", ["workbookViewId": "0"])
            let topLeft = "A\(layout.frozenRows + 1)"
            writer.empty(
                "pane",
                [
                    "ySplit": String(layout.frozenRows), "topLeftCell": topLeft, "activePane": "bottomLeft",
                    "state": "frozen",
                ])
            writer.empty("selection", ["pane": "bottomLeft", "activeCell": topLeft, "sqref": topLeft])
            writer.close("sheetView")
        } else {
            writer.empty("sheetView", ["workbookViewId": "0"])
        }
        writer.close("sheetViews")
        writer.empty("sheetFormatPr", ["defaultRowHeight": "15"])
        if !layout.columnWidths.isEmpty {
            writer.open("cols")
            for (index, width) in layout.columnWidths.enumerated() {
                writer.empty(
                    "col",
                    [
                        "min": String(index + 1), "max": String(index + 1), "width": Self.number(width),
                        "customWidth": "1",
                    ])
            }
            writer.close("cols")
        }
        writer.open("sheetData")
    }

    /// Appends the next row; `height` in points fixes its height, nil lets Excel fit it.
    public mutating func row(_ cells: [Cell], height: Double? = nil, _ writer: inout XMLWriter) throws {
        rowCount += 1
        precondition(rowCount <= Self.maximumRows, "a worksheet holds at most 1,048,576 rows; split the table first")
        let rowDigits = Array(String(rowCount).utf8)
        writer.raw("<row r=\"")
        writer.buffer.append(contentsOf: rowDigits)
        if let height {
            writer.raw("\" ht=\"\(Self.number(height))\" customHeight=\"1\">")
        } else {
            writer.raw("\">")
        }
        for (index, cell) in cells.enumerated() {
            writer.buffer.append(contentsOf: Self.cellOpen)
            writer.buffer.append(contentsOf: Self.letters[index])
            writer.buffer.append(contentsOf: rowDigits)
            switch cell {
            case .text(let text, let style):
                let preserve = XMLWriter.needsPreserve(text)
                writer.buffer.append(
                    contentsOf: preserve ? Self.textOpenPreserve[style.rawValue] : Self.textOpen[style.rawValue])
                writer.text(text, spreadsheet: true)
                writer.buffer.append(contentsOf: Self.textClose)
            case .number(let value, let style):
                writer.raw("\" s=\"\(style.rawValue)\"><v>\(value)</v></c>")
            case .empty(let style):
                writer.raw("\" s=\"\(style.rawValue)\"/>")
            }
        }
        writer.raw("</row>")
        try writer.flushIfNeeded()
    }

    /// Merges columns `first`…`last` (1-based) of the row just written.
    /// Rows a printed page must start at (after the row before them), written as manual page breaks.
    public private(set) var pageBreaks: [Int] = []

    /// Starts a new printed page at the next row written (`rowBreaks`, ECMA-376 Part 1 §18.3.1.74).
    public mutating func breakPageBeforeNextRow() {
        if rowCount > 0, pageBreaks.last != rowCount { pageBreaks.append(rowCount) }
    }

    public mutating func mergeLastRow(from first: Int, to last: Int) {
        merges.append("\(Self.columnName(first))\(rowCount):\(Self.columnName(last))\(rowCount)")
    }

    public func finish(_ writer: inout XMLWriter) {
        writer.close("sheetData")
        // CT_Worksheet: sheetProtection follows sheetData (ECMA-376 Part 1 §18.3.1.85). Selecting, formatting
        // column widths and row heights stay allowed (attributes false = allowed).
        if layout.protected {
            writer.empty(
                "sheetProtection", ["sheet": "1", "formatColumns": "0", "formatRows": "0", "selectLockedCells": "0"])
        }
        if !merges.isEmpty {
            writer.open("mergeCells", ["count": String(merges.count)])
            for merge in merges { writer.empty("mergeCell", ["ref": merge]) }
            writer.close("mergeCells")
        }
        if !layout.dataValidations.isEmpty {
            writer.open("dataValidations", ["count": String(layout.dataValidations.count)])
            for validation in layout.dataValidations { write(validation, &writer) }
            writer.close("dataValidations")
        }
        writer.empty("printOptions", ["horizontalCentered": "1"])
        writer.empty(
            "pageMargins",
            ["left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.7", "header": "0.3", "footer": "0.3"])
        // Each sheet numbers its own pages from 1 (useFirstPageNumber): printed as a whole, a workbook of a
        // summary and one sheet per recommender would otherwise count on across sheets ("第 5 页" on page 1).
        var setup: KeyValuePairs<String, String> = [
            "paperSize": "9", "firstPageNumber": "1", "orientation": layout.landscape ? "landscape" : "portrait",
            "useFirstPageNumber": "1",
        ]
        if layout.fitToWidth {
            setup = [
                "paperSize": "9", "firstPageNumber": "1", "fitToWidth": "1",
                "fitToHeight": layout.fitToOnePage ? "1" : "0",
                "orientation": layout.landscape ? "landscape" : "portrait", "useFirstPageNumber": "1",
            ]
        }
        writer.empty("pageSetup", setup)
        if let footer = layout.footer {
            writer.open("headerFooter")
            writer.element("oddFooter", text: footer)
            writer.close("headerFooter")
        }
        if !pageBreaks.isEmpty {
            let count = String(pageBreaks.count)
            writer.open("rowBreaks", ["count": count, "manualBreakCount": count])
            for row in pageBreaks { writer.empty("brk", ["id": String(row), "max": "16383", "man": "1"]) }
            writer.close("rowBreaks")
        }
        // CT_Worksheet: legacyDrawing follows the breaks (ECMA-376 Part 1 §18.3.1.51).
        if let legacyDrawing = layout.legacyDrawing { writer.empty("legacyDrawing", ["r:id": legacyDrawing]) }
        writer.close("worksheet")
    }

    func write(_ validation: DataValidation, _ writer: inout XMLWriter) {
        switch validation.rule {
        case .list(let source):
            writer.open(
                "dataValidation",
                [
                    "type": "list", "allowBlank": "1", "showInputMessage": "1", "showErrorMessage": "1",
                    "errorTitle": validation.promptTitle, "error": validation.errorMessage,
                    "promptTitle": validation.promptTitle, "prompt": validation.prompt, "sqref": validation.range,
                ])
            writer.element("formula1", text: source)
            writer.close("dataValidation")
        case .textLength(let length):
            writer.open(
                "dataValidation",
                [
                    "type": "textLength", "operator": "equal", "allowBlank": "1", "showInputMessage": "1",
                    "showErrorMessage": "1", "errorTitle": validation.promptTitle, "error": validation.errorMessage,
                    "promptTitle": validation.promptTitle, "prompt": validation.prompt, "sqref": validation.range,
                ])
            writer.element("formula1", text: String(length))
            writer.close("dataValidation")
        case .decimal(let minimum, let maximum):
            writer.open(
                "dataValidation",
                [
                    "type": "decimal", "operator": "between", "allowBlank": "1", "showInputMessage": "1",
                    "showErrorMessage": "1", "errorTitle": validation.promptTitle, "error": validation.errorMessage,
                    "promptTitle": validation.promptTitle, "prompt": validation.prompt, "sqref": validation.range,
                ])
            writer.element("formula1", text: Self.number(minimum))
            writer.element("formula2", text: Self.number(maximum))
            writer.close("dataValidation")
        case .promptOnly:
            writer.empty(
                "dataValidation",
                [
                    "allowBlank": "1", "showInputMessage": "1", "promptTitle": validation.promptTitle,
                    "prompt": validation.prompt, "sqref": validation.range,
                ])
        }
    }

    /// Numbers as Excel writes them: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
