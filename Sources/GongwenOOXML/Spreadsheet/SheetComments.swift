/// A worksheet's cell comments (批注): the comments part (ECMA-376 Part 1 §18.7) and the legacy VML shapes
/// Excel, WPS and LibreOffice need to show them (Part 4 §19; without the VML Excel keeps the comments but
/// draws no note). Used to send a returned form back with each wrong cell's reason beside it.
public struct SheetComments: Sendable {
    public struct Comment: Sendable, Equatable {
        /// 1-based row and column.
        public var row: Int
        public var column: Int
        public var text: String

        public init(row: Int, column: Int, text: String) {
            self.row = row
            self.column = column
            self.text = text
        }
    }

    public var author: String
    public var comments: [Comment]

    public init(author: String, comments: [Comment]) {
        self.author = author
        self.comments = comments
    }

    public static let commentsContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    public static let vmlContentType = "application/vnd.openxmlformats-officedocument.vmlDrawing"
    public static let commentsRelationship =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    public static let vmlRelationship =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"

    /// `xl/commentsN.xml`.
    public func commentsXML() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("comments", ["xmlns": OOXMLNamespace.spreadsheet])
        writer.open("authors")
        writer.element("author", text: author)
        writer.close("authors")
        writer.open("commentList")
        for comment in comments {
            writer.open(
                "comment", ["ref": "\(WorksheetWriter.columnName(comment.column))\(comment.row)", "authorId": "0"])
            writer.open("text")
            writer.open("r")
            writer.element("t", ["xml:space": "preserve"], text: comment.text)
            writer.close("r")
            writer.close("text")
            writer.close("comment")
        }
        writer.close("commentList")
        writer.close("comments")
        return writer.buffer
    }

    /// `xl/drawings/vmlDrawingN.vml`: one note shape per comment, shown when the pointer is on its cell (a red
    /// corner marks it), as Excel's own notes: shown at once they would cover the row's other values.
    public func vml() -> [UInt8] {
        var writer = XMLWriter()
        writer.open(
            "xml",
            [
                "xmlns:v": "urn:schemas-microsoft-com:vml", "xmlns:o": "urn:schemas-microsoft-com:office:office",
                "xmlns:x": "urn:schemas-microsoft-com:office:excel",
            ])
        writer.open("o:shapelayout", ["v:ext": "edit"])
        writer.empty("o:idmap", ["v:ext": "edit", "data": "1"])
        writer.close("o:shapelayout")
        writer.open(
            "v:shapetype",
            ["id": "_x0000_t202", "coordsize": "21600,21600", "o:spt": "202", "path": "m,l,21600r21600,l21600,xe"])
        writer.empty("v:stroke", ["joinstyle": "miter"])
        writer.empty("v:path", ["gradientshapeok": "t", "o:connecttype": "rect"])
        writer.close("v:shapetype")
        for (index, comment) in comments.enumerated() {
            writer.open(
                "v:shape",
                [
                    "id": "_x0000_s\(1025 + index)", "type": "#_x0000_t202",
                    "style":
                        "position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:\(index + 1);visibility:hidden",
                    "fillcolor": "#ffffe1", "o:insetmode": "auto",
                ])
            writer.empty("v:fill", ["color2": "#ffffe1"])
            writer.empty("v:shadow", ["on": "t", "color": "black", "obscured": "t"])
            writer.empty("v:path", ["o:connecttype": "none"])
            writer.open("v:textbox", ["style": "mso-direction-alt:auto"])
            writer.empty("div", ["style": "text-align:left"])
            writer.close("v:textbox")
            writer.open("x:ClientData", ["ObjectType": "Note"])
            writer.empty("x:MoveWithCells")
            writer.empty("x:SizeWithCells")
            writer.element(
                "x:Anchor",
                text: "\(comment.column), 15, \(comment.row - 1), 2, \(comment.column + 3), 15, \(comment.row + 3), 4")
            writer.element("x:AutoFill", text: "False")
            writer.element("x:Row", text: String(comment.row - 1))
            writer.element("x:Column", text: String(comment.column - 1))
            writer.close("x:ClientData")
            writer.close("v:shape")
        }
        writer.close("xml")
        return writer.buffer
    }
}
