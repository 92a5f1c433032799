import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenOOXML
import Hummingbird

/// The last build's files as one zip: the whole output, or one folder of it (`/zip?folder=公文`). Only files
/// manifest.json lists and that lie inside the output go in; the zip is written to a temporary file and sent
/// in pieces, so a large output costs disk, not memory.
extension WebServer {
    func zip(_ request: Request) throws -> Response {
        let folder = request.uri.queryParameters.get("folder").map { String($0) } ?? ""
        let files = lastFiles().filter { folder.isEmpty || $0.path.hasPrefix(folder + "/") }
        guard !files.isEmpty else {
            return try gone("没有可打包的文件（请先生成）/ nothing to zip (build first)")
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-zip-\(Self.randomToken()).zip")
        do {
            let sink = try FileSink(url: temporary)
            let writer = ZipWriter(sink: sink)
            for file in files {
                guard let url = OutputPath.resolve(file.path, inside: options.output),
                    let data = try? Data(contentsOf: url, options: .mappedIfSafe)
                else { continue }
                try writer.add(file.path, data)
            }
            try writer.finish()
            try sink.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return try gone("打包失败 / the zip could not be made", status: .internalServerError)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int) ?? nil
        let name = (folder.isEmpty ? "全部文件" : folder.replacingOccurrences(of: "/", with: "-")) + ".zip"
        var headers = HTTPFields()
        headers[.contentType] = "application/zip"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "output.zip"
        headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(at: temporary) }
            let handle = try FileHandle(forReadingFrom: temporary)
            defer { try? handle.close() }
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
                try await writer.write(ByteBuffer(data: piece))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
