import GongwenRendering
import GongwenTemplates
import Testing

/// Escaping belongs to the format: RFC 4180, a BOM for Excel, and the formula-injection guard.
struct CSVWriterTests {
    let writer = CSVWriter()

    @Test func documentStartsWithBOMAndUsesCRLF() {
        let text = writer.document(header: ["序号", "名称"], rows: [["1", "天津"]])
        #expect(text == "\u{FEFF}序号,名称\r\n1,天津\r\n")
    }

    @Test func quotingFollowsRFC4180() {
        #expect(writer.field("天津,滨海") == "\"天津,滨海\"")
        #expect(writer.field("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(writer.field("第一行\n第二行") == "\"第一行\n第二行\"")
        #expect(writer.field("a\r\nb") == "\"a\r\nb\"")
        #expect(writer.field("plain") == "plain")
        #expect(writer.field("") == "")
    }

    @Test(
        "cells Excel would run as formulas are neutralised",
        arguments: [
            ("=HYPERLINK(\"http://x\",\"点击\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\""),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
        ])
    func formulaGuard(raw: String, written: String) {
        #expect(writer.field(raw) == written)
    }

    @Test func controlCharactersAreRemoved() {
        #expect(writer.field("天津\u{0}\u{1}\u{7F}滨海") == "天津滨海")
        #expect(writer.field("a\tb") == "a\tb", "a tab inside a value is kept")
    }

    @Test func longDigitStringsStayText() {
        // Excel would show 1.11201E+17 and drop the last digits; a leading tab keeps the cell text.
        #expect(writer.field("111201160000876524") == "\t111201160000876524")
        #expect(writer.field("02266707955") == "\t02266707955")
        #expect(writer.field("13812345678") == "13812345678", "11 digits show exactly in Excel")
        #expect(writer.field("91120116MA05K3L296") == "91120116MA05K3L296")
        #expect(writer.field("0") == "0")
    }

    @Test func charactersBeyondTheBMPSurvive() {
        #expect(writer.field("𠮷野家") == "𠮷野家")
    }
}
