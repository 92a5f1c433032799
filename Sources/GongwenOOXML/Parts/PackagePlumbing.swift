/// Namespaces and relationship types of ECMA-376 that more than one part uses.
public enum OOXMLNamespace {
    public static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    public static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    public static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    public static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
}

/// One relationship from a part (or the package) to another part.
public struct Relationship: Sendable, Equatable {
    public var id: String
    public var type: String
    public var target: String

    public init(id: String, type: String, target: String) {
        self.id = id
        self.type = type
        self.target = target
    }

    static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    public static let officeDocumentType = base + "officeDocument"
    public static let extendedPropertiesType = base + "extended-properties"
    public static let corePropertiesType =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    public static let worksheetType = base + "worksheet"
    public static let stylesType = base + "styles"
    public static let settingsType = base + "settings"
    public static let fontTableType = base + "fontTable"
    public static let footerType = base + "footer"
}

/// `[Content_Types].xml` (OPC §10.1.2): a Default per extension, an Override per part. Elements in schema
/// order: every Default before any Override is not required, but Office writes them so and so do we.
public struct ContentTypesPart {
    public var overrides: [(partName: String, contentType: String)]

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("Types", ["xmlns": OOXMLNamespace.contentTypes])
        writer.empty(
            "Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
        writer.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
        for (partName, contentType) in overrides {
            writer.empty("Override", ["PartName": "/" + partName, "ContentType": contentType])
        }
        writer.close("Types")
        return writer.buffer
    }
}

/// A `.rels` part (OPC §9.3).
public struct RelationshipsPart {
    public var relationships: [Relationship]

    public init(relationships: [Relationship]) {
        self.relationships = relationships
    }

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("Relationships", ["xmlns": OOXMLNamespace.packageRelationships])
        for relationship in relationships {
            writer.empty(
                "Relationship", ["Id": relationship.id, "Type": relationship.type, "Target": relationship.target])
        }
        writer.close("Relationships")
        return writer.buffer
    }
}

/// `docProps/core.xml` (OPC §11): title and author, and a creation date from the data, never the clock.
public struct CorePropertiesPart {
    public var title: String
    public var creator: String
    /// `2019-04-08`: written as midnight UTC in W3CDTF, so the same data gives the same bytes.
    public var created: String?
    /// `dc:identifier`: an issued document's 发文字号, so a file that travels alone still says which it is.
    public var identifier: String?
    /// `cp:category`: its 文种 (通知, 决定).
    public var category: String?

    public init(
        title: String, creator: String, created: String?, identifier: String? = nil, category: String? = nil
    ) {
        self.title = title
        self.creator = creator
        self.created = created
        self.identifier = identifier
        self.category = category
    }

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open(
            "cp:coreProperties",
            [
                "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
                "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
                "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            ])
        writer.element("dc:title", text: title)
        if let identifier { writer.element("dc:identifier", text: identifier) }
        if let category { writer.element("cp:category", text: category) }
        writer.element("dc:creator", text: creator)
        writer.element("cp:lastModifiedBy", text: creator)
        if let created {
            writer.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: created + "T00:00:00Z")
            writer.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: created + "T00:00:00Z")
        }
        writer.close("cp:coreProperties")
        return writer.buffer
    }
}

/// `docProps/app.xml` (ECMA-376 Part 1 §22.2): the application that wrote the file.
public struct AppPropertiesPart {
    public init() {}

    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open(
            "Properties",
            [
                "xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                "xmlns:vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ])
        writer.element("Application", text: "gongwen")
        writer.close("Properties")
        return writer.buffer
    }
}
