/// How a Word paragraph is set, written as `<w:pPr>` in CT_PPr order: keepNext, pageBreakBefore, framePr,
/// pBdr, tabs, snapToGrid, spacing, ind, jc, rPr.
public struct ParagraphFormat: Sendable {
    public struct Border: Sendable {
        /// Width in eighths of a point (w:sz).
        public var size: Int
        public var color: String
        /// Distance from the text in points (w:space).
        public var space: Int

        public init(size: Int, color: String, space: Int) {
            self.size = size
            self.color = color
            self.space = space
        }
    }

    public var alignment = "both"
    public var keepNext = false
    public var pageBreakBefore = false
    /// Space before, in twips.
    public var spaceBefore = 0
    /// Exact line height in twips (`w:lineRule="exact"`), or nil for single spacing.
    public var exactLine: Int?
    /// Indents in twips, each written with its character-unit twin where one is given (Word uses the
    /// character units; LibreOffice the twips).
    public var firstLine = 0
    public var left = 0
    public var right = 0
    public var hanging = 0
    public var characterWidth = 320
    public var topBorder: Border?
    public var bottomBorder: Border?
    /// False keeps the lines off the document's line grid (tables in a 公文 need their own spacing).
    public var snapToGrid = true
    /// A frame holding this paragraph at a fixed place in the type area (`w:framePr`, anchored to the margins,
    /// centred, `y` twips below the top margin, exactly `height` high): how the 版记 sits on the last page's
    /// bottom edge. Frames at different `y` stay separate.
    public var frame: (width: Int, height: Int, y: Int)?
    /// Right-aligned tab stop positions in twips.
    public var rightTabs: [Int] = []

    public init() {}

    public init(alignment: String, exactLine: Int? = nil) {
        self.alignment = alignment
        self.exactLine = exactLine
    }
}

extension XMLWriter {
    public mutating func paragraphProperties(_ format: ParagraphFormat, font: WordFont) {
        open("w:pPr")
        if format.keepNext { empty("w:keepNext") }
        if format.pageBreakBefore { empty("w:pageBreakBefore") }
        if let frame = format.frame {
            empty(
                "w:framePr",
                [
                    "w:w": String(frame.width), "w:h": String(frame.height), "w:hRule": "exact", "w:wrap": "around",
                    "w:vAnchor": "margin", "w:hAnchor": "margin", "w:xAlign": "center", "w:y": String(frame.y),
                ])
        }
        if format.topBorder != nil || format.bottomBorder != nil {
            open("w:pBdr")
            for (side, border) in [("w:top", format.topBorder), ("w:bottom", format.bottomBorder)] {
                guard let border else { continue }
                empty(
                    side,
                    [
                        "w:val": "single", "w:sz": String(border.size), "w:space": String(border.space),
                        "w:color": border.color,
                    ])
            }
            close("w:pBdr")
        }
        if !format.rightTabs.isEmpty {
            open("w:tabs")
            for position in format.rightTabs { empty("w:tab", ["w:val": "right", "w:pos": String(position)]) }
            close("w:tabs")
        }
        if !format.snapToGrid { empty("w:snapToGrid", ["w:val": "0"]) }
        if let line = format.exactLine {
            empty(
                "w:spacing",
                ["w:before": String(format.spaceBefore), "w:after": "0", "w:line": String(line), "w:lineRule": "exact"])
        } else {
            empty("w:spacing", ["w:before": String(format.spaceBefore), "w:after": "0"])
        }
        if format.firstLine != 0 || format.left != 0 || format.right != 0 || format.hanging != 0 {
            let unit = Double(format.characterWidth)
            func chars(_ twips: Int) -> String { String(Int((Double(twips) / unit * 100).rounded())) }
            if format.hanging > 0 {
                empty(
                    "w:ind",
                    [
                        "w:left": String(format.left), "w:leftChars": chars(format.left),
                        "w:right": String(format.right),
                        "w:rightChars": chars(format.right), "w:hanging": String(format.hanging),
                        "w:hangingChars": chars(format.hanging),
                    ])
            } else {
                empty(
                    "w:ind",
                    [
                        "w:left": String(format.left), "w:leftChars": chars(format.left),
                        "w:right": String(format.right),
                        "w:rightChars": chars(format.right), "w:firstLine": String(format.firstLine),
                        "w:firstLineChars": chars(format.firstLine),
                    ])
            }
        }
        empty("w:jc", ["w:val": format.alignment])
        runProperties(font)
        close("w:pPr")
    }

    /// A paragraph of one run (or an empty line) in `format`.
    public mutating func paragraph(_ text: String, _ font: WordFont, _ format: ParagraphFormat) {
        open("w:p")
        paragraphProperties(format, font: font)
        if !text.isEmpty { run(text, font) }
        close("w:p")
    }
}
