import ArgumentParser
import Foundation
import GongwenBuild
import Hummingbird

/// `gongwen-serve`: the office's page in its browser, on this machine. Its own executable, so that the
/// first `swift run gongwen build` does not compile the web server's dependencies.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gongwen-serve",
        abstract:
            "在本机浏览器中使用（概况、收表、检查、生成、下载）/ The office's local web page: overview, import, check, build, download.")

    @Argument(help: "活动数据文件夹 / the campaign folder (default: the bundled sample campaign)")
    var campaign: String?

    @Option(name: .shortAndLong, help: "输出文件夹 / the output folder")
    var output = "output"

    @Option(help: "端口 / the port")
    var port = 8080

    @Option(
        help:
            "监听地址（默认仅本机；其他地址需访问令牌）/ the address to listen on (default 127.0.0.1; any other needs the printed token)"
    )
    var host = "127.0.0.1"

    public init() {}

    public func run() throws {
        var options = WebServer.Options(
            campaign: campaign.map { URL(fileURLWithPath: $0) } ?? BundledResources.sampleCampaign,
            output: URL(fileURLWithPath: output))
        options.host = host
        options.port = port
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        if !local { options.accessToken = WebServer.randomToken() }
        let server = WebServer(options: options)
        // Read and check the campaign once before listening, so the first page is as quick as the next.
        _ = server.overview()
        let address = "http://\(host):\(port)/" + (options.accessToken.map { "?token=\($0)" } ?? "")
        // Written and flushed at once: whoever started the server through a pipe or into a log file (a service
        // manager, a script) needs this line, with its access token, while the server runs, not when it ends.
        Self.announce("在浏览器中打开 / open in a browser: \(address)（Ctrl+C 停止 / to stop）")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            do {
                try await server.application().runService()
            } catch {
                failure = error
            }
            done.signal()
        }
        done.wait()
        if let failure { throw failure }
    }

    /// A line to standard output, written at once (write(2), no buffer) whatever standard output is.
    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
