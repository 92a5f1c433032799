import Foundation
import Mustache

extension CompiledTemplate {
    /// swift-mustache's `getChild` for gongwen's values: `.` is the top of the stack; `.a` is looked up on it
    /// alone; `a.b` finds `a` in the nearest value that has it, then `b` in that `a` only. A found NSNull
    /// stops the search and reads as nil.
    static func lookUp(_ name: Name, in stack: [Any]) -> Any? {
        guard let top = stack.last else { return nil }
        var found: Any?
        if name.isImplicit {
            found = top
        } else if name.isAnchored {
            found = descend(name.parts[...], from: top)
        } else if let first = name.parts.first {
            for object in stack.reversed() {
                if let child = child(first, of: object) {
                    found = descend(name.parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let found, type(of: found) != NSNull.self else { return nil }
        return found
    }

    static func descend(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var current = object
        for part in parts {
            guard let next = child(part, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// One step of a lookup: a dictionary's or a lazy object's field; nothing else of gongwen's values has
    /// named children (swift-mustache asks Mirror, which finds no labelled child in a string, number or list).
    ///
    /// Types are compared before any cast: casting a list or a string to a type it is not makes Foundation
    /// bridge it to an Objective-C object first, which made lookups the most of a large table's rendering.
    static func child(_ name: String, of object: Any) -> Any? {
        let type = type(of: object)
        if type == TemplateValues.LazyObject.self, let object = object as? TemplateValues.LazyObject {
            return object.child(named: name)
        }
        if type == [String: Any].self, let dictionary = object as? [String: Any] { return dictionary[name] }
        if type == NSNull.self || type == String.self || type == Int.self || type == Bool.self || type == [Any].self {
            return nil
        }
        // Other types, rare in gongwen's values: any dictionary with string keys, else the labelled children.
        if let dictionary = object as? [String: Any] { return dictionary[name] }
        return Mirror(reflecting: object).children.first { $0.label == name }.map { unwrapped($0.value) } ?? nil
    }

    /// Mirror's optional children unwrapped, as swift-mustache's `getValue(forKey:)` does.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// A value as text: `String(describing:)` as swift-mustache writes it, HTML-escaped unless raw.
    static func write(_ value: Any, escaped: Bool, into output: inout [UInt8]) {
        let text: String
        let type = type(of: value)
        if type == String.self, let string = value as? String {
            text = string
        } else if type == Int.self, let number = value as? Int {
            text = String(number)
        } else {
            text = String(describing: unwrapped(value) ?? value)
        }
        if escaped {
            escape(text, into: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }

    /// swift-mustache's `htmlEscape`: `< > & " '` replaced, compared as whole characters (so a `<` carrying a
    /// combining mark is left as it is, exactly as there).
    static func escape(_ text: String, into output: inout [UInt8]) {
        let special = text.utf8.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }
        guard special else {
            output.append(contentsOf: text.utf8)
            return
        }
        for character in text {
            switch character {
            case "<": output.append(contentsOf: Array("&lt;".utf8))
            case ">": output.append(contentsOf: Array("&gt;".utf8))
            case "&": output.append(contentsOf: Array("&amp;".utf8))
            case "\"": output.append(contentsOf: Array("&quot;".utf8))
            case "'": output.append(contentsOf: Array("&#39;".utf8))
            default: output.append(contentsOf: character.utf8)
            }
        }
    }
}
