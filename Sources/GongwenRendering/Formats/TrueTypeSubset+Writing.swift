/// The subset's own tables and the font file around them (OpenType spec: table directory, checksums,
/// `head.checkSumAdjustment`), and the big-endian reads and writes both halves use.
extension TrueTypeSubset {
    /// A cmap of `map` (character → new glyph): format 4 under (3,1) for the Basic Multilingual Plane, every
    /// reader's minimum, and format 12 under (3,10) for all of it.
    static func cmap(_ map: [Unicode.Scalar: Int]) -> [UInt8] {
        let pairs = map.map { (code: $0.key.value, glyph: $0.value) }.sorted { $0.code < $1.code }
        let bmp = pairs.filter { $0.code < 0xFFFF }
        // Format 4: one segment a character (a document uses a few hundred), then the closing 0xFFFF.
        let segments = bmp.count + 1
        var format4: [UInt8] = []
        append16(&format4, 4)
        append16(&format4, UInt16(16 + segments * 8))
        append16(&format4, 0)
        append16(&format4, UInt16(segments * 2))
        var power = 1
        var log = 0
        while power * 2 <= segments {
            power *= 2
            log += 1
        }
        append16(&format4, UInt16(power * 2))
        append16(&format4, UInt16(log))
        append16(&format4, UInt16(segments * 2 - power * 2))
        for pair in bmp { append16(&format4, UInt16(pair.code)) }
        append16(&format4, 0xFFFF)
        append16(&format4, 0)
        for pair in bmp { append16(&format4, UInt16(pair.code)) }
        append16(&format4, 0xFFFF)
        for pair in bmp { append16(&format4, UInt16(truncatingIfNeeded: pair.glyph - Int(pair.code))) }
        append16(&format4, 1)
        for _ in 0..<segments { append16(&format4, 0) }
        var format12: [UInt8] = []
        append16(&format12, 12)
        append16(&format12, 0)
        append32(&format12, UInt32(16 + pairs.count * 12))
        append32(&format12, 0)
        append32(&format12, UInt32(pairs.count))
        for pair in pairs {
            append32(&format12, pair.code)
            append32(&format12, pair.code)
            append32(&format12, UInt32(pair.glyph))
        }
        var table: [UInt8] = []
        append16(&table, 0)
        append16(&table, 2)
        append16(&table, 3)
        append16(&table, 1)
        append32(&table, 20)
        append16(&table, 3)
        append16(&table, 10)
        append32(&table, UInt32(20 + format4.count))
        return table + format4 + format12
    }

    /// A `name` table (format 0) naming a subset, Windows platform (3, Unicode BMP 1, en-US 0x409), UTF-16BE:
    /// family (1), subfamily (2, Regular), unique identifier (3), full name (4) and PostScript name (6); records
    /// sorted by name ID as the OpenType spec requires.
    static func nameTable(_ name: TrueTypeSubset.SubsetName) -> [UInt8] {
        let records: [(id: UInt16, text: String)] = [
            (1, name.family), (2, "Regular"), (3, name.postScript), (4, name.family), (6, name.postScript),
        ]
        var table: [UInt8] = []
        append16(&table, 0)
        append16(&table, UInt16(records.count))
        append16(&table, UInt16(6 + 12 * records.count))
        var strings: [UInt8] = []
        for record in records {
            let bytes = record.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            for value in [3, 1, 0x409, record.id, UInt16(bytes.count), UInt16(strings.count)] as [UInt16] {
                append16(&table, value)
            }
            strings += bytes
        }
        return table + strings
    }

    /// The font file: tables in tag order, each padded to four bytes, with its checksum; then the whole
    /// file's checksum adjustment in `head`.
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var out: [UInt8] = []
        append32(&out, 0x0001_0000)
        append16(&out, UInt16(tags.count))
        var power = 1
        var log = 0
        while power * 2 <= tags.count {
            power *= 2
            log += 1
        }
        append16(&out, UInt16(power * 16))
        append16(&out, UInt16(log))
        append16(&out, UInt16(tags.count * 16 - power * 16))
        var offset = 12 + tags.count * 16
        var body: [UInt8] = []
        var headOffset = 0
        for tag in tags {
            let table = tables[tag] ?? []
            if tag == "head" { headOffset = offset }
            out += Array(tag.utf8)
            append32(&out, checksum(table))
            append32(&out, UInt32(offset))
            append32(&out, UInt32(table.count))
            body += table
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + tags.count * 16 + body.count
        }
        out += body
        put32(&out, headOffset + 8, 0xB1B0_AFBA &- checksum(out))
        return out
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < bytes.count ? bytes[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }

    static func tag<C: Collection<UInt8>>(_ bytes: C, _ at: Int) -> String where C.Index == Int {
        String(decoding: (0..<4).map { bytes[bytes.startIndex + at + $0] }, as: UTF8.self)
    }

    /// Big-endian reads at `at` bytes from the collection's start (nothing past its end: zero).
    static func u16<C: Collection<UInt8>>(_ bytes: C, _ at: Int) -> UInt16 where C.Index == Int {
        let index = bytes.startIndex + at
        guard at >= 0, index + 2 <= bytes.endIndex else { return 0 }
        return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    static func u32<C: Collection<UInt8>>(_ bytes: C, _ at: Int) -> UInt32 where C.Index == Int {
        UInt32(u16(bytes, at)) << 16 | UInt32(u16(bytes, at + 2))
    }

    static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        append16(&bytes, UInt16(value >> 16))
        append16(&bytes, UInt16(value & 0xFFFF))
    }

    static func put16(_ bytes: inout [UInt8], _ at: Int, _ value: UInt16) {
        bytes[at] = UInt8(value >> 8)
        bytes[at + 1] = UInt8(value & 0xFF)
    }

    static func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        put16(&bytes, at, UInt16(value >> 16))
        put16(&bytes, at + 2, UInt16(value & 0xFFFF))
    }
}
