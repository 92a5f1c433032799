import Foundation

/// Checks that a zip archive agrees with itself before any of it is read: every central-directory entry's local
/// header is where the directory says, with the same name, and, unless the entry defers them to a data
/// descriptor, the same CRC-32 and sizes. ZIPFoundation reads the central directory and trusts it; a form
/// damaged in an e-mail client or a half-finished download can disagree, and half of it would be read.
/// Together with the CRC-32 of every part (checked as it is inflated), a damaged file is refused as damaged.
enum ZipConsistency {
    /// Nil when consistent; otherwise the entry (or "central directory") and what is wrong.
    static func problem(in data: Data) -> (entry: String, reason: String)? {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var end: Int?
        var position = bytes.count - 22
        while position >= lowest {
            if u32(position) == 0x0605_4B50 {
                end = position
                break
            }
            position -= 1
        }
        guard let end, let count = u16(end + 10), let directoryOffset = u32(end + 16) else {
            return ("central directory", "找不到中央目录（文件被截断？）/ no central directory (a truncated file?)")
        }
        var cursor = directoryOffset
        for _ in 0..<count {
            guard u32(cursor) == 0x0201_4B50, let flags = u16(cursor + 8), let crc = u32(cursor + 16),
                let compressed = u32(cursor + 20), let size = u32(cursor + 24), let nameLength = u16(cursor + 28),
                let extraLength = u16(cursor + 30), let commentLength = u16(cursor + 32),
                let localOffset = u32(cursor + 42), cursor + 46 + nameLength <= bytes.count
            else { return ("central directory", "中央目录不完整 / the central directory is incomplete") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            // ZIP64 keeps the real values in an extra field; such an entry is left to the reader's own checks.
            if [compressed, size, localOffset].contains(0xFFFF_FFFF) {
                cursor += 46 + nameLength + extraLength + commentLength
                continue
            }
            guard u32(localOffset) == 0x0403_4B50, let localFlags = u16(localOffset + 6),
                let localNameLength = u16(localOffset + 26), localOffset + 30 + localNameLength <= bytes.count
            else { return (name, "本地文件头缺失或错位 / its local header is missing or misplaced") }
            let localName = String(
                decoding: bytes[(localOffset + 30)..<(localOffset + 30 + localNameLength)], as: UTF8.self)
            guard localName == name else {
                return (name, "本地文件头的名称为“\(localName)” / its local header names \"\(localName)\"")
            }
            // Bit 3: CRC and sizes follow the data (a data descriptor) and the local header holds zeros.
            if flags & 0x08 == 0, localFlags & 0x08 == 0 {
                guard u32(localOffset + 14) == crc, u32(localOffset + 18) == compressed,
                    u32(localOffset + 22) == size
                else {
                    return (name, "本地文件头与中央目录的校验值或大小不一致 / its local header and the directory disagree")
                }
            }
            guard localOffset + 30 + localNameLength + compressed <= bytes.count else {
                return (name, "数据超出文件末尾（文件被截断？）/ its data runs past the end of the file (truncated?)")
            }
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
