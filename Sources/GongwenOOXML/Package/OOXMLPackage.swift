import Foundation

/// The parts of one package and the decision of which exist and in what order: `[Content_Types].xml`,
/// `_rels/.rels`, the properties, then the document's parts in the order they were added, each followed by
/// its relationships. The plumbing is generated here; templates and writers only supply the parts' bodies.
public struct OOXMLPackage {
    public enum Content {
        /// A part whose bytes are ready.
        case bytes([UInt8])
        /// A part written straight into the zip entry, for worksheets too large to hold.
        case stream((inout XMLWriter) throws -> Void)
        /// A part deflated beforehand and shared by many packages (its relationships too are prepared).
        case prepared(PreparedEntry, relationships: PreparedEntry?)
    }

    public struct Part {
        public var name: String
        public var contentType: String
        public var content: Content
        public var relationships: [Relationship]

        public init(name: String, contentType: String, content: Content, relationships: [Relationship] = []) {
            self.name = name
            self.contentType = contentType
            self.content = content
            self.relationships = relationships
        }
    }

    public var mainPart: String
    public var core: CorePropertiesPart
    public var parts: [Part] = []

    public init(mainPart: String, core: CorePropertiesPart) {
        self.mainPart = mainPart
        self.core = core
    }

    public mutating func add(_ part: Part) {
        parts.append(part)
    }

    /// A part that is not well-formed XML, found before anything is packaged.
    public struct MalformedPart: Error, CustomStringConvertible {
        public var part: String
        public var problem: XMLWellFormedness.Problem

        public init(part: String, problem: XMLWellFormedness.Problem) {
            self.part = part
            self.problem = problem
        }

        public var description: String { "\(part):\(problem.line):\(problem.column): \(problem.message)" }
    }

    /// Whether `write` parses each part before packaging it. Every part of an OOXMLPackage is made by
    /// gongwen's own code through `XMLWriter`, which escapes every value and closes what it opens (its tests,
    /// the seeded hostile-value tests and the ECMA-376 schema checks in CI prove the markup); templates the
    /// office makes are checked where they are rendered (`WordTemplate`, `ExcelTemplate`). So the parse is a
    /// guard against a bug in gongwen's writers: on in debug builds, which run every test and CI's builds of
    /// the sample and the hostile campaign, and off in release builds, where at 100,000 declarations it cost a
    /// tenth of the build.
    public static let checksWrittenParts: Bool = {
        #if DEBUG
            true
        #else
            ProcessInfo.processInfo.environment["GONGWEN_CHECK_PARTS"] == "1"
        #endif
    }()

    /// Checks every prepared part with libxml2. Streamed parts are written by code, row by row, and are not
    /// held in memory to be parsed; their markup is covered by the writer's tests and the schema checks.
    public func checkWellFormed() throws {
        guard Self.checksWrittenParts else { return }
        for part in parts {
            guard case .bytes(let bytes) = part.content else { continue }
            if let problem = XMLWellFormedness.check(Data(bytes)) {
                throw MalformedPart(part: part.name, problem: problem)
            }
        }
    }

    /// The package's plumbing: content types, root relationships, app and core properties, in that order.
    public func plumbing() -> [(name: String, data: Data)] {
        let overrides =
            [
                ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ] + parts.map { ($0.name, $0.contentType) }
        let root = RelationshipsPart(relationships: [
            Relationship(id: "rId1", type: Relationship.officeDocumentType, target: mainPart),
            Relationship(id: "rId2", type: Relationship.corePropertiesType, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: Relationship.extendedPropertiesType, target: "docProps/app.xml"),
        ])
        return [
            ("[Content_Types].xml", Data(ContentTypesPart(overrides: overrides).xml())),
            ("_rels/.rels", Data(root.xml())), ("docProps/app.xml", Data(AppPropertiesPart().xml())),
            ("docProps/core.xml", Data(core.xml())),
        ]
    }

    /// The relationships part name of `part`: `word/document.xml` → `word/_rels/document.xml.rels`.
    public static func relationshipsName(of part: String) -> String {
        let folder = (part as NSString).deletingLastPathComponent
        let file = (part as NSString).lastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    }

    /// Writes the package into `zip` and finishes it; nothing is written if a prepared part is malformed.
    /// `preparedPlumbing`, when given, replaces the generated plumbing (packages that share every part but
    /// one reuse it).
    public func write(to zip: ZipWriter, preparedPlumbing: [PreparedEntry]? = nil) throws {
        try checkWellFormed()
        if let preparedPlumbing {
            for entry in preparedPlumbing { try zip.add(entry) }
        } else {
            for (name, data) in plumbing() { try zip.add(name, data) }
        }
        for part in parts {
            if case .prepared(let entry, let relationships) = part.content {
                try zip.add(entry)
                if let relationships { try zip.add(relationships) }
                continue
            }
            switch part.content {
            case .prepared:
                break
            case .bytes(let bytes):
                try zip.add(part.name, Data(bytes))
            case .stream(let write):
                let entry = try zip.begin(part.name, background: true)
                var writer = XMLWriter(flushEvery: 1 << 16) { bytes in try entry.write(bytes) }
                try write(&writer)
                try writer.flushAll()
                try entry.finish()
            }
            if !part.relationships.isEmpty {
                try zip.add(
                    Self.relationshipsName(of: part.name),
                    Data(RelationshipsPart(relationships: part.relationships).xml()))
            }
        }
        try zip.finish()
    }

    /// The whole package in memory.
    public func data(level: Int32 = 6, date: (Int, Int, Int) = (1980, 1, 1)) throws -> Data {
        let sink = MemorySink()
        try write(to: ZipWriter(sink: sink, level: level, year: date.0, month: date.1, day: date.2))
        return sink.data
    }
}
