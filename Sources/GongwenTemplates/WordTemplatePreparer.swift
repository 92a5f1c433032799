import Foundation

/// Turns the `word/document.xml` of a Word-made template into a Mustache template of the same XML.
///
/// Word splits what the author typed as `{{applicant}}` over several runs (`<w:r>`) when spelling marks,
/// formatting changes or edits touch it, with `w:proofErr` and bookmarks between them; a tag engine that
/// reads runs one at a time then silently prints the tag's pieces. Here, within each paragraph, the text of a
/// tag is moved into the run where it begins. Then a section tag in a table row (`{{#rows}}`, its close in
/// the same row or a later one) repeats those rows, and a section tag standing alone in its paragraph
/// repeats, or keeps or drops, the paragraphs between it and its close, leaving no empty paragraph behind.
enum WordTemplatePreparer {
    static let textPattern = try? NSRegularExpression(pattern: "<w:t(?:\\s[^>]*)?>([^<]*)</w:t>|<w:t(?:\\s[^>]*)?/>")

    static func prepare(_ xml: String, file: String) throws(TemplateError) -> String {
        try refuseTagsInAttributes(xml, file: file)
        var result = replacing(in: xml, element: "w:p") { joinTags(in: $0) }
        result = wrapRows(result)
        return wrapParagraphs(result)
    }

    /// `{{` inside an attribute value cannot be rendered safely (and Word never writes one on purpose).
    static func refuseTagsInAttributes(_ xml: String, file: String) throws(TemplateError) {
        guard let pattern = try? NSRegularExpression(pattern: "=\"[^\"]*\\{\\{[^\"]*\""),
            let match = pattern.firstMatch(in: xml, range: NSRange(xml.startIndex..., in: xml)),
            let range = Range(match.range, in: xml)
        else { return }
        let (line, column) = TemplateFolder.position(of: range.lowerBound, in: xml)
        throw TemplateError(
            file: file, line: line, column: column,
            message: "标记不能写在 XML 属性中 / a tag inside an XML attribute cannot be rendered")
    }

    /// Applies `transform` to every `<element …>…</element>` (not nested in one another) of `xml`.
    static func replacing(in xml: String, element: String, _ transform: (String) -> String) -> String {
        guard
            let pattern = try? NSRegularExpression(
                pattern: "<\(element)(?:\\s[^>]*)?>.*?</\(element)>", options: [.dotMatchesLineSeparators])
        else { return xml }
        var result = ""
        var last = xml.startIndex
        for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            guard let range = Range(match.range, in: xml) else { continue }
            result += xml[last..<range.lowerBound]
            result += transform(String(xml[range]))
            last = range.upperBound
        }
        return result + xml[last...]
    }

    /// XML character data to text: the five named entities and numeric references (`&#20849;`, `&#x5171;`),
    /// which some writers (openpyxl among them) use for every non-ASCII character.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result.append("&")
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            let named = ["lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&"]
            if let character = named[String(entity)] {
                result += character
            } else if entity.hasPrefix("#"),
                let code = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The text of a paragraph or row: its `w:t` contents joined.
    static func text(of xml: String) -> String {
        guard let pattern = textPattern else { return "" }
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { match in
            Range(match.range(at: 1), in: xml).map { unescape(String(xml[$0])) }
        }.joined()
    }

    /// Moves every tag's characters into the `w:t` where the tag begins.
    static func joinTags(in paragraph: String) -> String {
        guard paragraph.contains("{"), let pattern = textPattern else { return paragraph }
        let matches = pattern.matches(in: paragraph, range: NSRange(paragraph.startIndex..., in: paragraph))
        var segments = matches.map { match in
            Range(match.range(at: 1), in: paragraph).map { unescape(String(paragraph[$0])) } ?? ""
        }
        // Owner segment of every character of the paragraph's text.
        var owners: [Int] = []
        var characters: [Character] = []
        for (index, segment) in segments.enumerated() {
            for character in segment {
                owners.append(index)
                characters.append(character)
            }
        }
        var position = 0
        var changed = false
        while position + 1 < characters.count {
            guard characters[position] == "{", characters[position + 1] == "{" else {
                position += 1
                continue
            }
            var end = position + 2
            while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
            guard end + 1 < characters.count else { break }
            let first = owners[position]
            for index in position...(end + 1) where owners[index] != first {
                owners[index] = first
                changed = true
            }
            position = end + 2
        }
        guard changed else { return paragraph }
        segments = segments.indices.map { segment in
            String(zip(characters, owners).filter { $0.1 == segment }.map(\.0))
        }
        var result = ""
        var last = paragraph.startIndex
        for (index, match) in matches.enumerated() {
            guard let range = Range(match.range, in: paragraph) else { continue }
            result += paragraph[last..<range.lowerBound]
            result += "<w:t xml:space=\"preserve\">\(escape(segments[index]))</w:t>"
            last = range.upperBound
        }
        return result + paragraph[last...]
    }

    static let sectionPattern = try? NSRegularExpression(pattern: "\\{\\{\\s*([#^/])\\s*([^}\\s]+)\\s*\\}\\}")

    /// Section tags in `xml`'s text, in order: (kind, name).
    static func sections(in xml: String) -> [(kind: Character, name: String)] {
        let text = text(of: xml)
        guard let pattern = sectionPattern else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let kind = Range(match.range(at: 1), in: text), let name = Range(match.range(at: 2), in: text) else {
                return nil
            }
            return (Character(String(text[kind])), String(text[name]))
        }
    }

    /// Removes section tags from the `w:t` texts of `xml`.
    static func strippingSections(_ xml: String) -> String {
        guard let pattern = sectionPattern else { return xml }
        return replacing(in: xml, element: "w:t") { element in
            let range = NSRange(element.startIndex..., in: element)
            return pattern.stringByReplacingMatches(in: element, range: range, withTemplate: "")
        }
    }

    /// Rows holding a section tag repeat (or show) from the row with the opening to the row with the closing.
    static func wrapRows(_ xml: String) -> String {
        wrap(xml, element: "w:tr", standaloneOnly: false)
    }

    /// Paragraphs that hold nothing but a section tag become the tag; a paragraph holding a whole section
    /// (open and close) repeats as a whole.
    static func wrapParagraphs(_ xml: String) -> String {
        wrap(xml, element: "w:p", standaloneOnly: true)
    }

    static func wrap(_ xml: String, element: String, standaloneOnly: Bool) -> String {
        replacing(in: xml, element: element) { piece in
            let tags = sections(in: piece)
            guard !tags.isEmpty else { return piece }
            let text = Self.text(of: piece).trimmingCharacters(in: .whitespaces)
            let opens = tags.filter { $0.kind != "/" }
            let closes = tags.filter { $0.kind == "/" }
            let tagText = tags.map { "{{\($0.kind)\($0.name)}}" }.joined()
            if standaloneOnly, text.replacingOccurrences(of: " ", with: "") == tagText {
                return tagText  // the paragraph was only the tag(s): no empty paragraph remains
            }
            guard !standaloneOnly || (!opens.isEmpty && opens.count == closes.count) else { return piece }
            let before = opens.map { "{{\($0.kind)\($0.name)}}" }.joined()
            let after = closes.map { "{{/\($0.name)}}" }.joined()
            return before + strippingSections(piece) + after
        }
    }
}
