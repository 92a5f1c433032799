import Foundation

/// campaign.yaml changed as a person would change it in an editor: a value replaced on its own line, a missing
/// key or entry added where it belongs, and every other line — comments, order, blank lines, quoting — left as
/// it was. A YAML library would parse and print the file anew and lose the office's comments, so the edits
/// here are line edits on the file's block layout (the layout `gongwen init` writes and the sample uses); the
/// result is read back by the campaign reader before it is saved (``CampaignSettings``).
public struct CampaignYAMLEdit: Sendable {
    public private(set) var lines: [String]

    public init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// A YAML double-quoted scalar.
    public static func quoted(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += String(format: "\\x%02X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }

    static func indent(of line: String) -> Int { line.prefix { $0 == " " }.count }

    static func isContent(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }

    /// The line `key:` at `indent` between `start` and `end`, if there is one.
    func find(_ key: String, indent: Int, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? lines.count
        guard start < end else { return nil }
        for index in start..<end {
            let line = lines[index]
            guard Self.indent(of: line) == indent, Self.isContent(line) else { continue }
            let body = line.dropFirst(indent)
            if body.hasPrefix(key + ":") || body.hasPrefix("\"\(key)\":") { return index }
        }
        return nil
    }

    /// Where the block under the line at `index` ends (the first later content line indented no deeper).
    func blockEnd(after index: Int) -> Int {
        let indent = Self.indent(of: lines[index])
        var end = index + 1
        var lastContent = index
        while end < lines.count {
            let line = lines[end]
            if Self.isContent(line) {
                if Self.indent(of: line) <= indent,
                    !(Self.indent(of: line) == indent && line.dropFirst(indent).hasPrefix("- ")
                        && lines[index].hasSuffix(":"))
                {
                    break
                }
                lastContent = end
            }
            end += 1
        }
        return lastContent + 1
    }

    /// The line for `key: value` at `indent`, keeping a trailing comment unless it asks for the value (待填写).
    static func line(_ key: String, _ value: String, indent: Int, replacing old: String? = nil) -> String {
        var line = String(repeating: " ", count: indent) + key + ": " + value
        if let old, let hash = old.range(of: "  #") {
            let comment = old[hash.lowerBound...]
            if !comment.contains("待填写") { line += comment }
        }
        return line
    }

    /// Sets a top-level scalar (`declaration_deadline: 2020-04-22`), appending the key if it is not there.
    public mutating func set(_ key: String, to value: String) {
        if let index = find(key, indent: 0) {
            lines[index] = Self.line(key, value, indent: 0, replacing: lines[index])
        } else {
            lines.append(Self.line(key, value, indent: 0))
        }
    }

    /// Sets `entry` of the top-level map `map` (`issue_dates:` → `  call: 2020-04-08`), making the map block if
    /// it is missing or written empty (`issue_dates: {}`).
    public mutating func set(_ map: String, _ entry: String, to value: String) {
        guard let header = find(map, indent: 0) else {
            lines.append("\(map):")
            lines.append(Self.line(entry, value, indent: 2))
            return
        }
        let headerLine = lines[header]
        let afterColon = headerLine.dropFirst(map.count + 1).trimmingCharacters(in: .whitespaces)
        if afterColon.hasPrefix("{}") {
            lines[header] = "\(map):"
            lines.insert(Self.line(entry, value, indent: 2), at: header + 1)
            return
        }
        let end = blockEnd(after: header)
        if let index = find(entry, indent: 2, from: header + 1, to: end) {
            lines[index] = Self.line(entry, value, indent: 2, replacing: lines[index])
        } else {
            lines.insert(Self.line(entry, value, indent: 2), at: end)
        }
    }

    /// The lines of the `recommenders:` item whose `id` is `id`: its `- id:` line and the end of the item.
    func recommender(_ id: String) -> (start: Int, end: Int)? {
        guard let header = find("recommenders", indent: 0) else { return nil }
        let end = blockEnd(after: header)
        var index = header + 1
        while index < end {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- id:") {
                let value = trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces)
                var itemEnd = index + 1
                while itemEnd < end, !lines[itemEnd].trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                    itemEnd += 1
                }
                while itemEnd > index + 1, !Self.isContent(lines[itemEnd - 1]) { itemEnd -= 1 }
                if value == id || value == Self.quoted(id) || value == "'\(id)'" { return (index, itemEnd) }
                index = itemEnd
                continue
            }
            index += 1
        }
        return nil
    }

    /// Sets `field` of recommender `id`; false when there is no such recommender.
    @discardableResult
    public mutating func setRecommender(_ id: String, _ field: String, to value: String) -> Bool {
        guard let item = recommender(id) else { return false }
        let indent = Self.indent(of: lines[item.start]) + 2
        if let index = find(field, indent: indent, from: item.start + 1, to: item.end) {
            lines[index] = Self.line(field, value, indent: indent, replacing: lines[index])
        } else {
            lines.insert(Self.line(field, value, indent: indent), at: item.end)
        }
        return true
    }

    /// Adds a recommender at the end of `recommenders:` (making the list if there is none).
    public mutating func addRecommender(_ fields: [(String, String)]) {
        guard let id = fields.first, id.0 == "id" else { return }
        var item = ["  - id: \(id.1)"]
        item += fields.dropFirst().map { "    \($0.0): \($0.1)" }
        guard let header = find("recommenders", indent: 0) else {
            lines.append("recommenders:")
            lines += item
            return
        }
        if lines[header].contains("[]") { lines[header] = "recommenders:" }
        lines.insert(contentsOf: item, at: blockEnd(after: header))
    }
}
