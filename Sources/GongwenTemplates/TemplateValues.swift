import Foundation
import Mustache

/// Turns a document context (plain Swift values) into the dictionaries and arrays Mustache renders.
///
/// An empty string is handed over as NSNull, which swift-mustache renders as nothing and treats as false in
/// a section: `{{#note}}…{{/note}}` then shows only when there is a note (swift-mustache would otherwise
/// take "" as true and print an empty paragraph).
///
/// Two jobs. Strings are cleaned of characters no output format may carry (C0 controls other than tab, line
/// feed and carriage return; DEL; unpaired surrogates cannot occur in Swift strings), so a control character in
/// the data cannot break an HTML page or, later, an XML part. And every key of every nested value is
/// present, so a name a template uses either exists or is a typo that a check can find: Mustache itself
/// renders a missing name as "".
public enum TemplateValues {
    public static func make(_ value: Any) -> Any {
        if let scalar = scalar(value) { return scalar }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(make) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { make($0.value) } ?? ""
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { dictionary[label] = make(child.value) }
            }
            return dictionary
        case .enum:
            return String(describing: value)
        default:
            return String(describing: value)
        }
    }

    /// XML 1.0 §2.2 and the HTML parsing rules forbid these code points in text.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

extension TemplateValues {
    /// The same values as `make`, converted only when a template asks for them.
    ///
    /// `make` walks a whole context by reflection before a template sees it: for the consolidated table of
    /// 100,000 declarations that is millions of dictionaries, built again for every title and note that names
    /// one top-level value. Here a struct becomes a `LazyObject` that reflects on a key when the template looks
    /// it up; strings, numbers, optionals and arrays convert as `make` converts them, so the output is the same.
    public static func lazy(_ value: Any) -> Any {
        if let scalar = scalar(value) { return scalar }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(lazy) }
        if let object = value as? LazyObject { return object }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { lazy($0.value) } ?? ""
        case .collection, .set:
            return mirror.children.map { lazy($0.value) }
        case .struct, .class:
            return LazyObject(value)
        default:
            return String(describing: value)
        }
    }

    /// Strings, numbers and flags, converted alike by `make` and `lazy`; nil for anything else.
    public static func scalar(_ value: Any) -> Any? {
        switch value {
        case let string as String: text(string)
        case let number as Int: number
        case let flag as Bool: flag
        default: nil
        }
    }

    /// A string as templates get it: cleaned, and NSNull when empty (false in a section).
    public static func text(_ string: String) -> Any {
        let cleaned = clean(string)
        return cleaned.isEmpty ? NSNull() : cleaned
    }

    /// A struct whose fields are converted when a template names them: through `TemplateFields` when the type
    /// has it (the rows and cells of large tables, looked up millions of times), else by reflection.
    public struct LazyObject: MustacheParent {
        let value: Any
        let fields: (any TemplateFields)?

        public init(_ value: Any) {
            self.value = value
            fields = value as? any TemplateFields
        }

        /// For a value known to have `TemplateFields`: no conformance lookup (900,000 of them for a large table).
        public init(fields: some TemplateFields) {
            value = fields
            self.fields = fields
        }

        public func child(named name: String) -> Any? {
            if let fields { return fields.templateField(named: name) }
            for child in Mirror(reflecting: value).children where child.label == name {
                return TemplateValues.lazy(child.value)
            }
            return nil
        }
    }
}

/// A type whose fields a template reads without reflection: each field converted as `TemplateValues.lazy`
/// would convert it, nil for a name the type does not have. Only for the values of large tables; everything
/// else is read by reflection, which gives the same values.
public protocol TemplateFields {
    func templateField(named name: String) -> Any?
}
