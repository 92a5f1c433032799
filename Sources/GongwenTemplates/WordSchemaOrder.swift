import CLibXML2
import Foundation

/// Puts the children of Word's property elements back in the order the ECMA-376 schema gives them.
///
/// A Word template re-saved by LibreOffice keeps its layout but writes `w:framePr` after `w:jc` inside
/// `w:pPr`; Word is strict about element order and validators reject it, and gongwen copies the template's
/// body into every notice it builds. When a template is loaded, the children of `w:pPr`, `w:rPr`, `w:tblPr`,
/// `w:tcPr` and `w:sectPr` are sorted (stably) by their place in the schema's sequence (ECMA-376 Part 1,
/// `wml.xsd`: CT_PPrBase + CT_PPr, EG_RPrBase + CT_RPr/CT_ParaRPr, CT_TblPr, CT_TcPr, CT_SectPr); an element
/// the sequence does not name (an extension) keeps its order after the named ones; a property written twice
/// keeps its last occurrence. A part already in order is returned byte for byte.
public enum WordSchemaOrder {
    static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let orders: [String: [String]] = [
        "pPr": [
            "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
        ],
        "rPr": [
            "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
            "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
            "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
            "rPrChange",
        ],
        "tblPr": [
            "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
            "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
            "tblCaption", "tblDescription", "tblPrChange",
        ],
        "tcPr": [
            "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
            "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
            "tcPrChange",
        ],
        "sectPr": [
            "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
            "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
            "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
        ],
    ]

    static let ranks: [String: [String: Int]] = orders.mapValues { names in
        var rank: [String: Int] = [:]
        // headerReference and footerReference share the first place (a choice, in any order).
        for (index, name) in names.enumerated() { rank[name] = name == "footerReference" ? 0 : index }
        return rank
    }

    /// `part` with the property elements' children in schema order; `part` itself when nothing moves or the
    /// part is not XML libxml2 can read.
    public static func repaired(_ part: Data) -> Data {
        guard !part.isEmpty else { return part }
        let parsed = part.withUnsafeBytes { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            return xmlReadMemory(base, Int32(buffer.count), "document.xml", "UTF-8", Int32(options))
        }
        guard let document = parsed else { return part }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return part }
        var moved = false
        reorder(root, moved: &moved)
        guard moved else { return part }
        var output: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpMemoryEnc(document, &output, &length, "UTF-8")
        guard let output else { return part }
        defer { free(output) }  // xmlFree is free unless a program replaces libxml2's allocator; gongwen does not
        return Data(bytes: output, count: Int(length))
    }

    static func name(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href,
            String(cString: href) == wordprocessing
        else { return nil }
        return String(cString: node.pointee.name)
    }

    static func reorder(_ node: xmlNodePtr, moved: inout Bool) {
        var child = node.pointee.children
        while let current = child {
            reorder(current, moved: &moved)
            child = current.pointee.next
        }
        guard let parent = name(node), let rank = ranks[parent] else { return }
        var elements: [xmlNodePtr] = []
        var other = false
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(current) } else { other = true }
            child = current.pointee.next
        }
        guard !other else { return }  // text or comments among properties: leave alone
        // A property written twice (LibreOffice writes an empty `<w:pBdr/>` before the real one) is not
        // allowed: keep the last one that says something.
        var kept: [xmlNodePtr] = []
        var dropped: [xmlNodePtr] = []
        for (index, element) in elements.enumerated() {
            let elementName = name(element)
            let later = elements[(index + 1)...].contains { elementName != nil && name($0) == elementName }
            if later, rank[elementName ?? ""] != nil { dropped.append(element) } else { kept.append(element) }
        }
        let key = { (element: xmlNodePtr) -> Int in name(element).flatMap { rank[$0] } ?? Int.max }
        let sorted = kept.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
            .map(\.element)
        guard sorted != elements else { return }
        for element in elements { xmlUnlinkNode(element) }
        for element in dropped { xmlFreeNode(element) }
        for element in sorted { xmlAddChild(node, element) }
        moved = true
    }
}
