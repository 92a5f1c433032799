import Foundation
import GongwenModel
import Testing

@testable import GongwenBuild

/// The checks a PDF/A copy must pass before it goes into a package, on PDFs written here byte by byte.
struct PDFCheckTests {
    func pdf(part: String = "2", conformance: String = "B", embedded: Bool = true, pages: Int = 2) -> Data {
        var text = "%PDF-1.6\n"
        for index in 0..<pages { text += "\(index + 3) 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\n" }
        text += "2 0 obj\n<</Type/Pages/Count \(pages)>>\nendobj\n"
        text +=
            "10 0 obj\n<</Type/Font/Subtype/TrueType/BaseFont/BAAAAA+NotoSerifCJKsc-Regular/FontDescriptor 11 0 R>>\nendobj\n"
        text += "11 0 obj\n<</Type/FontDescriptor/FontName/BAAAAA+NotoSerifCJKsc-Regular"
        text += embedded ? "/FontFile2 12 0 R>>\nendobj\n" : ">>\nendobj\n"
        text += "20 0 obj\n<</Type/Metadata/Subtype/XML>>stream\n<x:xmpmeta><rdf:Description "
        text += "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"><pdfaid:part>\(part)</pdfaid:part>"
        text +=
            "<pdfaid:conformance>\(conformance)</pdfaid:conformance></rdf:Description></x:xmpmeta>\nendstream\nendobj\n"
        return Data(text.utf8)
    }

    @Test func aPDFA2bWithItsFontsEmbeddedPasses() {
        let facts = PDFFacts(pdf())
        #expect(facts.pages == 2, "/Type/Pages is not a page")
        #expect(facts.part == "2" && facts.conformance == "B")
        #expect(facts.embeddedFonts == ["NotoSerifCJKsc-Regular"], "the subset tag is dropped")
        #expect(facts.problems.isEmpty)
    }

    @Test func aPlainPDFOrAMissingFontIsRefused() {
        // What the old `SelectPdfVersion=2` filter string gives: a PDF without PDF/A identification.
        #expect(PDFFacts(pdf(part: "", conformance: "")).problems.first?.english.contains("PDF/A-2b") == true)
        #expect(PDFFacts(pdf(part: "1")).problems.count == 1)
        let unembedded = PDFFacts(pdf(embedded: false))
        #expect(unembedded.fontsNotEmbedded == ["BAAAAA+NotoSerifCJKsc-Regular"])
        #expect(unembedded.problems.first?.english.contains("not embedded") == true)
        #expect(!PDFFacts(pdf(pages: 0)).problems.isEmpty)
    }

    @Test func retentionIsReadAsDATTwentyTwoWritesIt() {
        #expect(Retention(parsing: "永久") == .permanent)
        #expect(Retention(parsing: "定期30年") == .thirtyYears)
        #expect(Retention(parsing: "D10") == .tenYears)
        #expect(Retention(parsing: "5年") == nil)
        #expect(Retention.default(for: "决定") == .permanent && Retention.default(for: "通知") == .thirtyYears)
        #expect(Retention.thirtyYears.code == "D30")
    }

    @Test func theRecordIsOneElementToALine() {
        let xml = MetadataRecord.indented("<?xml version=\"1.0\"?><a x=\"1\"><b>t</b><c><d/></c></a>")
        #expect(xml == "<?xml version=\"1.0\"?>\n<a x=\"1\">\n  <b>t</b>\n  <c>\n    <d/>\n  </c>\n</a>\n")
    }
}
