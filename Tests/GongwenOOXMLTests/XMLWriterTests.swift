import GongwenOOXML
import Testing

/// One element, exact string (the XlsxWriter way): the writer is the only place that escapes.
struct XMLWriterTests {
    func text(_ value: String, spreadsheet: Bool = false) -> String {
        var writer = XMLWriter()
        writer.element("t", text: value, spreadsheet: spreadsheet)
        return writer.string
    }

    @Test func markupCharactersAreEscaped() {
        #expect(text("neptune") == "<t>neptune</t>")
        #expect(text("</t><script>&") == "<t>&lt;/t&gt;&lt;script&gt;&amp;</t>")
        #expect(text("\"quoted\" 'single'") == "<t>\"quoted\" 'single'</t>")
    }

    @Test func attributesEscapeQuotesAndLineBreaks() {
        var writer = XMLWriter()
        writer.empty("a", ["v": "x\"<&>\n\t"])
        #expect(writer.string == "<a v=\"x&quot;&lt;&amp;&gt;&#10;&#9;\"/>")
    }

    @Test func charactersXMLForbidsAreRemoved() {
        #expect(text("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i") == "<t>abcdefghi</t>")
        #expect(text("tab\tlf\ncr\r") == "<t>tab\tlf\ncr\r</t>")
    }

    @Test func charactersBeyondTheBMPAreKept() {
        #expect(text("𠮷野家 😀") == "<t>𠮷野家 😀</t>")
    }

    @Test func spreadsheetEscapesTheUnderscoreOfALiteralEscape() {
        // ECMA-376 ST_Xstring: Excel would read _x0041_ as "A".
        #expect(text("_x0041_", spreadsheet: true) == "<t>_x005F_x0041_</t>")
        #expect(text("a_x00e9_b", spreadsheet: true) == "<t>a_x005F_x00e9_b</t>")
        #expect(text("_x0041_", spreadsheet: false) == "<t>_x0041_</t>", "Word has no such rule")
        #expect(text("_x004_ _xZZZZ_ x0041_", spreadsheet: true) == "<t>_x004_ _xZZZZ_ x0041_</t>")
    }

    @Test func preserveIsNeededOnlyForEdgeWhitespace() {
        #expect(XMLWriter.needsPreserve(" a"))
        #expect(XMLWriter.needsPreserve("a\n"))
        #expect(!XMLWriter.needsPreserve("a b"))
        #expect(!XMLWriter.needsPreserve(""))
    }

    @Test func streamingFlushesInChunks() throws {
        var chunks: [[UInt8]] = []
        var writer = XMLWriter(flushEvery: 8) { chunks.append($0) }
        writer.raw("<a>0123456789</a>")
        try writer.flushIfNeeded()
        writer.raw("<b/>")
        try writer.flushAll()
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) } == ["<a>0123456789</a>", "<b/>"])
    }
}

/// Line breaks inside a value (Alt+Enter in Excel, CR LF pasted from Word) are breaks in Word, not spaces.
struct WordLineBreakTests {
    @Test func everyKindOfLineEndBecomesABreak() {
        var writer = XMLWriter()
        writer.run("甲\r\n乙\r丙\n丁", WordFont(eastAsia: "仿宋_GB2312", size: 16))
        let xml = writer.string
        #expect(xml.contains("<w:t>甲</w:t><w:br/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br/><w:t>丁</w:t>"))
        #expect(!xml.utf8.contains(0x0D))
    }
}
