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
        // An OLE2 compound file (D0 CF 11 E0): an old .xls saved under a new name, or an .xlsx with a password
        // to open (Excel and WPS wrap an encrypted workbook so). Both need the same step from the sender.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ImportRefusal(
                "这是旧版 Excel（.xls）文件，或设置了打开密码的文件：请在 Excel 或 WPS 中打开，取消密码（文件→信息→保护工作簿），"
                    + "再“另存为”Excel 工作簿（.xlsx）后重新上传",
                "an old Excel (.xls) file, or one protected by a password to open: open it in Excel or WPS, remove the"
                    + " password, save it as an Excel workbook (.xlsx) and send it again")
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw ImportRefusal(
                "不是 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中“另存为”Excel 工作簿后重新上传",
                "not an Excel workbook (.xlsx): save it as an Excel workbook in Excel or WPS and send it again")
        }
        if ZipConsistency.problem(in: data) != nil {
            throw ImportRefusal(
                "文件已损坏（可能下载或复制未完成）：请让推荐单位重新发送，或在 Excel 中打开后另存一份",
                "the file is damaged (an unfinished download or copy?): ask for it again, or open it in Excel and save"
                    + " a new copy")
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
