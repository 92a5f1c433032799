import CLibXML2
import Foundation

/// Checks that bytes are a well-formed XML document, with libxml2, before they are packaged or written.
///
/// Parsing forbids what an untrusted or broken document could use against us: no DTD loading, no external
/// entities, no network (XML_PARSE_NONET), no entity substitution, and libxml2's default limits on depth and
/// size stay on (no XML_PARSE_HUGE).
public enum XMLWellFormedness {
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Initialises libxml2 once, before parts are checked on several threads (libxml2's rule: xmlInitParser
    /// from the main thread before any parsing in threads).
    public static func prepareForThreads() {
        xmlInitParser()
    }

    /// Nil when `data` is well formed; otherwise the first error libxml2 reports.
    public static func check(_ data: Data) -> Problem? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let context = xmlNewParserCtxt() else {
            return Problem(line: 0, column: 0, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = data.withUnsafeBytes { buffer -> xmlDocPtr? in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            return xmlCtxtReadMemory(context, base, Int32(buffer.count), "part.xml", "UTF-8", options)
        }
        defer { if let document { xmlFreeDoc(document) } }
        if document != nil, context.pointee.wellFormed != 0 { return nil }
        guard let error = xmlCtxtGetLastError(context) else {
            return Problem(line: 0, column: 0, message: "not well-formed")
        }
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
        return Problem(
            line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message ?? "not well-formed")
    }
}
