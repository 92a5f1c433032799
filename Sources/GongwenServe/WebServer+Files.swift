import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import Hummingbird

/// What leaves the server as a file (a build's file by its path and SHA-256, the blank form) and what every
/// POST must carry.
extension WebServer {
    struct Listing: Decodable {
        struct Entry: Decodable {
            var path: String
            var sha256: String
            var documentNumber: String?
            var kind: String?
        }
        var files: [Entry]
    }

    /// The last build's manifest, if there is one that reads.
    func listing() -> Listing? {
        guard let data = try? Data(contentsOf: options.output.appendingPathComponent("manifest.json")) else {
            return nil
        }
        return try? JSONDecoder().decode(Listing.self, from: data)
    }

    /// The last build's files, as the page lists them: only entries whose path lies inside the output folder
    /// (a manifest edited to name another file lists nothing for it).
    func lastFiles() -> [WebPage.File] {
        (listing()?.files ?? []).filter { OutputPath.resolve($0.path, inside: options.output) != nil }.map { entry in
            WebPage.File(
                path: entry.path, sha256: entry.sha256, documentNumber: entry.documentNumber ?? "",
                isHTML: entry.path.hasSuffix(".html"), kind: entry.kind ?? "")
        }
    }

    /// Content-Security-Policy of a built HTML file shown in the browser: a sandbox of its own (no access to
    /// this server's pages, its cookie or its token), its inline styles and its layout script, nothing fetched.
    static let viewedFilePolicy =
        "sandbox allow-scripts allow-modals; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'"

    /// A file of the last build, named by its path and the start of its SHA-256 (`/file?sha256=…&path=…`;
    /// `&view=1` shows an HTML file in the browser). The path must be listed in manifest.json, resolve inside
    /// the output folder, and the file's bytes must still be the ones listed and linked; otherwise the page says
    /// what happened to it instead of serving anything.
    func download(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        guard let path = query.get("path").map({ String($0) }), let linked = query.get("sha256").map({ String($0) }),
            linked.count >= 8
        else {
            return try gone("链接不完整 / the link is incomplete", status: .badRequest)
        }
        guard let entry = listing()?.files.first(where: { $0.path == path }) else {
            return try gone("“\(path)”不在上次生成的文件中（已重新生成或删除），请在文件列表中重新打开 / not among the last build's files")
        }
        guard entry.sha256.lowercased().hasPrefix(linked.lowercased()) else {
            return try gone("“\(path)”已重新生成，此链接指向旧版本，请在文件列表中重新打开 / the file was rebuilt since this link was made")
        }
        guard let url = OutputPath.resolve(path, inside: options.output) else {
            return try gone("清单中的路径越出输出文件夹，已拒绝 / the manifest's path leaves the output folder", status: .forbidden)
        }
        guard let data = try? Data(contentsOf: url) else {
            return try gone("“\(path)”已不存在 / the file is gone")
        }
        guard FileDigest.sha256(data) == entry.sha256.lowercased() else {
            return try gone("“\(path)”在生成后被改动，与清单不符 / the file was changed after the build", status: .conflict)
        }
        var headers = HTTPFields()
        let view = query.get("view") == "1" && path.hasSuffix(".html")
        if view {
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentSecurityPolicy] = Self.viewedFilePolicy
        } else {
            headers[.contentType] = "application/octet-stream"
            let name = (path as NSString).lastPathComponent
            let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "file"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// A page saying why a link serves nothing (404 unless `status` says otherwise), with the current files.
    func gone(_ message: String, status: HTTPResponse.Status = .notFound) throws -> Response {
        var page = blankPage(message)
        page.files = lastFiles()
        return try self.page(page, status: status)
    }

    /// The blank 附件2 form to send to the recommenders, made now as `gongwen blank-form` makes it.
    func blankForm() throws -> Response {
        do {
            let (form, _) = try BlankForm.make(campaign: options.campaign, templates: nil)
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let name =
                "空白申报表.xlsx".addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "form.xlsx"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(name)"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: form)))
        } catch {
            var page = blankPage("空白表无法生成 / the blank form cannot be made")
            page.lines = [error.description]
            return try self.page(page, status: .internalServerError)
        }
    }

    /// A recommender's form to send back: its refused rows, each wrong cell marked with the reason
    /// (`?recommender=ID`, an id of campaign.yaml; nothing else from the request is used).
    func returnedForm(_ request: Request) throws -> Response {
        let id = request.uri.queryParameters.get("recommender").map { String($0) } ?? ""
        do {
            guard let (recommender, form) = try ReturnedForms.make(campaign: options.campaign, recommender: id) else {
                return try page(blankPage("这个推荐单位没有待改的行 / nothing to send back"), status: .notFound)
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let name =
                ReturnedForms.fileName(for: recommender).addingPercentEncoding(
                    withAllowedCharacters: CharacterSet.alphanumerics) ?? "returned.xlsx"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(name)"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: form)))
        } catch {
            var page = blankPage("退回表无法生成 / the returned form cannot be made")
            page.lines = [(error as? GongwenError)?.message ?? "\(error)"]
            return try self.page(page, status: .internalServerError)
        }
    }

    /// Why a POST is refused, decided from its address and headers alone (before any of its body is read):
    /// the page's form token must be in its address (`?token=`, as the page's forms send it) or the
    /// `X-Gongwen-Token` header; a cross-site request (Sec-Fetch-Site, which no page can forge) is refused
    /// whatever it carries; a browser's Origin, when it names one, must be this server as the browser reached
    /// it. (Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` with the page's own forms, so
    /// "null" is not a refusal by itself; the token and Sec-Fetch-Site decide.)
    func refusal(_ request: Request) -> Response? {
        let token = request.uri.queryParameters.get("token").map({ String($0) }) ?? request.headers[.gongwenToken]
        guard token == formToken else { return Self.refused() }
        if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" { return Self.refused() }
        if let origin = request.headers[.origin], origin != "null" {
            guard let host = request.head.authority, origin == "http://\(host)" || origin == "https://\(host)" else {
                return Self.refused()
            }
        }
        return nil
    }

    static func refused(
        _ reason: String = "请求未通过来源或令牌检查 / the request failed the origin or token check",
        status: HTTPResponse.Status = .forbidden
    ) -> Response {
        Response(status: status, headers: .closing(), body: .init(byteBuffer: ByteBuffer(string: reason)))
    }
}

/// A path from manifest.json turned into a path inside the output folder, or nil: never absolute, never with
/// `..`, `.` or an empty part, and — symbolic links followed — still inside the folder. (Whether a file is
/// there is the caller's to find out.)
enum OutputPath {
    static func resolve(_ path: String, inside folder: URL) -> URL? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return nil }
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let file = folder.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL.path
        guard file.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        return URL(fileURLWithPath: file)
    }
}

extension WebServer {
    /// One recommender's rows as they stand, before any build (`?id=` an id of campaign.yaml), and the rows
    /// of its last form still refused, with why.
    func recommenderPage(_ request: Request) -> WebPage {
        let id = request.uri.queryParameters.get("id").map { String($0) } ?? ""
        let read = CampaignReader().read(folder: options.campaign)
        guard let data = read.data, let recommender = data.campaign.recommenders.first(where: { $0.id == id }) else {
            return blankPage("没有这个推荐单位 / no such recommender")
        }
        var page = blankPage(recommender.name)
        page.detailHeader = ["行", "申报单位名称", "统一社会信用代码", "项目名称", "项目负责人", "联系方式", "收到日期"]
        let rows: [Declaration] = data.declarationsByRecommender()[id] ?? []
        page.detailRows = rows.map { row -> [String] in
            let received: String = row.received?.iso ?? ""
            return [
                String(row.origin.row), row.applicant, row.creditCode, row.projectName, row.projectLead, row.phone,
                received,
            ]
        }
        page.lines = ["已收申报 \(page.detailRows.count) 行 / \(page.detailRows.count) rows"]
        if let refused = RefusedRows(campaign: options.campaign).load()[id] {
            page.lines.append("上次交来的“\(refused.file)”中有 \(refused.rows.count) 行未导入，待改正后重交：")
            for row in refused.rows {
                for problem in row.problems {
                    page.problems.append(
                        WebPage.Problem(
                            place: "\(refused.file) 第\(row.row)行 \(row.values["projectName"] ?? "")", code: "refused",
                            chinese: problem.chinese, english: problem.english, severity: "error"))
                }
            }
        }
        return page
    }
}
