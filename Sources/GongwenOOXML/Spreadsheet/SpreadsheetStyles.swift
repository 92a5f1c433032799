/// The cell formats gongwen's forms use, as fixed indexes into `cellXfs` of `xl/styles.xml`.
public enum CellStyle: Int, CaseIterable, Sendable {
    case normal = 0
    /// The merged title row: 小标宋, centred.
    case title
    /// `附件 2`: 黑体 3号.
    case annexLabel
    /// The header row: 黑体, bordered, centred, wrapped.
    case header
    /// Data: bordered, wrapped, left.
    case text
    /// Data: bordered, wrapped, centred (序号, 行业, 所在区, 负责人).
    case center
    /// Data kept as text, never a number or formula: credit codes, phones and e-mails (number format 49, "@"),
    /// on one line shrunk to the column's width (`shrinkToFit`) rather than wrapped mid-value.
    case code
    /// Lines outside the table (推荐单位, signatures, notes): no border, wrapped.
    case plain
    /// A group's heading row inside the table (推荐单位：…, 一、一等奖): 黑体 on light grey, so it does not read as
    /// a data row.
    case group
    /// A data cell marked wrong on a form sent back to be corrected: `text` on light red. Present only in
    /// workbooks made with marks (``SpreadsheetStylesPart/marks``), so every other workbook keeps its bytes.
    case marked
    /// `code` on light red.
    case markedCode
    /// A cell to fill in on a protected sheet (a judge's score): bordered, centred, unlocked. Present only in
    /// workbooks made with inputs (``SpreadsheetStylesPart/inputs``).
    case input

    /// The formats every workbook has (the marked and input ones come after, when asked for).
    static let unmarked: [CellStyle] = allCases.filter { $0 != .marked && $0 != .markedCode && $0 != .input }
}

/// `xl/styles.xml` (ECMA-376 Part 1 §18.8): fonts, fills, borders and the cell formats of ``CellStyle``.
/// Children of styleSheet in schema order: fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles.
public struct SpreadsheetStylesPart {
    public var bodyFont: String
    public var headingFont: String
    public var titleFont: String
    /// Whether the workbook marks wrong cells (a returned form): adds the light red fill and its two formats.
    public var marks = false
    /// Whether the workbook has cells to fill in on a protected sheet: adds the unlocked ``CellStyle/input``
    /// format (and the marked ones before it, which its index follows).
    public var inputs = false

    public init(bodyFont: String, headingFont: String, titleFont: String, marks: Bool = false, inputs: Bool = false) {
        self.bodyFont = bodyFont
        self.headingFont = headingFont
        self.titleFont = titleFont
        self.marks = marks
        self.inputs = inputs
    }

    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("styleSheet", ["xmlns": OOXMLNamespace.spreadsheet])
        // Fonts: 0 body 11pt, 1 title 20pt, 2 heading 11pt, 3 annex label 16pt (3号), 4 body 12pt.
        let fonts: [(String, Int, Bool)] = [
            (bodyFont, 11, false), (titleFont, 20, false), (headingFont, 11, false), (headingFont, 16, false),
            (bodyFont, 12, false),
        ]
        writer.open("fonts", ["count": String(fonts.count)])
        for (name, size, bold) in fonts {
            writer.open("font")
            if bold { writer.empty("b") }
            writer.empty("sz", ["val": String(size)])
            writer.empty("name", ["val": name])
            // charset 134 (GB2312) marks the font as Chinese, so Excel and WPS do not substitute a Latin font.
            writer.empty("charset", ["val": "134"])
            writer.close("font")
        }
        writer.close("fonts")
        // Excel requires the first two fills to be none and gray125.
        writer.open("fills", ["count": marks || inputs ? "4" : "3"])
        writer.open("fill")
        writer.empty("patternFill", ["patternType": "none"])
        writer.close("fill")
        writer.open("fill")
        writer.empty("patternFill", ["patternType": "gray125"])
        writer.close("fill")
        writer.open("fill")
        writer.open("patternFill", ["patternType": "solid"])
        writer.empty("fgColor", ["rgb": "FFF2F2F2"])
        writer.empty("bgColor", ["indexed": "64"])
        writer.close("patternFill")
        writer.close("fill")
        if marks || inputs {
            // Excel's own "light red fill" for bad values.
            writer.open("fill")
            writer.open("patternFill", ["patternType": "solid"])
            writer.empty("fgColor", ["rgb": "FFFFC7CE"])
            writer.empty("bgColor", ["indexed": "64"])
            writer.close("patternFill")
            writer.close("fill")
        }
        writer.close("fills")
        writer.open("borders", ["count": "2"])
        writer.raw("<border><left/><right/><top/><bottom/><diagonal/></border>")
        writer.open("border")
        for side in ["left", "right", "top", "bottom"] {
            writer.open(side, ["style": "thin"])
            writer.empty("color", ["auto": "1"])
            writer.close(side)
        }
        writer.empty("diagonal")
        writer.close("border")
        writer.close("borders")
        writer.open("cellStyleXfs", ["count": "1"])
        writer.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        writer.close("cellStyleXfs")
        let styles =
            inputs ? CellStyle.allCases : marks ? CellStyle.allCases.filter { $0 != .input } : CellStyle.unmarked
        writer.open("cellXfs", ["count": String(styles.count)])
        for style in styles { writeFormat(style, &writer) }
        writer.close("cellXfs")
        writer.open("cellStyles", ["count": "1"])
        writer.empty("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
        writer.close("cellStyles")
        writer.close("styleSheet")
        return writer.buffer
    }

    func writeFormat(_ style: CellStyle, _ writer: inout XMLWriter) {
        let fill = style == .group ? 2 : style == .marked || style == .markedCode ? 3 : 0
        let (font, border, numberFormat, horizontal): (Int, Int, Int, String?) =
            switch style {
            case .group: (2, 1, 0, "left")
            case .normal: (0, 0, 0, nil)
            case .title: (1, 0, 0, "center")
            case .annexLabel: (3, 0, 0, "left")
            case .header: (2, 1, 0, "center")
            case .text: (0, 1, 0, "left")
            case .center: (0, 1, 0, "center")
            case .code, .markedCode: (0, 1, 49, "center")
            case .plain: (4, 0, 0, "left")
            case .marked: (0, 1, 0, "left")
            case .input: (0, 1, 0, "center")
            }
        guard let horizontal else {
            writer.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
            return
        }
        let format = (
            String(numberFormat), String(font), String(fill), String(border), numberFormat == 0 ? "0" : "1",
            fill == 0 ? "0" : "1", border == 0 ? "0" : "1"
        )
        if style == .input {
            writer.open(
                "xf",
                [
                    "numFmtId": format.0, "fontId": format.1, "fillId": format.2, "borderId": format.3, "xfId": "0",
                    "applyNumberFormat": format.4, "applyFill": format.5, "applyFont": "1", "applyBorder": format.6,
                    "applyAlignment": "1", "applyProtection": "1",
                ])
        } else {
            writer.open(
                "xf",
                [
                    "numFmtId": format.0, "fontId": format.1, "fillId": format.2, "borderId": format.3, "xfId": "0",
                    "applyNumberFormat": format.4, "applyFill": format.5, "applyFont": "1", "applyBorder": format.6,
                    "applyAlignment": "1",
                ])
        }
        // The label and the title stay on one line (the label overflows into the empty cells beside it).
        let isCode = style == .code || style == .markedCode
        let wraps = style != .annexLabel && style != .title && !isCode
        if isCode {
            writer.empty(
                "alignment", ["horizontal": horizontal, "vertical": "center", "wrapText": "0", "shrinkToFit": "1"])
        } else {
            writer.empty("alignment", ["horizontal": horizontal, "vertical": "center", "wrapText": wraps ? "1" : "0"])
        }
        // CT_Xf: protection follows alignment (ECMA-376 Part 1 §18.8.45).
        if style == .input { writer.empty("protection", ["locked": "0"]) }
        writer.close("xf")
    }
}
