import Foundation
import GongwenOOXML
import GongwenReaders
import Testing

/// Files from outside are refused safely: each hostile file is built here, refused with its reason, within
/// a second, and without the process's memory growing.
struct HostileFileTests {
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let relationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/></Relationships>
        """

    /// An XLSX holding `sheet` (and any extra entries), zipped by the test.
    static func xlsx(sheet: String, extra: [(String, Data)] = []) throws -> Data {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 6)
        try zip.add("xl/workbook.xml", Data(workbook.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Data(relationships.utf8))
        try zip.add("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        for (name, data) in extra { try zip.add(name, data) }
        try zip.finish()
        return sink.data
    }

    static func sheet(_ rows: String, prologue: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(prologue)<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// Resident memory in bytes (Linux), nil elsewhere.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = status.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Reads `data`, expects a refusal mentioning `reason`, without 64 MB of growth and without hanging: the
    /// time bound is generous (tests share two cores with builds of 20,000 declarations) and guards against a
    /// bomb that is expanded rather than refused, which takes minutes; speed itself is for the benchmarks.
    func expectRefused(_ data: Data, file: String = "returned.xlsx", mentioning reason: String) {
        let before = Self.residentBytes()
        let clock = ContinuousClock()
        var refusal: ImportRefusal?
        let elapsed = clock.measure {
            do {
                _ = try ReturnedFormReader.read(data, file: file)
            } catch {
                refusal = error as? ImportRefusal
            }
        }
        #expect(refusal?.chinese.contains(reason) == true, "refusal: \(String(describing: refusal))")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        if let before, let after = Self.residentBytes() {
            #expect(after - before < 64 << 20, "grew \((after - before) >> 20) MB")
        }
    }

    @Test func anExternalEntityIsRefusedAndNeverRead() throws {
        let xxe = Self.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>",
            prologue: "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
        expectRefused(try Self.xlsx(sheet: xxe), mentioning: "DTD")
    }

    @Test func aBillionLaughsIsRefused() throws {
        var entities = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let bomb = Self.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>",
            prologue: "<!DOCTYPE worksheet [\(entities)]>")
        expectRefused(try Self.xlsx(sheet: bomb), mentioning: "DTD")
    }

    @Test func anEntryOutsideTheArchiveIsRefused() throws {
        let slip = try Self.xlsx(sheet: Self.sheet(""), extra: [("../../x", Data("owned".utf8))])
        expectRefused(slip, mentioning: "指向外部的路径")
    }

    @Test func aSmallFileThatInflatesPastTheCapIsRefused() throws {
        // 80 MB of zeros deflate to about 80 KB.
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 9)
        try zip.add("xl/workbook.xml", Data(Self.workbook.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Data(Self.relationships.utf8))
        let stream = try zip.begin("xl/worksheets/sheet1.xml")
        let zeros = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<80 { try stream.write(zeros) }
        try stream.finish()
        try zip.finish()
        #expect(sink.bytes.count < 1 << 20)
        expectRefused(sink.data, mentioning: "疑似压缩炸弹")
    }

    @Test func aFiveMegabyteCellIsRefused() throws {
        // Varied characters, so the part does not compress like a bomb and the cell limit is what stops it.
        var generator = SystemRandomNumberGenerator()
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(5 << 20 / 3) {
            scalars.append(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &generator)) ?? "质")
        }
        let cell = String(scalars)
        let sheet = Self.sheet("<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>\(cell)</t></is></c></row>")
        expectRefused(try Self.xlsx(sheet: sheet), mentioning: "超过1048576个字符")
    }

    @Test func moreRowsThanExcelAllowsAreRefused() throws {
        let sheet = Self.sheet("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>")
        expectRefused(try Self.xlsx(sheet: sheet), mentioning: "行数超过 Excel 上限")
    }

    @Test func aFileThatIsNotWhatItsExtensionSaysIsNamedAsSuch() throws {
        expectRefused(Data("序号,申报单位名称\r\n".utf8), file: "returned.xlsx", mentioning: "不是 Excel 工作簿")
        // An old .xls renamed, or a workbook with a password to open: both OLE2, both told how to convert.
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        expectRefused(ole2, file: "returned.xlsx", mentioning: "另存为”Excel 工作簿（.xlsx）")
        expectRefused(try Self.xlsx(sheet: Self.sheet("")), file: "returned.csv", mentioning: "不是 CSV")
        expectRefused(Data([0x00, 0x01, 0x02]), file: "returned.pdf", mentioning: "只能导入")
    }
}
