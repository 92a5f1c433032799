import GongwenDocuments

/// A paragraph of the list of winners as every format that sets the list as text sets it: the DOCX (the 质量月
/// list and the commendation decision's attachment) and the decision's fixed-layout pages. One source, so the
/// archive's OFD reads and breaks as the DOCX does.
public struct ListParagraph: Sendable, Equatable {
    enum Face { case heiti, kaiti, fangsong }
    enum Alignment { case left, center, justified }

    var text: String
    var face: Face
    var alignment = Alignment.left
    /// Characters from the type area's left edge: the first line's start and the others' (a hanging indent
    /// when they differ).
    var firstIndent = 0.0
    var indent = 0.0
    /// A heading stays on the page of what it heads.
    var keepNext = false
}

extension AwardsContext {
    /// The list itself: each category after a blank line, centred in 黑体 with its note （排名不分先后） in 楷体;
    /// each level headed `一、一等奖（5项）` in 黑体, two characters in; entries numbered within their level in
    /// 仿宋, wrapped lines under their text (after the number).
    var listParagraphs: [ListParagraph] {
        var paragraphs: [ListParagraph] = []
        for category in categories {
            paragraphs.append(ListParagraph(text: "", face: .fangsong))
            paragraphs.append(ListParagraph(text: category.heading, face: .heiti, alignment: .center, keepNext: true))
            if !category.note.isEmpty {
                paragraphs.append(ListParagraph(text: category.note, face: .kaiti, alignment: .center, keepNext: true))
            }
            for level in category.levels {
                if !level.heading.isEmpty {
                    paragraphs.append(ListParagraph(text: level.heading, face: .heiti, firstIndent: 2, keepNext: true))
                }
                for entry in level.entries {
                    paragraphs.append(
                        ListParagraph(
                            text: "\(entry.number).\(entry.text)", face: .fangsong, alignment: .justified,
                            firstIndent: 2, indent: 3.5))
                }
            }
        }
        return paragraphs
    }
}

extension ListParagraph {
    /// The paragraph for the notices' HTML template: the classes its CSS sets as the DOCX sets the paragraph.
    var html: NoticeHTMLContext.Paragraph {
        let face =
            switch face {
            case .heiti: " hei"
            case .kaiti: " kai"
            case .fangsong: ""
            }
        let kind =
            text.isEmpty
            ? "blank" : alignment == .center ? "list-center" : indent > firstIndent ? "list-entry" : "list-level"
        return NoticeHTMLContext.Paragraph(text: text, style: kind + face + (keepNext ? " keep" : ""))
    }
}
