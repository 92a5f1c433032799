import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML

/// Writes laid-out pages as an OFD package (GB/T 33190-2016, namespace `http://www.ofdspec.org/2016`) with
/// gongwen's own zip and XML writers: `OFD.xml` (DocInfo: a DocID stable for the same data, title, author,
/// creation date from the campaign, CustomDatas with 发文字号, 文种, 成文日期, 密级), `Doc_0/Document.xml`
/// (CommonData: MaxUnitID, A4 PageArea, PublicRes), `Doc_0/PublicRes.xml` (the fonts, named as the document
/// names them; with fonts given, each embedded as the subset of its glyphs the pages use, `Doc_0/Res/font_N.ttf`)
/// and one `Content.xml` per page: a TextObject per run with its glyph advances
/// (DeltaX), so every character sits where the layout put it, and a PathObject per rule. Units are mm.
public struct OFDWriter: Sendable, Equatable {
    /// A font file to embed for a font the pages name: a TrueType font or a face of a collection.
    public struct EmbeddedFont: Sendable {
        public var data: Data
        public var faceIndex: Int
        /// The family actually embedded, when it is not the font the document names (recorded in DocInfo).
        public var substitute: String?

        public init(data: Data, faceIndex: Int = 0, substitute: String? = nil) {
            self.data = data
            self.faceIndex = faceIndex
            self.substitute = substitute
        }
    }

    static let namespace = "http://www.ofdspec.org/2016"

    /// What OFD.xml's DocInfo says of the document.
    public struct Info: Sendable, Equatable {
        public var title: String
        public var author: String
        public var date: CalendarDate
        public var customData: [(String, String)]
        /// What makes the document itself (issuer, 文号, title): the DocID is derived from it.
        public var identity: String

        public init(
            title: String, author: String, date: CalendarDate, customData: [(String, String)], identity: String
        ) {
            self.title = title
            self.author = author
            self.date = date
            self.customData = customData
            self.identity = identity
        }

        public static func == (a: Info, b: Info) -> Bool {
            a.title == b.title && a.author == b.author && a.date == b.date && a.identity == b.identity
                && a.customData.map { [$0.0, $0.1] } == b.customData.map { [$0.0, $0.1] }
        }
    }

    public let pages: [LaidOutPage]
    public let info: Info

    public init(pages: [LaidOutPage], info: Info) {
        self.pages = pages
        self.info = info
    }

    public init(pages: [LaidOutPage], issuance: IssuanceRecord) {
        self.init(
            pages: pages,
            info: Info(
                title: issuance.title, author: issuance.author, date: issuance.issueDate,
                customData: [
                    ("发文字号", issuance.documentNumber), ("文种", issuance.documentType), ("成文日期", issuance.issueDate.iso),
                    ("密级", issuance.classification.isEmpty ? "公开" : issuance.classification),
                ], identity: "\(issuance.author)|\(issuance.documentNumber)|\(issuance.title)"))
    }

    /// A number as OFD writes it: at most three decimals (rounded half away from zero), no trailing zeros,
    /// never "-0". Integer arithmetic, not `String(format:)`: a page has thousands of numbers and the
    /// Foundation formatter was the largest cost of writing an OFD.
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let magnitude = thousandths.magnitude
        var text = thousandths < 0 ? "-" : ""
        text += String(magnitude / 1000)
        var fraction = magnitude % 1000
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: digits - padded.count) + padded
        }
        return text
    }

    /// The fonts the pages name, in first use order, each with the characters drawn in it.
    public var fontsUsed: [(name: String, characters: Set<Unicode.Scalar>)] {
        var names: [String] = []
        var characters: [String: Set<Unicode.Scalar>] = [:]
        for page in pages {
            for run in page.runs {
                if characters[run.font] == nil { names.append(run.font) }
                characters[run.font, default: []].formUnion(run.text.unicodeScalars)
            }
        }
        return names.map { ($0, characters[$0] ?? []) }
    }

    /// The subset's own name: a tag of six capitals from the SHA-256 of the font's name and the characters it
    /// holds (the same subset, the same tag), a plus, the name the pages use (the family) or `GongwenN` (the
    /// PostScript name, which must be ASCII).
    static func subsetName(_ font: String, characters: Set<Unicode.Scalar>, index: Int) -> TrueTypeSubset.SubsetName {
        var bytes = Array(font.utf8)
        for scalar in characters.sorted(by: { $0.value < $1.value }) { bytes += Array(String(scalar).utf8) }
        let digest = SHA256.hash(bytes)
        let tag = String(digest.prefix(6).map { Character(UnicodeScalar(65 + $0 % 26)) })
        return TrueTypeSubset.SubsetName(family: "\(tag)+\(font)", postScript: "\(tag)+Gongwen\(index + 1)")
    }

    /// The OFD package; each font in `embedding` (by the name the pages use) is embedded as a subset.
    public func package(embedding: [String: EmbeddedFont] = [:]) throws -> Data {
        let used = fontsUsed
        let fonts = used.map(\.name)
        var fontFiles: [String: (file: String, data: Data)] = [:]
        for (index, font) in used.enumerated() {
            guard let embedded = embedding[font.name] else { continue }
            do {
                let subset = try TrueTypeSubset.subset(
                    embedded.data, faceIndex: embedded.faceIndex, characters: font.characters,
                    name: Self.subsetName(font.name, characters: font.characters, index: index))
                fontFiles[font.name] = ("font_\(index + 1).ttf", subset)
            } catch {
                throw TrueTypeSubset.Failure(description: "\(font.name)：\(error)")
            }
        }
        var nextID = fonts.count
        func newID() -> Int {
            nextID += 1
            return nextID
        }
        let pageIDs = pages.map { _ in newID() }
        // Each page deflated as soon as it is written (the same bytes ZipWriter.add makes), since Document.xml,
        // which comes first in the package, needs every page's ID: the plan notice's 2,000 pages were 150 MB
        // of XML held until the end.
        var contents: [PreparedEntry] = []
        for page in pages {
            var writer = XMLWriter()
            writer.declaration()
            writer.open("ofd:Page", ["xmlns:ofd": Self.namespace])
            if page.width != 210 || page.height != 297 {
                // A landscape attachment page: its own area.
                writer.open("ofd:Area")
                writer.element("ofd:PhysicalBox", text: "0 0 \(Self.number(page.width)) \(Self.number(page.height))")
                writer.close("ofd:Area")
            }
            writer.open("ofd:Content")
            writer.open("ofd:Layer", ["ID": String(newID())])
            for run in page.runs {
                let font = (fonts.firstIndex(of: run.font) ?? 0) + 1
                writer.open(
                    "ofd:TextObject",
                    [
                        "ID": String(newID()), "Boundary": "0 0 \(Self.number(page.width)) \(Self.number(page.height))",
                        "Font": String(font), "Size": Self.number(run.size),
                    ])
                if run.red { writer.empty("ofd:FillColor", ["Value": "255 0 0"]) }
                if run.advances.isEmpty {
                    writer.element(
                        "ofd:TextCode", ["X": Self.number(run.x), "Y": Self.number(run.baseline)], text: run.text)
                } else {
                    writer.element(
                        "ofd:TextCode",
                        [
                            "X": Self.number(run.x), "Y": Self.number(run.baseline),
                            "DeltaX": run.advances.map(Self.number).joined(separator: " "),
                        ], text: run.text)
                }
                writer.close("ofd:TextObject")
            }
            for rule in page.rules {
                writer.open(
                    "ofd:PathObject",
                    [
                        "ID": String(newID()), "Boundary": "0 0 \(Self.number(page.width)) \(Self.number(page.height))",
                        "LineWidth": Self.number(rule.width),
                    ])
                writer.empty("ofd:StrokeColor", ["Value": rule.red ? "255 0 0" : "0 0 0"])
                writer.element(
                    "ofd:AbbreviatedData",
                    text:
                        "M \(Self.number(rule.x1)) \(Self.number(rule.y1)) L \(Self.number(rule.x2)) \(Self.number(rule.y2))"
                )
                writer.close("ofd:PathObject")
            }
            writer.close("ofd:Layer")
            writer.close("ofd:Content")
            writer.close("ofd:Page")
            contents.append(
                try PreparedEntry(name: "Doc_0/Pages/Page_\(contents.count)/Content.xml", data: Data(writer.buffer)))
        }
        let sink = MemorySink()
        let date = info.date
        let zip = ZipWriter(sink: sink, year: date.year, month: date.month, day: date.day)
        let substitutions = fonts.compactMap { name in
            embedding[name]?.substitute.flatMap { fontFiles[name] == nil ? nil : "\(name) → \($0)" }
        }
        try zip.add("OFD.xml", Data(ofdXML(substitutions: substitutions)))
        try zip.add("Doc_0/Document.xml", Data(documentXML(pageIDs: pageIDs, maxID: nextID)))
        try zip.add("Doc_0/PublicRes.xml", Data(publicRes(fonts, files: fontFiles.mapValues(\.file))))
        for font in fonts { if let file = fontFiles[font] { try zip.add("Doc_0/Res/\(file.file)", file.data) } }
        for content in contents { try zip.add(content) }
        try zip.finish()
        return sink.data
    }

    func ofdXML(substitutions: [String] = []) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("ofd:OFD", ["xmlns:ofd": Self.namespace, "Version": "1.0", "DocType": "OFD"])
        writer.open("ofd:DocBody")
        writer.open("ofd:DocInfo")
        // The same document (issuer, 文号, title) always gets the same ID.
        writer.element("ofd:DocID", text: Hex.lowercase(SHA256.hash(info.identity.utf8).prefix(16)))
        writer.element("ofd:Title", text: info.title)
        writer.element("ofd:Author", text: info.author)
        writer.element("ofd:CreationDate", text: info.date.iso)
        writer.element("ofd:Creator", text: "gongwen")
        let custom = info.customData + substitutions.map { ("字体替代", $0) }
        if !custom.isEmpty {
            writer.open("ofd:CustomDatas")
            for (name, value) in custom { writer.element("ofd:CustomData", ["Name": name], text: value) }
            writer.close("ofd:CustomDatas")
        }
        writer.close("ofd:DocInfo")
        writer.element("ofd:DocRoot", text: "Doc_0/Document.xml")
        writer.close("ofd:DocBody")
        writer.close("ofd:OFD")
        return writer.buffer
    }

    func documentXML(pageIDs: [Int], maxID: Int) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("ofd:Document", ["xmlns:ofd": Self.namespace])
        writer.open("ofd:CommonData")
        writer.element("ofd:MaxUnitID", text: String(maxID))
        writer.open("ofd:PageArea")
        writer.element("ofd:PhysicalBox", text: "0 0 210 297")
        writer.close("ofd:PageArea")
        writer.element("ofd:PublicRes", text: "PublicRes.xml")
        writer.close("ofd:CommonData")
        writer.open("ofd:Pages")
        for (index, id) in pageIDs.enumerated() {
            writer.empty("ofd:Page", ["ID": String(id), "BaseLoc": "Pages/Page_\(index)/Content.xml"])
        }
        writer.close("ofd:Pages")
        writer.close("ofd:Document")
        return writer.buffer
    }

    func publicRes(_ fonts: [String], files: [String: String] = [:]) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("ofd:Res", ["xmlns:ofd": Self.namespace, "BaseLoc": "Res"])
        writer.open("ofd:Fonts")
        for (index, font) in fonts.enumerated() {
            let attributes: KeyValuePairs = ["ID": String(index + 1), "FontName": font, "FamilyName": font]
            if let file = files[font] {
                writer.open("ofd:Font", attributes)
                writer.element("ofd:FontFile", text: file)
                writer.close("ofd:Font")
            } else {
                writer.empty("ofd:Font", attributes)
            }
        }
        writer.close("ofd:Fonts")
        writer.close("ofd:Res")
        return writer.buffer
    }
}
