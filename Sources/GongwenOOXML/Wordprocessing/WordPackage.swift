/// A Word package around a document body: the document, its styles, settings, font table and footers, with
/// their relationships numbered the way the writers' `w:footerReference`s expect (rId1 styles, rId2
/// settings, rId3 font table, rId4… the footers in the order given).
public enum WordPackage {
    /// A package whose document.xml is written straight into the zip entry by `writeDocument`, in flat memory
    /// however long the document (a table of 100,000 rows); otherwise the same parts as `make(document:…)`.
    public static func make(
        writeDocument: @escaping (inout XMLWriter) throws -> Void, core: CorePropertiesPart, defaultFont: WordFont,
        fonts: [String], footers: [[UInt8]] = [], evenAndOddFooters: Bool = false
    ) -> OOXMLPackage {
        make(
            content: .stream(writeDocument), core: core, defaultFont: defaultFont, fonts: fonts, footers: footers,
            evenAndOddFooters: evenAndOddFooters)
    }

    public static func make(
        document: [UInt8], core: CorePropertiesPart, defaultFont: WordFont, fonts: [String], footers: [[UInt8]] = [],
        evenAndOddFooters: Bool = false
    ) -> OOXMLPackage {
        make(
            content: .bytes(document), core: core, defaultFont: defaultFont, fonts: fonts, footers: footers,
            evenAndOddFooters: evenAndOddFooters)
    }

    static func make(
        content: OOXMLPackage.Content, core: CorePropertiesPart, defaultFont: WordFont, fonts: [String],
        footers: [[UInt8]], evenAndOddFooters: Bool
    ) -> OOXMLPackage {
        var package = OOXMLPackage(mainPart: "word/document.xml", core: core)
        var relationships = [
            Relationship(id: "rId1", type: Relationship.stylesType, target: "styles.xml"),
            Relationship(id: "rId2", type: Relationship.settingsType, target: "settings.xml"),
            Relationship(id: "rId3", type: Relationship.fontTableType, target: "fontTable.xml"),
        ]
        for index in footers.indices {
            relationships.append(
                Relationship(id: "rId\(index + 4)", type: Relationship.footerType, target: "footer\(index + 1).xml"))
        }
        package.add(
            .init(
                name: "word/document.xml", contentType: WordParts.documentContentType, content: content,
                relationships: relationships))
        package.add(
            .init(
                name: "word/styles.xml", contentType: WordParts.stylesContentType,
                content: .bytes(WordParts.styles(defaultFont: defaultFont))))
        package.add(
            .init(
                name: "word/settings.xml", contentType: WordParts.settingsContentType,
                content: .bytes(WordParts.settings(evenAndOddFooters: evenAndOddFooters))))
        package.add(
            .init(
                name: "word/fontTable.xml", contentType: WordParts.fontTableContentType,
                content: .bytes(WordParts.fontTable(fonts + ["Times New Roman"]))))
        for (index, footer) in footers.enumerated() {
            package.add(
                .init(
                    name: "word/footer\(index + 1).xml", contentType: WordParts.footerContentType,
                    content: .bytes(footer)))
        }
        return package
    }
}
