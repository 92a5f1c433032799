import Foundation
import GongwenOOXML
import GongwenTestSupport
import Testing

struct ZipWriterTests {
    func package(level: Int32) throws -> Data {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: level, year: 2019, month: 4, day: 8)
        try zip.add("[Content_Types].xml", Data("<Types/>".utf8))
        let stream = try zip.begin("xl/worksheets/sheet1.xml")
        for index in 0..<2000 { try stream.write(Array("<row r=\"\(index)\">天津</row>".utf8)) }
        try stream.finish()
        try zip.add("empty.xml", Data())
        try zip.finish()
        return sink.data
    }

    @Test(arguments: [0, 1, 6, 9] as [Int32])
    func anIndependentReaderGetsTheEntriesBackInOrder(level: Int32) throws {
        let (parts, order) = try PackageParts.read(try package(level: level))
        #expect(order == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty.xml"])
        #expect(parts["[Content_Types].xml"] == Data("<Types/>".utf8))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.hasPrefix("<row r=\"0\">天津</row>") && sheet.hasSuffix("<row r=\"1999\">天津</row>"))
        #expect(parts["empty.xml"] == Data())
    }

    @Test func sameEntriesSameBytes() throws {
        #expect(try package(level: 6) == package(level: 6))
    }

    @Test func theModificationDateComesFromTheCaller() throws {
        let bytes = [UInt8](try package(level: 6))
        // Local header: DOS date at offset 12 = (2019-1980)<<9 | 4<<5 | 8.
        let date = UInt16(bytes[12]) | UInt16(bytes[13]) << 8
        #expect(date == UInt16(39 << 9 | 4 << 5 | 8))
        #expect(bytes[10] == 0 && bytes[11] == 0, "time 00:00:00")
    }

    @Test func duplicateEntriesAreRefused() throws {
        let zip = ZipWriter(sink: MemorySink())
        try zip.add("a.xml", Data())
        #expect(throws: ZipWriter.Failure.self) { try zip.add("a.xml", Data()) }
    }

    @Test func streamingToAFileMatchesMemory() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("out.zip")
        let sink = try FileSink(url: url)
        let zip = ZipWriter(sink: sink, level: 6, year: 2019, month: 4, day: 8)
        try zip.add("[Content_Types].xml", Data("<Types/>".utf8))
        let stream = try zip.begin("xl/worksheets/sheet1.xml")
        for index in 0..<2000 { try stream.write(Array("<row r=\"\(index)\">天津</row>".utf8)) }
        try stream.finish()
        try zip.add("empty.xml", Data())
        try zip.finish()
        try sink.close()
        #expect(try Data(contentsOf: url) == package(level: 6))
    }

    /// Deflate streams are pooled and reset between entries; a stream left mid-entry (a failed part) or
    /// switched to level 1 by a part over a megabyte must not change the bytes of the next package.
    @Test func reusedDeflateStreamsWriteTheBytesOfFreshOnes() throws {
        let before = try package(level: 9)
        let abandoned = ZipWriter(sink: MemorySink(), level: 9)
        do {
            let stream = try abandoned.begin("half.xml")
            for index in 0..<500 { try stream.write(Array("<half n=\"\(index)\"/>".utf8)) }
        }
        let large = ZipWriter(sink: MemorySink(), level: 9)
        let stream = try large.begin("large.xml")
        for index in 0..<60_000 { try stream.write(Array("<row r=\"\(index)\">天津滨海新区</row>".utf8)) }
        try stream.finish()
        #expect(try package(level: 9) == before)
        let parts = try PackageParts.read(try package(level: 9)).parts
        #expect(parts["[Content_Types].xml"] == Data("<Types/>".utf8))
    }
}

struct BackgroundDeflateTests {
    func package(background: Bool) throws -> Data {
        let sink = MemorySink()
        let zip = ZipWriter(sink: sink, level: 6)
        let stream = try zip.begin("sheet.xml", background: background)
        for index in 0..<20000 { try stream.write(Array("<row r=\"\(index)\"><c><t>天津滨海</t></c></row>".utf8)) }
        try stream.finish()
        try zip.add("after.xml", Data("<a/>".utf8))
        try zip.finish()
        return sink.data
    }

    @Test func theSecondThreadWritesTheSameBytes() throws {
        let background = try package(background: true)
        #expect(background == (try package(background: false)))
        let parts = try PackageParts.read(background).parts
        #expect(
            String(decoding: try #require(parts["sheet.xml"]), as: UTF8.self).hasSuffix(
                "<row r=\"19999\"><c><t>天津滨海</t></c></row>"))
        #expect(parts["after.xml"] == Data("<a/>".utf8))
    }
}

struct PackageCheckTests {
    @Test func aMalformedPartStopsThePackageBeforeAnythingIsWritten() throws {
        var package = OOXMLPackage(
            mainPart: "word/document.xml", core: CorePropertiesPart(title: "t", creator: "c", created: nil))
        package.add(
            .init(
                name: "word/document.xml", contentType: "x",
                content: .bytes(Array("<w:document>\n<w:body>\n</w:document>".utf8))))
        let sink = MemorySink()
        #expect {
            try package.write(to: ZipWriter(sink: sink))
        } throws: { error in
            (error as? OOXMLPackage.MalformedPart).map { $0.part == "word/document.xml" && $0.problem.line == 3 }
                ?? false
        }
        #expect(sink.bytes.isEmpty)
    }
}
