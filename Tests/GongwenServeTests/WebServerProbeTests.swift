import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenTestSupport
import Hummingbird
import NIOCore
import Testing

@testable import GongwenServe

/// The page probed as a website in the clerk's browser, or another program on the machine, would probe it
/// (issue 21): a rebinding Host, a token-less upload that keeps coming, connections left half-open, links kept
/// from an earlier build, a manifest edited to name a file outside the output, and the headers every answer
/// carries. Each case is answered without a page, a token or a file it should not give.
struct WebServerProbeTests {
    func server(idleTimeout: TimeAmount = .seconds(10)) throws -> (TemporaryFolder, WebServer) {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        var options = WebServer.Options(campaign: copy, output: folder.url.appendingPathComponent("output"))
        options.host = "127.0.0.1"
        options.port = 0
        options.idleTimeout = idleTimeout
        return (folder, WebServer(options: options, formToken: "form-token-0123456789"))
    }

    static func head(_ response: Data) -> String {
        String(decoding: response.prefix(while: { $0 != 0x0D }), as: UTF8.self)
    }

    @Test func aRebindingHostGetsNeitherThePageNorItsToken() async throws {
        let (folder, server) = try server()
        _ = folder
        try await server.listening { port in
            try await offThePool {
                for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)"] {
                    let connection = try RawConnection(port: port, timeout: 30)
                    connection.send(
                        "GET / HTTP/1.1\r\nHost: \(host)\r\nOrigin: http://\(host)\r\nConnection: close\r\n\r\n")
                    let response = connection.receive()
                    let text = String(decoding: response, as: UTF8.self)
                    #expect(Self.head(response) == "HTTP/1.1 421 Misdirected Request", "\(host)")
                    #expect(!text.contains("form-token-0123456789") && !text.contains("<h1>"), "\(host)")
                }
                // A request without a Host at all (HTTP/1.0) is not this server's either.
                let bare = try RawConnection(port: port, timeout: 30)
                bare.send("GET / HTTP/1.0\r\n\r\n")
                #expect(Self.head(bare.receive(limit: 40)).contains("421"))
                for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LOCALHOST"] {
                    let connection = try RawConnection(port: port, timeout: 30)
                    connection.send("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                    let response = connection.receive()
                    #expect(Self.head(response) == "HTTP/1.1 200 OK", "\(host)")
                    #expect(String(decoding: response, as: UTF8.self).contains("form-token-0123456789"))
                }
                // An import through a rebinding name changes nothing.
                let connection = try RawConnection(port: port, timeout: 30)
                connection.send(
                    "POST /import?token=form-token-0123456789 HTTP/1.1\r\nHost: evil.example:\(port)\r\n"
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                #expect(Self.head(connection.receive()).contains("421"))
            }
        }
    }

    @Test func onlyThisServersNamesAndPortAreServed() {
        let guarded = RequestGuard<BasicRequestContext>(host: "192.168.1.5", port: 8080, accessToken: "t")
        for host in [
            "127.0.0.1:8080", "localhost:8080", "[::1]:8080", "127.0.0.1", "LocalHost:8080", "192.168.1.5:8080",
        ] {
            #expect(guarded.serves(host), "\(host)")
        }
        for host in [
            "localhost:1", "127.0.0.1:80800", "evil.example:8080", "evil.example", "", "127.0.0.2:8080",
            "localhost.:8080", "[::2]:8080", "127.0.0.1:8080@evil", "127.0.0.1:",
        ] {
            #expect(!guarded.serves(host), "\(host)")
        }
        #expect(!guarded.serves(nil))
    }

    @Test func aTokenlessUploadIsRefusedBeforeItsBodyAndTheConnectionClosed() async throws {
        let (folder, server) = try server()
        let before = try TemporaryFolder.contents(of: server.options.campaign)
        try await server.listening { port in
            try await offThePool {
                let connection = try RawConnection(port: port, timeout: 20)
                let size = 200 << 20
                connection.send(
                    "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: \(size)\r\n\r\n")
                // The answer comes with no byte of the body sent, and the server then stops reading: sending
                // the 200 MB fails long before its end.
                let answer = connection.receive(limit: 200)
                #expect(Self.head(answer) == "HTTP/1.1 403 Forbidden", "\(Self.head(answer))")
                let piece = Data(count: 1 << 20)
                var sent = 0
                while sent < size, connection.send(piece) { sent += piece.count }
                #expect(sent < size / 2, "the server read \(sent >> 20) MB of a refused body")
            }
        }
        #expect(try TemporaryFolder.contents(of: server.options.campaign) == before)
        _ = folder
    }

    @Test func halfOpenConnectionsAreClosedAfterTheIdleTime() async throws {
        let (folder, server) = try server(idleTimeout: .milliseconds(500))
        _ = folder
        try await server.listening { port in
            try await offThePool {
                let connections = try (0..<20).map { _ in try RawConnection(port: port, timeout: 10) }
                for connection in connections { connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
                // Each one closed by the server within the idle time (and well before the 10 s read limit).
                let started = Date()
                #expect(connections.allSatisfy { $0.isClosedByServer() })
                #expect(Date().timeIntervalSince(started) < 8)
            }
        }
    }

    @Test func everyAnswerForbidsFramingSniffingAndReferrers() async throws {
        let (folder, server) = try server()
        _ = folder
        // Through a real connection: the headers are added as an answer leaves, whatever made it.
        try await server.listening { port in
            try await offThePool {
                for uri in ["/", "/check", "/build", "/file?path=x&sha256=00000000", "/nowhere"] {
                    let connection = try RawConnection(port: port, timeout: 30)
                    connection.send("GET \(uri) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
                    let response = String(decoding: connection.receive(), as: UTF8.self)
                    let head = response.components(separatedBy: "\r\n\r\n").first ?? ""
                    #expect(
                        head.contains("Content-Security-Policy: ") && head.contains("frame-ancestors 'none'"), "\(uri)")
                    #expect(head.contains("X-Content-Type-Options: nosniff"), "\(uri)")
                    #expect(head.contains("Referrer-Policy: no-referrer"), "\(uri)")
                    #expect(head.contains("X-Frame-Options: DENY"), "\(uri)")
                }
            }
        }
    }

    /// Builds once through the page's own pipeline, then returns the manifest's entries.
    func build(_ server: WebServer) throws -> [[String: Any]] {
        _ = server.runBuild()
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: server.options.output.appendingPathComponent("manifest.json")))
        return try #require((manifest as? [String: Any])?["files"] as? [[String: Any]])
    }

    @Test func aLinkFromAnEarlierBuildNeverServesAnotherFile() async throws {
        let (folder, server) = try server()
        _ = folder
        let files = try build(server)
        let manifestURL = server.options.output.appendingPathComponent("manifest.json")
        let entry = try #require(files.first { ($0["path"] as? String)?.hasSuffix(".html") == true })
        let path = try #require(entry["path"] as? String)
        let digest = try #require(entry["sha256"] as? String)
        let link = WebPage.File.link(path: path, sha256: digest)
        try await server.application().routed { client in
            try await client.execute(uri: link + "&view=1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            }
            // Rebuilt with other bytes: the old link says so instead of serving the new file.
            let url = server.options.output.appendingPathComponent(path)
            try Data("<p>rebuilt</p>".utf8).write(to: url)
            var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
            manifest = manifest.replacingOccurrences(
                of: digest, with: FileDigest.sha256(Data("<p>rebuilt</p>".utf8)))
            try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
            try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("已重新生成"))
                #expect(!String(buffer: response.body).contains("<p>rebuilt</p>"))
            }
            // Changed after the build, the manifest not: refused as changed.
            let current = WebPage.File.link(path: path, sha256: FileDigest.sha256(Data("<p>rebuilt</p>".utf8)))
            try Data("<p>edited</p>".utf8).write(to: url)
            try await client.execute(uri: current, method: .get) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("被改动"))
            }
            // Gone.
            try FileManager.default.removeItem(at: url)
            try await client.execute(uri: current, method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func aManifestEntryOutsideTheOutputIsNeverServed() async throws {
        let (folder, server) = try server()
        let secret = folder.url.appendingPathComponent("secret.txt")
        try Data("SECRET-CONTENT".utf8).write(to: secret)
        let digest = FileDigest.sha256(Data("SECRET-CONTENT".utf8))
        _ = try build(server)
        let manifestURL = server.options.output.appendingPathComponent("manifest.json")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let forged = ["../secret.txt", secret.path, "计划通知/../../secret.txt", "link"]
        try FileManager.default.createSymbolicLink(
            at: server.options.output.appendingPathComponent("link"), withDestinationURL: secret)
        let entries = forged.map { "{\"path\":\"\($0)\",\"size\":6,\"sha256\":\"\(digest)\",\"kind\":\"x\"}," }
        manifest = manifest.replacingOccurrences(of: "\"files\":[", with: "\"files\":[" + entries.joined())
        manifest = manifest.replacingOccurrences(of: "\"files\" : [", with: "\"files\" : [" + entries.joined())
        try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
        // Not listed on the page, and refused when asked for.
        #expect(!server.lastFiles().isEmpty && !server.lastFiles().contains { forged.contains($0.path) })
        try await server.application().routed { client in
            for path in forged {
                try await client.execute(uri: WebPage.File.link(path: path, sha256: digest), method: .get) { response in
                    #expect(response.status == .forbidden, "\(path)")
                    #expect(!String(buffer: response.body).contains("SECRET-CONTENT"), "\(path)")
                }
            }
        }
    }
}

extension WebServer {
    /// Runs the server on 127.0.0.1 at a port the system picks, calls `body` with the port, then stops it.
    /// (HummingbirdTesting's live mode binds "localhost", which may be [::1]; a raw IPv4 probe could then
    /// reach another test's server on the same port number.)
    func listening(_ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let ports = AsyncStream<Int>.makeStream()
        let app = application { port in ports.continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.stream.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            defer { group.cancelAll() }
            try await body(port)
        }
    }
}

/// The whole output, or one folder, as one zip (issue 22): every file the manifest lists, byte for byte.
struct WebZipTests {
    @Test func theOutputAndEachFolderDownloadAsAZip() async throws {
        let folder = try TemporaryFolder()
        let campaign = try folder.copy(Fixtures.campaign("valid-small"), as: "campaign")
        let server = WebServer(
            options: WebServer.Options(campaign: campaign, output: folder.url.appendingPathComponent("output")),
            formToken: "form-token")
        _ = server.runBuild()
        let listed = server.lastFiles()
        try await server.application().routed { client in
            try await client.execute(uri: "/build", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(
                    page.contains("href=\"/zip\"") && page.contains("href=\"/zip?folder=%E7%94%B3%E6%8A%A5%E8%A1%A8\""))
            }
            try await client.execute(uri: "/zip", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/zip")
                let (parts, _) = try PackageParts.read(Data(buffer: response.body))
                #expect(Set(parts.keys) == Set(listed.map(\.path)))
                for file in listed {
                    let url = server.options.output.appendingPathComponent(file.path)
                    #expect(parts[file.path] == (try Data(contentsOf: url)), "\(file.path)")
                }
            }
            try await client.execute(uri: "/zip?folder=%E7%94%B3%E6%8A%A5%E8%A1%A8", method: .get) { response in
                let (parts, _) = try PackageParts.read(Data(buffer: response.body))
                #expect(!parts.isEmpty && parts.keys.allSatisfy { $0.hasPrefix("申报表/") })
            }
            try await client.execute(uri: "/zip?folder=..", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
