import CGongwenZlib
import Foundation
import ZIPFoundation

/// A zip archive read defensively: entry names that leave the archive (`../`, absolute paths) are refused,
/// and parts are inflated into memory only up to the limits, counting the bytes as they come, so a zip bomb
/// stops at the cap instead of filling memory.
struct SafeArchive {
    let archive: Archive
    let limits: ImportLimits
    let copy: TemporaryCopy
    var inflated = 0

    /// The bytes in a private temporary file, removed when the archive is done with. ZIPFoundation's
    /// memory-backed archive traps (a negative length) when a damaged directory points past the end of the
    /// data, which the seeded fuzz test found; its file-backed archive reads through stdio and fails cleanly.
    final class TemporaryCopy {
        let url: URL

        init(_ data: Data) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gongwen-import-\(UUID().uuidString).xlsx")
            try data.write(to: url)
        }

        deinit {
            try? FileManager.default.removeItem(at: url)
        }
    }

    init(data: Data, limits: ImportLimits) throws(ImportRefusal) {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw ImportRefusal(
                "不是 XLSX（Excel）文件：内容不是 zip 格式", "not an XLSX (Excel) file: the content is not a zip archive")
        }
        if let (entry, reason) = ZipConsistency.problem(in: data) {
            throw ImportRefusal("文件已损坏：\(entry)：\(reason)", "damaged file: \(entry): \(reason)")
        }
        guard let copy = try? TemporaryCopy(data) else {
            throw ImportRefusal("无法建立临时副本", "cannot make a temporary copy to read")
        }
        guard let archive = try? Archive(url: copy.url, accessMode: .read, pathEncoding: nil) else {
            throw ImportRefusal("XLSX 文件已损坏，无法打开", "the XLSX file is damaged and cannot be opened")
        }
        self.copy = copy
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw ImportRefusal(
                    "压缩包条目过多（超过\(limits.entries)个）", "more than \(limits.entries) entries in the archive")
            }
            let path = entry.path
            if path.hasPrefix("/") || path.hasPrefix("\\")
                || path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
            {
                throw ImportRefusal(
                    "压缩包含有指向外部的路径“\(path)”，已拒绝", "entry \"\(path)\" points outside the archive; refused")
            }
        }
        self.archive = archive
        self.limits = limits
    }

    /// The bytes of `path`, or nil when the archive has no such part.
    mutating func part(_ path: String) throws(ImportRefusal) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        let limits = self.limits
        let already = inflated
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limits.entryBytes || already + data.count > limits.totalBytes {
                    throw ImportRefusal(
                        "“\(path)”解压后超过大小上限（疑似压缩炸弹）", "\"\(path)\" inflates past the size limit (a zip bomb?)")
                }
                let compressed = max(1, Int(entry.compressedSize))
                if data.count > 1 << 20, data.count / compressed > limits.compressionRatio {
                    throw ImportRefusal(
                        "“\(path)”压缩比异常（超过\(limits.compressionRatio)倍，疑似压缩炸弹）",
                        "\"\(path)\" has a compression ratio over \(limits.compressionRatio) (a zip bomb?)")
                }
            }
        } catch let refusal as ImportRefusal {
            throw refusal
        } catch {
            throw ImportRefusal(
                "文件已损坏：“\(path)”无法解压", "damaged file: \"\(path)\" cannot be inflated (\(error))")
        }
        // The part's own CRC-32, whatever the reader checked: a stored part whose bytes were changed still
        // parses, but it is not what was saved.
        let crc = data.withUnsafeBytes { buffer -> UInt32 in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
            return UInt32(crc32(0, base, uInt(buffer.count)))
        }
        guard crc == entry.checksum, UInt64(data.count) == entry.uncompressedSize else {
            throw ImportRefusal(
                "文件已损坏：“\(path)”的校验值（CRC-32）不符", "damaged file: \"\(path)\" fails its CRC-32 check")
        }
        inflated += data.count
        return data
    }
}
