import CLibXML2
import Foundation

/// Checks that bytes are a well-formed XML document, with libxml2, before they are packaged or written.
///
/// Parsing forbids what an untrusted or broken document could use against us: no DTD loading, no external
/// entities, no network (XML_PARSE_NONET), no entity substitution. XML_PARSE_HUGE lifts libxml2's size
/// ceilings, which a 100,000-row table passes; the values in a part are capped at 32,767 characters by
/// `check` before any is written.
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
    ///
    /// Read with libxml2's streaming reader (xmlTextReader), which frees each node once it has passed: memory
    /// stays flat however large the part (a DOM of a 10,000-row table's document.xml took a gigabyte), and
    /// XML_PARSE_HUGE lifts the 10 MB ceiling on a whole part that a table of 100,000 rows legitimately passes.
    public static func check(_ data: Data) -> Problem? {
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_HUGE.rawValue)
        let collector = ErrorCollector()
        return data.withUnsafeBytes { buffer -> Problem? in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), "part.xml", "UTF-8", options) else {
                return Problem(line: 0, column: 0, message: "libxml2 could not read the part")
            }
            defer { xmlFreeTextReader(reader) }
            let context = Unmanaged.passUnretained(collector).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(
                reader,
                { context, error in
                    guard let context, let error else { return }
                    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error)
                }, context)
            var result: Int32 = 1
            while result == 1 { result = xmlTextReaderRead(reader) }
            if result == 0, collector.problem == nil { return nil }
            return collector.problem ?? Problem(line: 0, column: 0, message: "not well-formed")
        }
    }

    /// Keeps the first error the reader reports.
    private final class ErrorCollector {
        var problem: Problem?

        func record(_ error: UnsafePointer<xmlError>) {
            // Fatal errors are the well-formedness errors (XML 1.0); namespace errors are recoverable, as the DOM
            // parse that came before treated them.
            guard problem == nil, error.pointee.level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            problem = Problem(
                line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message ?? "not well-formed")
        }
    }
}
