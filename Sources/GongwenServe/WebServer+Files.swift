import Foundation
import GongwenBuild
import Hummingbird

/// What leaves the server as a file (a build's file by its manifest number, the blank form) and what every
/// POST must carry.
extension WebServer {
    /// A file of the last build by its number in manifest.json (`?view=1` shows an HTML file in the browser).
    func download(_ request: Request, _ context: some RequestContext) throws -> Response {
        let files = lastFiles()
        guard let index = context.parameters.get("index", as: Int.self), files.indices.contains(index) else {
            return Response(status: .notFound)
        }
        let url = options.output.appendingPathComponent(files[index].path)
        guard let data = try? Data(contentsOf: url) else { return Response(status: .notFound) }
        var headers = HTTPFields()
        let view = request.uri.queryParameters.get("view") == "1" && files[index].isHTML
        headers[.contentType] = view ? "text/html; charset=utf-8" : "application/octet-stream"
        if !view {
            let name = (files[index].path as NSString).lastPathComponent
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// The blank 附件2 form to send to the recommenders, made now as `gongwen blank-form` makes it.
    func blankForm() throws -> Response {
        do {
            let (form, _) = try BlankForm.make(campaign: options.campaign, templates: nil)
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let name = "空白申报表.xlsx".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "form.xlsx"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(name)"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: form)))
        } catch {
            var page = blankPage("空白表无法生成 / the blank form cannot be made")
            page.lines = [error.description]
            return try self.page(page, status: .internalServerError)
        }
    }

    /// A POST's form token must be this page's, and its Origin (when sent) this server.
    func allowed(_ request: Request, token: String?) -> Bool {
        guard token == formToken else { return false }
        // A browser names the page a form came from; it must be this server's.
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority else { return false }
            return origin == "http://\(host)" || origin == "https://\(host)"
        }
        return true
    }

    func formFields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    static func refused(_ reason: String = "请求未通过来源或令牌检查 / the request failed the origin or token check") -> Response {
        Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: reason)))
    }
}
