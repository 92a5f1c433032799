import Foundation
import GongwenDocuments
import GongwenOOXML
import GongwenTemplates

/// Certificates as Word documents: one page each, the heading centred, the recipient flush left with `：`,
/// the sentence and 特发此证 indented two characters, issuer and date at the bottom right with room above them
/// for the seal, the certificate number at the top right.
///
/// Every per-winner file shares all its parts but `word/document.xml`; those are prepared (deflated) once and
/// copied into each package, which is what makes ten thousand certificates cheap.
public struct CertificateDOCX {
    let template: CertificateTemplate
    let shared: OOXMLPackage
    let plumbing: [PreparedEntry]
    let date: (Int, Int, Int)

    static func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    public init(template: CertificateTemplate, date: (Int, Int, Int), creator: String) throws {
        self.template = template
        self.date = date
        let body = WordFont(eastAsia: template.fonts.body, size: 18)
        var package = OOXMLPackage(
            mainPart: "word/document.xml",
            core: CorePropertiesPart(
                title: "获奖证书", creator: creator, created: String(format: "%04d-%02d-%02d", date.0, date.1, date.2)))
        let relationships = RelationshipsPart(relationships: [
            Relationship(id: "rId1", type: Relationship.stylesType, target: "styles.xml"),
            Relationship(id: "rId2", type: Relationship.settingsType, target: "settings.xml"),
            Relationship(id: "rId3", type: Relationship.fontTableType, target: "fontTable.xml"),
        ])
        // The document part's place in the order; its bytes are set per certificate.
        package.add(
            .init(
                name: "word/document.xml", contentType: WordParts.documentContentType,
                content: .prepared(
                    try PreparedEntry(name: "word/document.xml", data: Data()),
                    relationships: try PreparedEntry(
                        name: OOXMLPackage.relationshipsName(of: "word/document.xml"), data: Data(relationships.xml())))
            ))
        for (name, type, bytes) in [
            ("word/styles.xml", WordParts.stylesContentType, WordParts.styles(defaultFont: body)),
            ("word/settings.xml", WordParts.settingsContentType, WordParts.settings()),
            (
                "word/fontTable.xml", WordParts.fontTableContentType,
                WordParts.fontTable([template.fonts.heading, template.fonts.body, "Times New Roman"])
            ),
        ] {
            if let problem = XMLWellFormedness.check(Data(bytes)) {
                throw OOXMLPackage.MalformedPart(part: name, problem: problem)
            }
            package.add(
                .init(
                    name: name, contentType: type,
                    content: .prepared(try PreparedEntry(name: name, data: Data(bytes)), relationships: nil)))
        }
        shared = package
        plumbing = try package.plumbing().map { try PreparedEntry(name: $0.name, data: $0.data) }
    }

    /// `word/document.xml` holding `texts`, one certificate per page.
    public func documentXML(_ texts: [CertificateTemplate.Text]) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open(
            "w:document", ["xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships])
        writer.open("w:body")
        for (index, text) in texts.enumerated() { write(text, first: index == 0, &writer) }
        let page = template.page
        writer.open("w:sectPr")
        let landscape = page.width > page.height
        if landscape {
            writer.empty(
                "w:pgSz",
                [
                    "w:w": String(Self.twips(page.width)), "w:h": String(Self.twips(page.height)),
                    "w:orient": "landscape",
                ])
        } else {
            writer.empty("w:pgSz", ["w:w": String(Self.twips(page.width)), "w:h": String(Self.twips(page.height))])
        }
        writer.empty(
            "w:pgMar",
            [
                "w:top": String(Self.twips(page.top)), "w:right": String(Self.twips(page.right)),
                "w:bottom": String(Self.twips(page.bottom)), "w:left": String(Self.twips(page.left)), "w:header": "0",
                "w:footer": "0", "w:gutter": "0",
            ])
        writer.close("w:sectPr")
        writer.close("w:body")
        writer.close("w:document")
        return writer.buffer
    }

    /// One certificate: 11 lines of at most 32 pt on a 165 mm tall type area (A4 landscape), so a recipient
    /// of two lines and a sentence of four still fit one page.
    func write(_ text: CertificateTemplate.Text, first: Bool, _ writer: inout XMLWriter) {
        let body = WordFont(eastAsia: template.fonts.body, size: 18)
        let line = 640  // 32 pt
        var number = ParagraphFormat(alignment: "right", exactLine: 360)
        number.pageBreakBefore = !first
        number.snapToGrid = false
        number.spaceBefore = Int(text.topSpace * 20)
        writer.paragraph(text.number, WordFont(eastAsia: template.fonts.body, size: 12), number)
        var heading = ParagraphFormat(alignment: "center", exactLine: 1200)
        heading.spaceBefore = 240
        // Spaced half a character apart, as the HTML spaces it (one look): 荣 誉 证 书.
        writer.paragraph(text.heading, WordFont(eastAsia: template.fonts.heading, size: 42, spacing: 420), heading)
        writer.paragraph("", body, ParagraphFormat(alignment: "left", exactLine: line))
        writer.paragraph(text.recipient, body, ParagraphFormat(alignment: "left", exactLine: line))
        var indented = ParagraphFormat(alignment: "both", exactLine: line)
        indented.firstLine = 720
        indented.characterWidth = 360
        writer.paragraph(text.sentence, body, indented)
        writer.paragraph(text.closing, body, indented)
        // Room for the seal, which presses on the issuer and the date.
        writer.paragraph("", body, ParagraphFormat(alignment: "left", exactLine: line))
        writer.paragraph("", body, ParagraphFormat(alignment: "left", exactLine: line))
        var right = ParagraphFormat(alignment: "right", exactLine: line)
        right.right = 720
        right.characterWidth = 360
        writer.paragraph(text.issuer, body, right)
        writer.paragraph(text.date, body, right)
    }

    /// A package of `texts` (all certificates, or one).
    public func package(_ texts: [CertificateTemplate.Text], level: Int32 = 6) throws -> Data {
        var package = shared
        let document = try PreparedEntry(name: "word/document.xml", data: Data(documentXML(texts)), level: level)
        if case .prepared(_, let relationships) = package.parts[0].content {
            package.parts[0].content = .prepared(document, relationships: relationships)
        }
        let sink = MemorySink()
        try package.write(
            to: ZipWriter(sink: sink, level: level, year: date.0, month: date.1, day: date.2),
            preparedPlumbing: plumbing)
        return sink.data
    }
}
