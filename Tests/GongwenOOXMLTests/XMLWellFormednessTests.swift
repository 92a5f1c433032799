import Foundation
import GongwenOOXML
import Testing

struct XMLWellFormednessTests {
    @Test func wellFormedPartsPass() {
        #expect(XMLWellFormedness.check(Data("<?xml version=\"1.0\"?><a><b>天津</b></a>".utf8)) == nil)
    }

    @Test func brokenPartsNameTheirLine() throws {
        let problem = try #require(XMLWellFormedness.check(Data("<a>\n<b>\n</a>".utf8)))
        #expect(problem.line == 3)
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        // Well-formed, but the entity is not substituted: the check never reads /etc/passwd.
        #expect(XMLWellFormedness.check(Data(xxe.utf8)) == nil)
    }
}

struct XMLWellFormednessStreamingTests {
    @Test func anUndeclaredPrefixIsANamespaceErrorNotAWellFormednessOne() {
        #expect(XMLWellFormedness.check(Data("<w:a><w:b/></w:a>".utf8)) == nil)
    }

    @Test func aPartOfManyMegabytesIsCheckedInFlatMemory() throws {
        // 200,000 rows of a table: more than libxml2's 10 MB default ceiling for a document read whole.
        var xml = "<t>"
        xml.reserveCapacity(12_000_000)
        for index in 0..<200_000 { xml += "<r n=\"\(index)\"><c>天津滨海新区质量攻关</c></r>" }
        xml += "</t>"
        #expect(XMLWellFormedness.check(Data(xml.utf8)) == nil)
        #expect(XMLWellFormedness.check(Data((xml.dropLast(4) + "</x>").utf8)) != nil)
    }
}
