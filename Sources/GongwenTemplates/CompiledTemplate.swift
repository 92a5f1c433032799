import Foundation
import Mustache

/// A Mustache template parsed by swift-mustache and rendered by gongwen, the same bytes faster.
///
/// swift-mustache parses (with the spec's rules for standalone lines, which are easy to get subtly wrong) and
/// stays the reference; its renderer looks every name up through protocol casts and builds a string per
/// section, which for the consolidated table of 100,000 declarations took 9 s and 1.5 GB. This renderer walks
/// the same tokens (read from the parsed template by reflection, since swift-mustache keeps them internal)
/// over the values `TemplateValues.lazy` makes, with swift-mustache's lookup rules, writing UTF-8 bytes into
/// one buffer. Templates using what it does not implement (partials, inheritance, transforms, pragmas: none of
/// which `templates check` lets through) are rendered by swift-mustache. Differential tests render built-in
/// and generated templates both ways and compare the bytes.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        /// A name, split at dots; `escaped` unless written `{{{name}}}` or `{{&name}}`.
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
    }

    /// A tag's name: `.` (the current value), `.name` (only the current value), or `a.b` looked up the stack.
    struct Name: Sendable {
        var parts: [String]
        var isImplicit: Bool
        var isAnchored: Bool

        init(_ text: String) {
            isImplicit = text == "."
            isAnchored = text.first == "." && text != "."
            parts = text.split(separator: ".").map(String.init)
        }
    }

    let nodes: [Node]

    /// Nil when the template uses something this renderer leaves to swift-mustache.
    init?(_ template: MustacheTemplate) {
        guard let nodes = Self.nodes(of: template) else { return nil }
        self.nodes = nodes
    }

    static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
            Mirror(reflecting: tokens).displayStyle == .collection
        else { return nil }
        var nodes: [Node] = []
        for token in Mirror(reflecting: tokens).children.map(\.value) {
            guard let tokenCase = Mirror(reflecting: token).children.first, let label = tokenCase.label else {
                return nil
            }
            let fields = Dictionary(
                Mirror(reflecting: tokenCase.value).children.compactMap { child in child.label.map { ($0, child.value) }
                },
                uniquingKeysWith: { first, _ in first })
            switch label {
            case "text":
                guard let text = tokenCase.value as? String else { return nil }
                nodes.append(.text(Array(text.utf8)))
            case "variable", "unescapedVariable":
                guard let name = fields["name"] as? String, (fields["transforms"] as? [String])?.isEmpty == true
                else { return nil }
                nodes.append(.variable(Name(name), escaped: label == "variable"))
            case "section", "invertedSection":
                guard let name = fields["name"] as? String, (fields["transforms"] as? [String])?.isEmpty == true,
                    let inner = fields["template"] as? MustacheTemplate, let children = Self.nodes(of: inner)
                else { return nil }
                nodes.append(.section(Name(name), children, inverted: label == "invertedSection"))
            default:
                return nil
            }
        }
        return nodes
    }

    /// The rendered bytes of `root` (a value from `TemplateValues.lazy`).
    func render(_ root: Any) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        var stack: [Any] = [root]
        Self.render(nodes, &stack, into: &output, nil)
        return output
    }

    /// Renders `root` into `write` in pieces of about `piece` bytes, so a document of any size (the
    /// consolidated table of 100,000 declarations is 50 MB of HTML) costs one piece of memory. The same bytes
    /// as ``render(_:)``.
    func render(_ root: Any, piece: Int = 1 << 20, to write: @escaping (UnsafeRawBufferPointer) throws -> Void)
        throws
    {
        var output: [UInt8] = []
        output.reserveCapacity(piece + (1 << 16))
        var stack: [Any] = [root]
        let flusher = Flusher(piece: piece, write: write)
        Self.render(nodes, &stack, into: &output, flusher)
        if let error = flusher.error { throw error }
        try output.withUnsafeBytes(write)
    }

    /// Hands complete pieces of the output on; the first failure stops the writing and is thrown at the end.
    final class Flusher {
        let piece: Int
        let write: (UnsafeRawBufferPointer) throws -> Void
        var error: (any Error)?

        init(piece: Int, write: @escaping (UnsafeRawBufferPointer) throws -> Void) {
            self.piece = piece
            self.write = write
        }

        func flushIfFull(_ output: inout [UInt8]) {
            guard output.count >= piece else { return }
            if error == nil {
                do { try output.withUnsafeBytes(write) } catch { self.error = error }
            }
            output.removeAll(keepingCapacity: true)
        }
    }

    static func render(_ nodes: [Node], _ stack: inout [Any], into output: inout [UInt8], _ flusher: Flusher?) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookUp(name, in: stack) else { continue }
                write(value, escaped: escaped, into: &output)
            case .section(let name, let children, let inverted):
                let value = lookUp(name, in: stack)
                if inverted {
                    renderInverted(value, children, &stack, into: &output, flusher)
                } else {
                    renderSection(value, children, &stack, into: &output, flusher)
                }
            }
        }
    }

    /// swift-mustache's `renderSection`: a list renders once per item, a Bool once or not, nothing for nil,
    /// any other value once with itself on top of the stack.
    static func renderSection(
        _ value: Any?, _ children: [Node], _ stack: inout [Any], into output: inout [UInt8], _ flusher: Flusher?
    ) {
        guard let value else { return }
        if let items = list(value) {
            for item in items {
                stack.append(item)
                render(children, &stack, into: &output, flusher)
                stack.removeLast()
                flusher?.flushIfFull(&output)
            }
        } else if type(of: value) == Bool.self, let flag = value as? Bool {
            if flag { render(children, &stack, into: &output, flusher) }
        } else {
            stack.append(value)
            render(children, &stack, into: &output, flusher)
            stack.removeLast()
        }
    }

    /// swift-mustache's `renderInvertedSection`: shown for nil, false and an empty list (which goes on the
    /// stack, where it answers no name).
    static func renderInverted(
        _ value: Any?, _ children: [Node], _ stack: inout [Any], into output: inout [UInt8], _ flusher: Flusher?
    ) {
        guard let value else {
            render(children, &stack, into: &output, flusher)
            return
        }
        if let items = list(value) {
            guard items.isEmpty else { return }
            stack.append(items)
            render(children, &stack, into: &output, flusher)
            stack.removeLast()
        } else if type(of: value) == Bool.self, let flag = value as? Bool {
            if !flag { render(children, &stack, into: &output, flusher) }
        }
    }

    /// The value as a list, if it is one (swift-mustache renders any array as a sequence). The common types
    /// are told apart by their type before any cast: a failed cast to an array bridges through Foundation.
    static func list(_ value: Any) -> [Any]? {
        let type = type(of: value)
        if type == [Any].self { return value as? [Any] }
        if type == String.self || type == Int.self || type == Bool.self || type == [String: Any].self
            || type == TemplateValues.LazyObject.self
        {
            return nil
        }
        return value as? [Any]
    }
}
