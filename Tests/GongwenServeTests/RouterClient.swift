import HTTPTypes
import Hummingbird
import NIOCore
import NIOEmbedded

/// Requests sent straight to the application's router, no socket, as HummingbirdTesting's `.router` mode
/// sends them, with Hummingbird's public API only.
///
/// Not HummingbirdTesting itself: it links AsyncHTTPClient and through it swift-nio-ssl's copy of BoringSSL
/// (about 1,200 build steps), which the tests never used, so every fresh `swift test` compiled them for
/// nothing (issue 26). Tests that need a real connection use `WebServer.listening` and `RawConnection`.
struct RouterClient<Responder: HTTPResponder>: Sendable
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let responder: Responder
    let makeContext: @Sendable () -> Responder.Context

    /// Sends one request and hands its answer, body read to the end, to `check`.
    @discardableResult
    func execute<Value>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        check: (RoutedResponse) async throws -> Value = { $0 }
    ) async throws -> Value {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(
                method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = makeContext()
        let response: Hummingbird.Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as HTTPResponseError {
            response = Hummingbird.Response(status: error.status)  // as the server answers a thrown HTTPError
        } catch {
            response = Hummingbird.Response(status: .internalServerError)
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        return try await check(RoutedResponse(head: response.head, body: collector.buffer))
    }
}

/// An answer as the tests read it: status, headers and the whole body.
struct RoutedResponse: Sendable {
    let head: HTTPResponse
    let body: ByteBuffer
    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.headerFields }
}

/// Gathers a response body as the router writes it (a class: the body consumes the writer it is given).
final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()
    func write(_ part: ByteBuffer) async throws { buffer.writeImmutableBuffer(part) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

extension ApplicationProtocol
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    /// Runs `body` with a client whose requests go straight to this application's router.
    func routed<Value>(_ body: (RouterClient<Responder>) async throws -> Value) async throws -> Value {
        let logger = self.logger
        return try await body(
            RouterClient(responder: try await responder) {
                Responder.Context(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
            })
    }
}
