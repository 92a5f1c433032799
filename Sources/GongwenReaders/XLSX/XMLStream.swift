import CLibXML2
import Foundation

/// A forward-only pass over an XML part with libxml2's reader (no whole-document tree), with everything that
/// lets a hostile part reach outside switched off: no DTD loading, no entity substitution, no network; and a
/// document that declares a DTD at all (where XXE and "billion laughs" live) is refused outright, because no
/// Office part needs one.
struct XMLStream {
    enum Event {
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        case end(name: String)
        case text(String)
    }

    static func dtdRefusal(_ part: String) -> ImportRefusal {
        ImportRefusal(
            "“\(part)”含有 DTD 声明（可能用于读取本机文件或实体膨胀攻击），已拒绝",
            "\"\(part)\" declares a DTD (the way to external-entity and entity-expansion attacks); refused")
    }

    /// Calls `handle` for every element start, end and text node, in document order.
    static func read(
        _ data: Data, part: String, _ handle: (Event) throws(ImportRefusal) -> Void
    ) throws(ImportRefusal) {
        // A DTD is refused before libxml2 parses it at all: its entity declarations are the attack.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!doctype".utf8)) != nil {
            throw dtdRefusal(part)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let reader: xmlTextReaderPtr? = data.withUnsafeBytes { buffer in
            xmlReaderForMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), part, "UTF-8", options)
        }
        guard let reader else { throw ImportRefusal("“\(part)”无法读取", "\"\(part)\" cannot be read") }
        defer { xmlFreeTextReader(reader) }
        func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            guard status == 1 else {
                throw ImportRefusal("“\(part)”不是格式正确的 XML", "\"\(part)\" is not well-formed XML")
            }
            switch xmlTextReaderNodeType(reader) {
            case 10:  // XML_READER_TYPE_DOCUMENT_TYPE (a DTD the byte scan missed, e.g. in UTF-16)
                throw dtdRefusal(part)
            case 1:  // element
                let name = string(xmlTextReaderConstLocalName(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
                }
                try handle(.start(name: name, attributes: attributes, isEmpty: isEmpty))
                if isEmpty { try handle(.end(name: name)) }
            case 15:  // end element
                try handle(.end(name: string(xmlTextReaderConstLocalName(reader))))
            case 3, 4, 14:  // text, CDATA, significant whitespace
                try handle(.text(string(xmlTextReaderConstValue(reader))))
            default:
                continue
            }
        }
    }
}
