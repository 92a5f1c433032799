import Foundation
import GongwenBuild
import GongwenOOXML
import GongwenRendering
import GongwenTemplates

// gongwen-bench: the speed and memory figures the issues ask for, measured on a release build.
//
//   swift build -c release --product gongwen-bench
//   .build/release/gongwen-bench xlsx IN.tsv OUT.xlsx [LEVEL]
//   .build/release/gongwen-bench certificates IN.tsv OUTDIR [COUNT]
//   .build/release/gongwen-bench build CAMPAIGN OUT [RUNS]     (the whole `gongwen build`, see Build.swift)
//   .build/release/gongwen-bench hash FOLDER                    (SHA-256 of every file, see Hashing.swift)
//
// IN.tsv is what ../shared/bench/gen_data.py --tsv writes (the peers read the same file). The declaration
// table goes through the product's own path (Templates/declaration-table/form.yaml, TableWorkbook,
// streamed worksheet, zip to a file), so memory stays flat whatever the row count. Peak memory is measured
// from outside (/usr/bin/time -v); this prints rows, seconds and rows per second as one JSON line.
#if canImport(Glibc)
    import Glibc
#endif

/// Lines of a text file, read one at a time with getline(3).
final class LineReader: Sequence, IteratorProtocol {
    let file: UnsafeMutablePointer<FILE>
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0

    init?(path: String) {
        guard let file = fopen(path, "r") else { return nil }
        self.file = file
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    func next() -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length > 0, let buffer else { return nil }
        let count = buffer[length - 1] == 10 ? length - 1 : length
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "hash" { benchmarkHashing(arguments) }
if arguments.count >= 2, arguments[1] == "certificates-ofd" { benchmarkCertificateOFD(arguments + ["1000"]) }
if arguments.count >= 2, arguments[1] == "ofd" {
    benchmarkOFD(arguments + ["1000", "5"].suffix(max(0, 4 - arguments.count)))
}
guard arguments.count >= 4, ["xlsx", "certificates", "build"].contains(arguments[1]) else {
    fail(
        "usage: gongwen-bench xlsx IN.tsv OUT.xlsx [zlib level, default 6]\n"
            + "       gongwen-bench certificates IN.tsv OUTDIR [count, default 10000]\n"
            + "       gongwen-bench build CAMPAIGN OUT [runs, default 3] [gongwen build flags, e.g. --ofd]\n"
            + "       gongwen-bench ofd [rows, default 1000] [runs, default 5]\n"
            + "       gongwen-bench certificates-ofd [count, default 1000]\n"
            + "       gongwen-bench hash FOLDER")
}
if arguments[1] == "build" { benchmarkBuild(arguments) }
if arguments[1] == "certificates" { benchmarkCertificates(arguments) }
let level = arguments.count > 4 ? Int32(arguments[4]) ?? 6 : 6
let start = Date()
guard let counter = LineReader(path: arguments[2]) else { fail("cannot open \(arguments[2])") }
let rowCount = counter.reduce(0) { count, _ in count + 1 }

do {
    let layout = try FormLayout.load(
        document: .declarationTable, from: TemplateFolder(root: BundledResources.templates))
    // TSV fields: seq company credit_code industry district project_name leader phone email recommender award
    let source = TableSheetSource(
        name: layout.sheetName, annexLabel: "附件 2", title: "2019年滨海新区质量攻关重点项目申报表",
        recommenderLine: "推荐单位(公章):", signOff: ["推荐部门负责人：", "填报人：", "联系人电话：", "日期："],
        notes: ["注：1.此表由申报单位填写完成后汇总至推荐单位。"], rowCount: rowCount,
        rows: {
            guard let lines = LineReader(path: arguments[2]) else { return AnyIterator { nil } }
            return AnyIterator {
                guard let line = lines.next() else { return nil }
                // Split on the tab byte: Character-level splitting would measure grapheme breaking instead.
                let f = line.utf8.split(separator: 9, omittingEmptySubsequences: false).map {
                    String(decoding: $0, as: UTF8.self)
                }
                guard f.count >= 9 else { return nil }
                return .data([
                    .number(Int(f[0]) ?? 0, .center), .text(f[1], .text), .text(f[2], .code), .text(f[3], .center),
                    .text(f[4], .center), .text(f[5], .text), .text(f[6], .center), .text(f[7], .code),
                    .text(f[8], .text),
                ])
            }
        })
    let package = TableWorkbook(layout: layout).package(
        [source], core: CorePropertiesPart(title: "benchmark", creator: "gongwen", created: nil))
    let sink = try FileSink(url: URL(fileURLWithPath: arguments[3]))
    try package.write(to: ZipWriter(sink: sink, level: level))
    try sink.close()
} catch {
    fail("gongwen-bench: \(error)")
}
let seconds = Date().timeIntervalSince(start)
print(
    "{\"task\":\"xlsx\",\"rows\":\(rowCount),\"level\":\(level),\"seconds\":\(String(format: "%.3f", seconds)),"
        + "\"rows_per_second\":\(Int(Double(rowCount) / seconds))}")
