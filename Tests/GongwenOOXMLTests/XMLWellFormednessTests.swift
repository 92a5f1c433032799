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
