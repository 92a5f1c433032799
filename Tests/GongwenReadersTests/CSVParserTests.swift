import Foundation
import GongwenReaders
import Testing

struct CSVParserTests {
    func fields(_ text: String) throws -> [[String]] {
        try CSVParser().records(in: text).map(\.fields)
    }

    @Test func crlfLfAndLoneCR() throws {
        #expect(try fields("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try fields("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try fields("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "名称,备注\r\n\"天津,滨海\",\"他说\"\"好\"\"\"\r\n\"第一行\r\n第二行\",x\r\n"
        #expect(try fields(text) == [["名称", "备注"], ["天津,滨海", "他说\"好\""], ["第一行\r\n第二行", "x"]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let records = try CSVParser().records(in: "h\r\n\"a\r\nb\"\r\nc\r\n")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func emptyFieldsAndTrailingComma() throws {
        #expect(try fields("a,,c,\r\n") == [["a", "", "c", ""]])
        #expect(try fields("\"\"\r\n") == [[""]])
    }

    @Test func anUnterminatedQuoteNamesItsLine() {
        #expect(throws: CSVParser.Failure(line: 3)) {
            try CSVParser().records(in: "h\r\nok\r\n\"never closed,\r\nmore\r\n")
        }
    }
}

struct TextDecodingTests {
    let sample = "序号,申报单位名称\r\n1,天津海川精密机械有限公司\r\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try #require(TextDecoding.decode(Data(sample.utf8)))
        #expect(plain.text == sample && plain.encoding == .utf8)
        let withBOM = try #require(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(sample.utf8)))
        #expect(withBOM.text == sample && withBOM.encoding == .utf8WithBOM)
    }

    @Test func gb18030AsOlderExcelSavesIt() throws {
        // "申报" in GB18030 is C9 EA B1 A8 (checked with iconv).
        let decoded = try #require(TextDecoding.decode(Data([0xC9, 0xEA, 0xB1, 0xA8, 0x2C, 0x31])))
        #expect(decoded.text == "申报,1" && decoded.encoding == .gb18030)
    }

    @Test func gb18030RoundTripOfTheWholeSample() throws {
        let encoding = String.Encoding(rawValue: 0x8000_0632)
        let bytes = try #require(sample.data(using: encoding))
        #expect(TextDecoding.decode(bytes)?.text == sample)
    }
}
