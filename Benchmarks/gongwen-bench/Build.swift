import Foundation
import GongwenModel
import GongwenReaders
import GongwenTestSupport

/// `gongwen-bench build CAMPAIGN OUT [RUNS] [FLAGS…]`: the whole build as the office runs it — the `gongwen`
/// binary beside this one, `gongwen build CAMPAIGN -o OUT`, in a process of its own — RUNS times (default 3),
/// each into a fresh folder, FLAGS passed on (`--ofd`); wall time and peak resident memory per run, then the
/// medians, as JSON lines.
///
/// Beside each run, interleaved, the peer issue 24 measures against: libxlsxwriter writing the same
/// declarations as one worksheet in constant-memory mode (`../shared/bench/xlsx_c.c`, compiled here when
/// libxlsxwriter-dev is installed; GONGWEN_PEER_SOURCE names another copy). The figure that survives this
/// machine's ±20 % swings is the ratio of the medians, measured in the same run.
func benchmarkBuild(_ arguments: [String]) -> Never {
    let campaign = URL(fileURLWithPath: arguments[2])
    let output = URL(fileURLWithPath: arguments[3])
    let runs = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
    let flags = Array(arguments.dropFirst(5))
    let gongwen = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("gongwen").path
    guard FileManager.default.isExecutableFile(atPath: gongwen) else {
        fail("\(gongwen) not found: swift build -c release --product gongwen first")
    }
    let peer = PeerWorkbook.prepare(campaign: campaign)
    if peer == nil {
        print("{\"peer\": \"libxlsxwriter not available: no ratio (apt-get install libxlsxwriter-dev)\"}")
    }
    var builds: [Double] = []
    var peers: [Double] = []
    for run in 1...runs {
        if let peer {
            let (seconds, peak) = timed(peer.binary, [peer.data, peer.output, "cm"])
            peers.append(seconds)
            print(
                "{\"run\": \(run), \"peer\": \"xlsx_c cm\", \"rows\": \(peer.rows), \"seconds\": "
                    + "\(String(format: "%.2f", seconds)), \"peak_rss_mb\": \(peak >> 20)}")
        }
        try? FileManager.default.removeItem(at: output)
        let (seconds, peak) = timed(gongwen, ["build", campaign.path, "-o", output.path] + flags)
        builds.append(seconds)
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: output.path).count) ?? 0
        print(
            "{\"run\": \(run), \"build\": \"gongwen build \(flags.joined(separator: " "))\", \"paths\": \(files), \"seconds\": "
                + "\(String(format: "%.2f", seconds)), \"peak_rss_mb\": \(peak >> 20)}")
    }
    let build = builds.sorted()[builds.count / 2]
    var summary = "{\"median_build_seconds\": \(String(format: "%.2f", build)), \"runs\": \(runs)"
    if !peers.isEmpty {
        let peer = peers.sorted()[peers.count / 2]
        summary +=
            ", \"median_peer_seconds\": \(String(format: "%.2f", peer)), \"ratio\": \(String(format: "%.1f", build / peer))"
    }
    print(summary + "}")
    exit(0)
}

/// Runs `program` with `arguments` in a process of its own (``MeasuredProcess``), its output discarded; wall
/// seconds and peak RSS in bytes. Exits on failure.
func timed(_ program: String, _ arguments: [String]) -> (seconds: Double, peak: Int) {
    let start = Date()
    guard let outcome = try? MeasuredProcess.run(URL(fileURLWithPath: program), arguments) else {
        fail("cannot run \(program)")
    }
    let seconds = Date().timeIntervalSince(start)
    guard outcome.status == 0 else {
        fail("\(program) \(arguments.joined(separator: " ")) failed (status \(outcome.status))")
    }
    return (seconds, outcome.peak)
}

/// libxlsxwriter's program from ../shared/bench/xlsx_c.c, compiled, and the campaign's declarations as the
/// TSV it reads (gen_data.py's columns: seq company credit_code industry district project_name leader phone
/// email recommender award).
struct PeerWorkbook {
    var binary: String
    var data: String
    var output: String
    var rows: Int

    static func prepare(campaign: URL) -> PeerWorkbook? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let source =
            ProcessInfo.processInfo.environment["GONGWEN_PEER_SOURCE"]
            ?? here.appendingPathComponent("../../../shared/bench/xlsx_c.c").standardized.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-bench-peer")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("xlsx_c").path
        guard FileManager.default.fileExists(atPath: source),
            FileManager.default.fileExists(atPath: "/usr/include/xlsxwriter.h")
        else { return nil }
        _ = timed("/usr/bin/cc", ["-O2", "-o", binary, source, "-lxlsxwriter"])
        guard let data = CampaignReader().read(folder: campaign).data else { fail("cannot read \(campaign.path)") }
        func clean(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        var tsv = ""
        for declaration in data.declarations {
            let fields = [
                declaration.serial, declaration.applicant, declaration.creditCode, declaration.industry,
                declaration.district, declaration.projectName, declaration.projectLead, declaration.phone,
                declaration.email, declaration.recommender, "",
            ]
            tsv += fields.map(clean).joined(separator: "\t") + "\n"
        }
        let path = folder.appendingPathComponent("declarations.tsv").path
        guard FileManager.default.createFile(atPath: path, contents: Data(tsv.utf8)) else {
            fail("cannot write \(path)")
        }
        return PeerWorkbook(
            binary: binary, data: path, output: folder.appendingPathComponent("peer.xlsx").path,
            rows: data.declarations.count)
    }
}
