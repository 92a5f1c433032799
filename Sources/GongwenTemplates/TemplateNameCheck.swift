import Foundation
import GongwenModel

/// Checks a Mustache template against the values it will be given, before anything is rendered, because
/// Mustache renders a misspelt name as nothing: `{{applicant_nmae}}` must be an error in an official notice,
/// not a blank. Reports, each with line and column: syntax the renderer refuses (pragmas, partials), sections
/// left open or closed out of order, names the context does not provide, and raw output (`{{{x}}}`,
/// `{{& x}}`), which is allowed but flagged because it skips escaping.
public struct TemplateNameCheck {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var severity: Diagnostic.Severity
        public var chinese: String
        public var english: String

        public init(
            file: String, line: Int, column: Int, severity: Diagnostic.Severity, chinese: String, english: String
        ) {
            self.file = file
            self.line = line
            self.column = column
            self.severity = severity
            self.chinese = chinese
            self.english = english
        }

        /// `file:line:column:`, or the file alone when the place is named in it (a Word template's paragraph).
        public var description: String {
            let place = line > 0 ? "\(file):\(line):\(column)" : file
            return "\(place): \(severity.chinese) \(severity.rawValue) \(chinese) / \(english)"
        }
    }

    struct Tag {
        var kind: Character  // "#", "^", "/", "!", ">", "&", "%", "{" or " " for a variable
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of `text` with their positions.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let triple = text[index...].hasPrefix("{{{")
                let open = text.index(index, offsetBy: triple ? 3 : 2)
                guard let close = text[open...].range(of: triple ? "}}}" : "}}") else {
                    tags.append(Tag(kind: "?", name: String(text[index...].prefix(20)), line: line, column: column))
                    break
                }
                var body = text[open..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                var kind: Character = triple ? "{" : " "
                if !triple, let first = body.first, "#^/!>&%".contains(first) {
                    kind = first
                    body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
                tags.append(Tag(kind: kind, name: body, line: line, column: column))
                for character in text[index..<close.upperBound] {
                    if character == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                index = close.upperBound
                continue
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return tags
    }

    /// Findings for `text` (shown as `file`) given the value tree `values` (what ``TemplateValues`` makes).
    public static func check(_ text: String, file: String, values: Any, lineOffset: Int = 0, columnOffset: Int = 0)
        -> [Finding]
    {
        var findings: [Finding] = []
        func report(_ tag: Tag, _ severity: Diagnostic.Severity, _ chinese: String, _ english: String) {
            findings.append(
                Finding(
                    file: file, line: tag.line + lineOffset, column: tag.column + (tag.line == 1 ? columnOffset : 0),
                    severity: severity, chinese: chinese, english: english))
        }
        // Each open section: its tag and the scope inside it (nil when unknown, e.g. an empty list).
        var stack: [(tag: Tag, scope: Any?)] = []
        var scopes: [Any?] { [values] + stack.map(\.scope) }
        func resolve(_ name: String) -> (found: Bool, value: Any?) {
            if name == "." { return (true, scopes.last ?? nil) }
            let parts = name.split(separator: ".").map(String.init)
            for scope in scopes.reversed() {
                guard let scope else { return (true, nil) }  // inside an unknown scope nothing can be checked
                guard let dictionary = scope as? [String: Any], let first = dictionary[parts[0]] else { continue }
                var value: Any? = first
                for part in parts.dropFirst() {
                    guard let next = (value as? [String: Any])?[part] else { return (false, nil) }
                    value = next
                }
                return (true, value)
            }
            return (false, nil)
        }
        for tag in tags(in: text) {
            switch tag.kind {
            case "!":
                continue
            case "?":
                report(tag, .error, "“{{”没有对应的“}}”", "\"{{\" is never closed by \"}}\"")
            case "%":
                report(tag, .error, "模板不得使用 {{% …}} 指令", "pragmas are not allowed")
            case ">":
                report(tag, .error, "不支持引用其他模板 {{> …}}", "partials are not supported")
            case "/":
                guard let open = stack.last else {
                    report(tag, .error, "多余的结束标记 {{/\(tag.name)}}", "{{/\(tag.name)}} closes no section")
                    continue
                }
                if open.tag.name != tag.name {
                    report(
                        tag, .error,
                        "结束标记 {{/\(tag.name)}} 与第\(open.tag.line + lineOffset)行的 {{#\(open.tag.name)}} 不匹配",
                        "{{/\(tag.name)}} does not close {{#\(open.tag.name)}} of line \(open.tag.line + lineOffset)")
                }
                stack.removeLast()
            case "#", "^":
                let (found, value) = resolve(tag.name)
                if !found {
                    report(tag, .error, "未知的名称“\(tag.name)”", "unknown name \"\(tag.name)\"")
                }
                var scope: Any? = scopes.last ?? nil
                if tag.kind == "#", let value {
                    if let list = value as? [Any] {
                        scope = list.first  // nil for an empty list: its items cannot be checked
                    } else if value is [String: Any] {
                        scope = value
                    }
                }
                stack.append((tag, scope))
            default:
                if tag.kind == "{" || tag.kind == "&" {
                    report(
                        tag, .warning, "“\(tag.name)”原样输出，不经转义", "\"\(tag.name)\" is written raw, without escaping")
                }
                if !resolve(tag.name).found {
                    report(tag, .error, "未知的名称“\(tag.name)”", "unknown name \"\(tag.name)\"")
                }
            }
        }
        for open in stack {
            report(
                open.tag, .error, "{{\(open.tag.kind)\(open.tag.name)}} 没有结束标记",
                "{{\(open.tag.kind)\(open.tag.name)}} is never closed")
        }
        return findings
    }

    /// The value tree a context becomes in a template.
    public static func values(of context: Any) -> Any { TemplateValues.make(context) }
}

extension TemplateNameCheck.Finding {
    /// The finding as a build diagnostic (columns of text files are numbers, not letters).
    public var diagnostic: Diagnostic {
        Diagnostic(
            severity, severity == .error ? "template.error" : "template.raw",
            at: SourceLocation(file: file, row: line, column: column, columnAsLetter: false), chinese: chinese,
            english: english)
    }
}
