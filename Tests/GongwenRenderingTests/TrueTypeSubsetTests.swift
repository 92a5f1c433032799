import Foundation
import GongwenModel
import GongwenTestSupport
import Testing

@testable import GongwenRendering

/// The font subsets an OFD embeds, checked against the font they come from: every character used maps to a
/// glyph with the same outline and advance, composites bring their components, the file's checksums hold.
struct TrueTypeSubsetTests {
    /// A TrueType font of this machine (DejaVu Sans comes with fontconfig on Debian), nil if there is none.
    static let font: Data? = {
        for path in [
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        ] {
            if let data = FileManager.default.contents(atPath: path) { return data }
        }
        return nil
    }()

    /// Glyph id, outline bytes and advance of `character` in `font`.
    func glyph(_ character: Unicode.Scalar, in font: Data) throws -> (id: Int, outline: [UInt8], advance: UInt16)? {
        let bytes = [UInt8](font)
        let tables = try TrueTypeSubset.directory(bytes, faceIndex: 0)
        let map = try TrueTypeSubset.characterMap(bytes[try #require(tables["cmap"])])
        guard let id = map(character.value) else { return nil }
        let head = bytes[try #require(tables["head"])]
        let loca = bytes[try #require(tables["loca"])]
        let glyf = bytes[try #require(tables["glyf"])]
        let long = TrueTypeSubset.u16(head, 50) == 1
        let start = long ? Int(TrueTypeSubset.u32(loca, id * 4)) : Int(TrueTypeSubset.u16(loca, id * 2)) * 2
        let end = long ? Int(TrueTypeSubset.u32(loca, id * 4 + 4)) : Int(TrueTypeSubset.u16(loca, id * 2 + 2)) * 2
        let hhea = bytes[try #require(tables["hhea"])]
        let metrics = Int(TrueTypeSubset.u16(hhea, 34))
        let advance = TrueTypeSubset.u16(bytes[try #require(tables["hmtx"])], min(id, metrics - 1) * 4)
        return (id, Array(glyf[(glyf.startIndex + start)..<(glyf.startIndex + end)]), advance)
    }

    @Test(.enabled(if: font != nil, "no TrueType font on this machine"))
    func everyCharacterUsedKeepsItsOutlineAndAdvance() throws {
        let font = try #require(Self.font)
        let text = "GB/T 9704-2012 Quality 2019"
        let subset = try TrueTypeSubset.subset(font, characters: Set(text.unicodeScalars))
        #expect(subset.count < font.count / 10, "\(subset.count) of \(font.count) bytes")
        for character in Set(text.unicodeScalars) where character != " " {
            let original = try #require(try glyph(character, in: font))
            let kept = try #require(try glyph(character, in: subset), "\(character) is in the subset")
            // Outlines equal up to the padding the subset adds (a composite's component numbers change).
            if Int16(bitPattern: TrueTypeSubset.u16(original.outline, 0)) >= 0 {
                #expect(Array(kept.outline.prefix(original.outline.count)) == original.outline, "\(character)")
            }
            #expect(kept.advance == original.advance)
        }
        #expect(try glyph("Z", in: subset) == nil, "a character not used is not there")
        let bytes = [UInt8](subset)
        #expect(TrueTypeSubset.checksum(bytes) == 0xB1B0_AFBA, "head.checkSumAdjustment makes the file sum right")
        #expect(try TrueTypeSubset.subset(font, characters: Set(text.unicodeScalars)) == subset, "deterministic")
    }

    @Test(.enabled(if: font != nil, "no TrueType font on this machine"))
    func aCompositeGlyphBringsItsComponentsRenumbered() throws {
        let font = try #require(Self.font)
        let bytes = [UInt8](font)
        let tables = try TrueTypeSubset.directory(bytes, faceIndex: 0)
        // Find a composite among the accented Latin letters.
        var composite: Unicode.Scalar?
        for value in 0xC0...0x17F {
            guard let scalar = Unicode.Scalar(value), let found = try glyph(scalar, in: font), found.outline.count > 10
            else { continue }
            if Int16(bitPattern: TrueTypeSubset.u16(found.outline, 0)) < 0 {
                composite = scalar
                break
            }
        }
        let character = try #require(composite, "the font has a composite accented letter")
        let subset = [UInt8](try TrueTypeSubset.subset(font, characters: [character]))
        let kept = try #require(try glyph(character, in: Data(subset)))
        let components = TrueTypeSubset.components(kept.outline, 0..<kept.outline.count)
        #expect(!components.isEmpty)
        let count = Int(
            TrueTypeSubset.u16(subset[try #require(try TrueTypeSubset.directory(subset, faceIndex: 0)["maxp"])], 4))
        #expect(
            components.allSatisfy { $0.glyph < count && $0.glyph != kept.id }, "components renumbered into the subset")
        #expect(count >= 2 + components.count)
        _ = tables
    }

    @Test func aFontWithCFFOutlinesOrNoFontIsRefused() {
        var otto = [UInt8]("OTTO".utf8) + [UInt8](repeating: 0, count: 20)
        otto[5] = 0
        #expect(throws: TrueTypeSubset.Failure.self) { try TrueTypeSubset.subset(Data(otto), characters: ["a"]) }
        #expect(throws: TrueTypeSubset.Failure.self) {
            try TrueTypeSubset.subset(Data("not a font".utf8), characters: ["a"])
        }
    }

    @Test(.enabled(if: font != nil, "no TrueType font on this machine"))
    func anOFDEmbedsTheSubsetAndNamesItsFile() throws {
        var page = LaidOutPage()
        page.runs = [
            LaidOutPage.Run(x: 28, baseline: 50, text: "Quality", font: "Times New Roman", size: 5.6, advances: [])
        ]
        let writer = OFDWriter(
            pages: [page],
            info: OFDWriter.Info(
                title: "t", author: "a", date: try #require(CalendarDate(year: 2019, month: 5, day: 13)),
                customData: [], identity: "x"))
        let embedded = OFDWriter.EmbeddedFont(data: try #require(Self.font), substitute: "Liberation Serif")
        let parts = try PackageParts.read(try writer.package(embedding: ["Times New Roman": embedded])).parts
        let res = String(decoding: try #require(parts["Doc_0/PublicRes.xml"]), as: UTF8.self)
        #expect(res.contains("<ofd:FontFile>font_1.ttf</ofd:FontFile>"))
        let file = try #require(parts["Doc_0/Res/font_1.ttf"])
        #expect(try glyph("Q", in: file) != nil)
        let ofd = String(decoding: try #require(parts["OFD.xml"]), as: UTF8.self)
        #expect(ofd.contains("<ofd:CustomData Name=\"字体替代\">Times New Roman → Liberation Serif</ofd:CustomData>"))
        #expect(try PackageParts.read(try writer.package()).parts.keys.allSatisfy { !$0.hasSuffix(".ttf") })
    }

    /// Two subsets of one font file for two document fonts carry two names (issue 23, defect 6): a reader that
    /// tells fonts apart by name must not take one for the other.
    @Test(.enabled(if: font != nil, "no TrueType font on this machine"))
    func eachSubsetNamesItselfAndTheSameSubsetTheSameWay() throws {
        let font = try #require(Self.font)
        func names(_ subset: Data) throws -> [UInt16: String] {
            let bytes = [UInt8](subset)
            let name = bytes[try #require(try TrueTypeSubset.directory(bytes, faceIndex: 0)["name"])]
            let count = Int(TrueTypeSubset.u16(name, 2))
            let storage = Int(TrueTypeSubset.u16(name, 4))
            var found: [UInt16: String] = [:]
            for record in 0..<count {
                let at = 6 + record * 12
                #expect(TrueTypeSubset.u16(name, at) == 3 && TrueTypeSubset.u16(name, at + 4) == 0x409)
                let length = Int(TrueTypeSubset.u16(name, at + 8))
                let offset = storage + Int(TrueTypeSubset.u16(name, at + 10))
                let units = stride(from: 0, to: length, by: 2).map { TrueTypeSubset.u16(name, offset + $0) }
                found[TrueTypeSubset.u16(name, at + 6)] = String(decoding: units, as: UTF16.self)
            }
            return found
        }
        let characters = Set("GB/T 9704".unicodeScalars)
        let first = OFDWriter.subsetName("仿宋_GB2312", characters: characters, index: 0)
        let second = OFDWriter.subsetName("黑体", characters: characters, index: 1)
        let a = try names(try TrueTypeSubset.subset(font, characters: characters, name: first))
        let b = try names(try TrueTypeSubset.subset(font, characters: characters, name: second))
        #expect(a[1] == first.family && a[6] == first.postScript && a[2] == "Regular")
        #expect(a[1] != b[1] && a[6] != b[6])
        #expect(a[1]?.hasSuffix("+仿宋_GB2312") == true && a[1]?.prefix(6).allSatisfy(\.isUppercase) == true)
        #expect(OFDWriter.subsetName("仿宋_GB2312", characters: characters, index: 0).family == first.family)
        #expect(first.postScript.unicodeScalars.allSatisfy { (33...126).contains($0.value) })
    }
}
