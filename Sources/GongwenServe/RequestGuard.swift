import Foundation
import HTTPTypes
import Hummingbird

/// The page is on 127.0.0.1, and so is every website the clerk's browser opens: a page elsewhere can send the
/// browser here (a forged form, a frame), and a name of its own that resolves to 127.0.0.1 makes the browser
/// treat this server as that site (DNS rebinding). What stops each, before any route runs:
///
/// - **Host.** A request must name this server as the browser reached it: 127.0.0.1, localhost or [::1] (or
///   the `--host` address) with this port. A rebinding name (`evil.example:8080`) gets 421 and nothing else:
///   no page, no token, no file (RFC 9110 §15.5.20, Misdirected Request).
/// - **The access token** (serving beyond this machine, `--host`): `?token=` once sets a cookie.
///
/// The headers every answer carries are added as it leaves (``SecureResponses``), so that answers made
/// before or without a route carry them too.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// Host names this server answers to (lower case, IPv6 in brackets).
    let hosts: Set<String>
    let port: Int
    let accessToken: String?

    init(host: String, port: Int, accessToken: String?) {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        hosts.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host.lowercased())
        self.hosts = hosts
        self.port = port
        self.accessToken = accessToken
    }

    /// Whether `authority` (the Host header) names this server.
    func serves(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased(), !authority.isEmpty else { return false }
        var name = authority
        var givenPort: Int?
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            name = String(authority[..<colon])
            guard let number = Int(authority[authority.index(after: colon)...]) else { return false }
            givenPort = number
        }
        // A browser leaves out the scheme's default port; any other port must be this server's (port 0, a port
        // the system picks, is only used by tests).
        if let givenPort, port != 0, givenPort != port { return false }
        return hosts.contains(name)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard serves(request.head.authority) else {
            return Response(
                status: .misdirectedRequest, headers: .closing(),
                body: .init(byteBuffer: ByteBuffer(string: "此地址不由本服务器提供 / this server does not serve that host")))
        }
        var response: Response
        if let accessToken, let refusal = Self.accessRefusal(request, token: accessToken) {
            response = refusal
        } else {
            response = try await next(request, context)
            if let accessToken, request.uri.queryParameters.get("token") == accessToken {
                response.headers[.setCookie] = "gongwen-access=\(accessToken); HttpOnly; SameSite=Strict; Path=/"
            }
        }
        return response
    }

    /// 401 unless the request carries the access token (as `?token=` or the cookie it set).
    static func accessRefusal(_ request: Request, token: String) -> Response? {
        if request.uri.queryParameters.get("token") == token { return nil }
        let cookies = request.headers[.cookie] ?? ""
        if cookies.split(separator: ";").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == "gongwen-access=\(token)"
        }) {
            return nil
        }
        return Response(
            status: .unauthorized, body: .init(byteBuffer: ByteBuffer(string: "需要访问令牌 / an access token is required")))
    }
}
