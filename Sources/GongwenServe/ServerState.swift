import Dispatch
import GongwenDocuments
import Hummingbird

/// One import or build at a time: a second is told so instead of waiting on the locks.
actor OperationGate {
    var busy = false

    /// Takes the gate for work that releases it later (a background build).
    func claim() -> Bool {
        guard !busy else { return false }
        busy = true
        return true
    }

    func release() {
        busy = false
    }

    /// Runs blocking `work` (an import) on a thread of its own while holding the gate; nil when it is taken.
    nonisolated func runBlocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        guard await claim() else { return nil }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
        await release()
        return result
    }
}

/// With an access token (serving beyond this machine): `?token=` once sets a cookie; every request needs one.
struct AccessCheck<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token else { return try await next(request, context) }
        if request.uri.queryParameters.get("token") == token {
            var response = try await next(request, context)
            response.headers[.setCookie] = "gongwen-access=\(token); HttpOnly; SameSite=Strict; Path=/"
            return response
        }
        let cookies = request.headers[.cookie] ?? ""
        guard
            cookies.split(separator: ";").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == "gongwen-access=\(token)"
            })
        else {
            return Response(
                status: .unauthorized,
                body: .init(byteBuffer: ByteBuffer(string: "需要访问令牌 / an access token is required")))
        }
        return try await next(request, context)
    }
}

/// The running build's steps, and its result page once it ends.
actor BuildProgress {
    var steps: [String] = []
    var running = false
    var result: WebPage?

    func start() {
        steps = []
        running = true
        result = nil
    }

    func step(_ step: String) {
        if running, !steps.contains(step) { steps.append(step) }
    }

    func finish(_ page: WebPage) {
        running = false
        result = page
    }

    func state() -> (steps: [String], running: Bool, result: WebPage?) { (steps, running, result) }
}
