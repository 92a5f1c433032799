import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Every answer that leaves the server, whichever part of it made the answer (a route, the request guard,
/// Hummingbird's own 404 for an unknown path), passes here on its way out:
///
/// - it gets the headers that keep another site's page from using it: no framing (`frame-ancestors 'none'`,
///   `X-Frame-Options: DENY`), no type sniffing, no referrer (a form's address carries the form token), not
///   kept in caches, and a Content-Security-Policy (the page's own unless a route set a stricter one — a built
///   HTML file is shown in a sandbox);
/// - an answer that says `Connection: close` (a refused upload) closes the connection once written: a body
///   the server refused before reading it is then never read, however much of it the sender keeps sending.
final class SecureResponses: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The page's own policy: its styles inline, nothing from elsewhere, no script, forms only to itself.
    static let pagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    private var closing = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            closing = head.headerFields[.connection]?.lowercased() == "close"
            Self.secure(&head.headerFields)
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closing else { return context.write(data, promise: promise) }
            closing = false
            context.writeAndFlush(data, promise: promise)
            context.close(promise: nil)
        }
    }

    static func secure(_ headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = pagePolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        headers[.cacheControl] = "no-store"
    }
}

extension HTTPFields {
    /// A refusal's headers: the connection closes after it, so an unread body is never read.
    static func closing(_ contentType: String = "text/plain; charset=utf-8") -> HTTPFields {
        [.connection: "close", .contentType: contentType]
    }
}

extension HTTPField.Name {
    // Names of valid header tokens: `init?` cannot fail on them.
    static let xFrameOptions = Self("X-Frame-Options") ?? .contentSecurityPolicy
    static let referrerPolicy = Self("Referrer-Policy") ?? .contentSecurityPolicy
    static let secFetchSite = Self("Sec-Fetch-Site") ?? .contentSecurityPolicy
    static let gongwenToken = Self("X-Gongwen-Token") ?? .contentSecurityPolicy
}
