import Foundation

/// A TrueType font cut down to the glyphs a document uses, for embedding in an OFD (an archival copy carries
/// its fonts, GB/T 42133 / GB/T 33190 §11.1 FontFile). Pure: font bytes in, font bytes out.
///
/// What it keeps (OpenType spec, "TrueType outlines"): glyph 0 (.notdef), the glyphs `cmap` gives the characters
/// used, and every glyph a composite among them is built from (renumbered in their old order, the composites'
/// component indices rewritten); `glyf` with a long `loca`, `hmtx` with a full metric per glyph, `cmap` with a
/// format 4 (3,1) and a format 12 (3,10) subtable of just those characters, `post` as format 3 (no names), and
/// `head`, `hhea`, `maxp`, `name`, `OS/2`, `cvt `, `fpgm`, `prep`, `gasp` as they were but for the counts. Layout
/// tables (GSUB, GPOS, kern…) and bitmaps go: the OFD places every glyph itself. A font with CFF outlines
/// (`OTTO`, as Noto CJK's) is refused, not converted.
public enum TrueTypeSubset {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The characters of `characters` face `faceIndex` of `data` has no glyph for.
    public static func missing(_ characters: Set<Unicode.Scalar>, in data: Data, faceIndex: Int = 0) throws
        -> Set<Unicode.Scalar>
    {
        let font = [UInt8](data)
        let tables = try directory(font, faceIndex: faceIndex)
        guard let cmap = tables["cmap"], cmap.upperBound <= font.count else {
            throw Failure(description: "字体缺少 cmap 表 / the font has no cmap table")
        }
        let map = try characterMap(font[cmap])
        return characters.filter { !$0.properties.isWhitespace && (map($0.value) ?? 0) == 0 }
    }

    /// Throws unless face `faceIndex` of `data` has TrueType outlines (`glyf` and `loca`).
    public static func checkEmbeddable(_ data: Data, faceIndex: Int = 0) throws {
        let tables = try directory([UInt8](data), faceIndex: faceIndex)
        guard tables["glyf"] != nil, tables["loca"] != nil else {
            throw Failure(description: "没有 TrueType 轮廓 / no TrueType outlines")
        }
    }

    static let kept: Set<String> = ["name", "OS/2", "cvt ", "fpgm", "prep", "gasp"]

    /// The names a subset carries in its own `name` table instead of the original font's: one family and one
    /// PostScript name per subset, so that a reader telling fonts apart by their internal name does not take
    /// two subsets of one font file (four document fonts all drawn with one installed stand-in) for one font
    /// and draw the glyphs of one with the other's — blanks (issue 23, defect 6). As PDF names subsets
    /// (ISO 32000-1 §9.6.4): a tag of six capitals, a plus, the name.
    public struct SubsetName: Sendable {
        public var family: String
        /// ASCII 33–126 without `[](){}<>/%`, at most 63 characters (OpenType `name` ID 6).
        public var postScript: String

        public init(family: String, postScript: String) {
            self.family = family
            self.postScript = postScript
        }
    }

    /// The subset of face `faceIndex` of `data` (a .ttf, or a .ttc collection) for `characters`; with `name`,
    /// its `name` table names the subset (``SubsetName``), otherwise it is the original's.
    public static func subset(
        _ data: Data, faceIndex: Int = 0, characters: Set<Unicode.Scalar>, name: SubsetName? = nil
    ) throws -> Data {
        let font = [UInt8](data)
        let tables = try directory(font, faceIndex: faceIndex)
        func table(_ tag: String) throws -> ArraySlice<UInt8> {
            guard let range = tables[tag], range.upperBound <= font.count else {
                throw Failure(description: "字体缺少 \(tag) 表 / the font has no valid \(tag) table")
            }
            return font[range]
        }
        let head = Array(try table("head"))
        let hhea = Array(try table("hhea"))
        let maxp = Array(try table("maxp"))
        let glyf = try table("glyf")
        let loca = try table("loca")
        let hmtx = try table("hmtx")
        let glyphCount = Int(u16(maxp, 4))
        let longLoca = u16(head, 50) == 1
        func glyphRange(_ glyph: Int) -> Range<Int>? {
            guard glyph < glyphCount else { return nil }
            let start = longLoca ? Int(u32(loca, glyph * 4)) : Int(u16(loca, glyph * 2)) * 2
            let end = longLoca ? Int(u32(loca, glyph * 4 + 4)) : Int(u16(loca, glyph * 2 + 2)) * 2
            guard start <= end, glyf.startIndex + end <= glyf.endIndex else { return nil }
            return (glyf.startIndex + start)..<(glyf.startIndex + end)
        }
        // Characters to glyphs, then the composites' components.
        let map = try characterMap(try table("cmap"))
        var used: [Unicode.Scalar: Int] = [:]
        for character in characters { if let glyph = map(character.value), glyph != 0 { used[character] = glyph } }
        var glyphs: Set<Int> = []
        var pending = [0] + Array(Set(used.values))
        while let glyph = pending.popLast() {
            guard glyphs.insert(glyph).inserted, let range = glyphRange(glyph) else { continue }
            for component in components(font, range).map(\.glyph) where !glyphs.contains(component) {
                pending.append(component)
            }
        }
        let order = glyphs.sorted()
        let renumber = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        // glyf and loca.
        var newGlyf: [UInt8] = []
        var newLoca: [UInt8] = []
        for glyph in order {
            append32(&newLoca, UInt32(newGlyf.count))
            guard let range = glyphRange(glyph) else { continue }
            var bytes = Array(font[range])
            for component in components(font, range) {
                let position = component.offset - range.lowerBound
                let index = UInt16(renumber[component.glyph] ?? 0)
                bytes[position] = UInt8(index >> 8)
                bytes[position + 1] = UInt8(index & 0xFF)
            }
            newGlyf += bytes
            while newGlyf.count % 4 != 0 { newGlyf.append(0) }
        }
        append32(&newLoca, UInt32(newGlyf.count))
        // hmtx: a full metric for each glyph kept.
        let metrics = max(1, Int(u16(hhea, 34)))
        var newHmtx: [UInt8] = []
        for glyph in order {
            let advance = u16(hmtx, min(glyph, metrics - 1) * 4)
            let bearing =
                glyph < metrics ? u16(hmtx, glyph * 4 + 2) : u16(hmtx, metrics * 4 + (glyph - metrics) * 2)
            append16(&newHmtx, advance)
            append16(&newHmtx, bearing)
        }
        var newHead = head
        put32(&newHead, 8, 0)
        put16(&newHead, 50, 1)
        var newHhea = hhea
        put16(&newHhea, 34, UInt16(order.count))
        var newMaxp = maxp
        put16(&newMaxp, 4, UInt16(order.count))
        var post: [UInt8] = tables["post"].map { Array(font[$0].prefix(32)) } ?? []
        if post.count < 32 { post = [UInt8](repeating: 0, count: 32) }
        put32(&post, 0, 0x0003_0000)
        var out: [String: [UInt8]] = [
            "head": newHead, "hhea": newHhea, "maxp": newMaxp, "glyf": newGlyf, "loca": newLoca, "hmtx": newHmtx,
            "cmap": cmap(used.mapValues { renumber[$0] ?? 0 }), "post": post,
        ]
        for tag in kept { if let range = tables[tag], range.upperBound <= font.count { out[tag] = Array(font[range]) } }
        if let name { out["name"] = nameTable(name) }
        return Data(assemble(out))
    }

    /// Table tag → byte range, for face `faceIndex` (a collection names each face's directory).
    static func directory(_ font: [UInt8], faceIndex: Int) throws -> [String: Range<Int>] {
        guard font.count >= 12 else { throw Failure(description: "不是字体文件 / not a font file") }
        var start = 0
        if tag(font, 0) == "ttcf" {
            let count = Int(u32(font, 8))
            guard faceIndex < count, font.count >= 16 + faceIndex * 4 else {
                throw Failure(description: "字体集合中没有第 \(faceIndex) 个字体 / no face \(faceIndex) in the collection")
            }
            start = Int(u32(font, 12 + faceIndex * 4))
        }
        guard start + 12 <= font.count else { throw Failure(description: "字体文件已损坏 / the font file is damaged") }
        let version = u32(font, start)
        guard version == 0x0001_0000 || tag(font, start) == "true" else {
            throw Failure(
                description: tag(font, start) == "OTTO"
                    ? "字体轮廓为 CFF，只能嵌入 TrueType 轮廓 / CFF outlines: only TrueType outlines are embedded"
                    : "不是 TrueType 字体 / not a TrueType font")
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<Int(u16(font, start + 4)) {
            let record = start + 12 + index * 16
            guard record + 16 <= font.count else { break }
            let offset = Int(u32(font, record + 8))
            tables[tag(font, record)] = offset..<(offset + Int(u32(font, record + 12)))
        }
        return tables
    }

    /// A composite glyph's components: each one's glyph index and where that index sits in the font.
    static func components(_ font: [UInt8], _ range: Range<Int>) -> [(glyph: Int, offset: Int)] {
        guard range.count >= 10, Int16(bitPattern: u16(font, range.lowerBound)) < 0 else { return [] }
        var result: [(Int, Int)] = []
        var position = range.lowerBound + 10
        while position + 4 <= range.upperBound {
            let flags = u16(font, position)
            result.append((Int(u16(font, position + 2)), position + 2))
            position += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 {
                position += 2
            } else if flags & 0x0040 != 0 {
                position += 4
            } else if flags & 0x0080 != 0 {
                position += 8
            }
            if flags & 0x0020 == 0 { break }
        }
        return result
    }

    /// The font's character-to-glyph map from its best Unicode subtable (format 12, else format 4).
    static func characterMap(_ cmap: ArraySlice<UInt8>) throws -> (UInt32) -> Int? {
        var format4: Int?
        var format12: Int?
        for index in 0..<Int(u16(cmap, 2)) {
            let record = 4 + index * 8
            let platform = u16(cmap, record)
            let encoding = u16(cmap, record + 2)
            let offset = Int(u32(cmap, record + 4))
            guard platform == 3 || platform == 0, offset + 2 <= cmap.count else { continue }
            let format = u16(cmap, offset)
            if format == 12, platform == 0 || encoding == 10 { format12 = offset }
            if format == 4, platform == 0 || encoding == 1 { format4 = format4 ?? offset }
        }
        let table = Array(cmap)
        if let start = format12 {
            let groups = Int(u32(table, start + 12))
            return { code in
                var (low, high) = (0, groups - 1)
                while low <= high {
                    let middle = (low + high) / 2
                    let group = start + 16 + middle * 12
                    let first = u32(table, group)
                    let last = u32(table, group + 4)
                    if code < first {
                        high = middle - 1
                    } else if code > last {
                        low = middle + 1
                    } else {
                        return Int(u32(table, group + 8) + code - first)
                    }
                }
                return nil
            }
        }
        guard let start = format4 else {
            throw Failure(description: "字体没有 Unicode 字符映射 / the font has no Unicode cmap")
        }
        let segments = Int(u16(table, start + 6)) / 2
        return { code in
            guard code <= 0xFFFF else { return nil }
            for segment in 0..<segments {
                let end = u16(table, start + 14 + segment * 2)
                guard code <= end else { continue }
                let startCode = u16(table, start + 16 + segments * 2 + segment * 2)
                guard code >= startCode else { return nil }
                let delta = u16(table, start + 16 + segments * 4 + segment * 2)
                let rangeOffsetAt = start + 16 + segments * 6 + segment * 2
                let rangeOffset = Int(u16(table, rangeOffsetAt))
                if rangeOffset == 0 { return Int(UInt16(truncatingIfNeeded: code &+ UInt32(delta))) }
                let at = rangeOffsetAt + rangeOffset + Int(code - UInt32(startCode)) * 2
                guard at + 2 <= table.count else { return nil }
                let glyph = u16(table, at)
                return glyph == 0 ? nil : Int(UInt16(truncatingIfNeeded: UInt32(glyph) &+ UInt32(delta)))
            }
            return nil
        }
    }
}
