import Foundation
import GongwenOOXML
import GongwenReaders
import Testing

/// A damaged XLSX is refused as damaged, naming the entry, never half-read.
struct DamagedArchiveTests {
    static let sheet = HostileFileTests.sheet(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>序号ABCDEFGH</t></is></c></row>")

    /// The workbook with its parts stored, not deflated, so a byte can be changed in place.
    static func stored() throws -> [UInt8] {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 0)
        try zip.add("xl/workbook.xml", Data(HostileFileTests.workbook.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Data(HostileFileTests.relationships.utf8))
        try zip.add("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        try zip.finish()
        return sink.bytes
    }

    func refusal(_ bytes: [UInt8]) -> ImportRefusal? {
        do {
            _ = try ReturnedFormReader.read(Data(bytes), file: "returned.xlsx")
            return nil
        } catch {
            return error
        }
    }

    @Test func aStoredEntryWhoseBytesNoLongerMatchItsCRCIsRefused() throws {
        var bytes = try Self.stored()
        // One letter of a cell's text: the XML still parses, the CRC-32 no longer matches.
        let marker = Array("ABCDEFGH".utf8)
        let at = try #require(
            (0..<(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[at] = UInt8(ascii: "X")
        let found = try #require(refusal(bytes))
        #expect(found.chinese.contains("文件已损坏") && found.chinese.contains("xl/worksheets/sheet1.xml"))
        #expect(found.english.contains("damaged file"))
    }

    @Test func aTruncatedFileIsRefused() throws {
        let bytes = try Self.stored()
        let found = try #require(refusal(Array(bytes.prefix(bytes.count * 2 / 3))))
        #expect(found.english.contains("damaged file") || found.english.contains("damaged"), "\(found)")
    }

    @Test func aCentralDirectoryThatDisagreesWithTheLocalHeadersIsRefused() throws {
        var bytes = try Self.stored()
        // The first local header's CRC-32 (offset 14) no longer matches what the central directory records.
        bytes[14] ^= 0xFF
        let found = try #require(refusal(bytes))
        #expect(found.chinese.contains("文件已损坏") && !found.description.contains("central directory"), "\(found)")
    }
}
