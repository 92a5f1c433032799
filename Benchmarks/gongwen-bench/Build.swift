import Foundation
import GongwenBuild

/// `gongwen-bench build CAMPAIGN OUT [RUNS]`: the whole build as the office runs it (`gongwen build`: lock,
/// read, validate, check templates, render on every core into the staging folder, manifest, swap), RUNS times
/// (default 3), each into a fresh folder. Prints each step's seconds and the peak resident memory of the
/// process (/proc/self/status VmHWM) per run, then the median, as JSON lines.
func benchmarkBuild(_ arguments: [String]) -> Never {
    let campaign = URL(fileURLWithPath: arguments[2])
    let output = URL(fileURLWithPath: arguments[3])
    let runs = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
    var totals: [Double] = []
    for run in 1...runs {
        try? FileManager.default.removeItem(at: output)
        var context = BuildContext(
            campaignFolder: campaign, templatesFolder: BundledResources.templates, outputFolder: output)
        var steps: [String] = []
        let start = Date()
        do {
            try BuildPipeline(steps: BuildStep.all).run(&context) { _, _, _ in
            } finished: { _, _, name, seconds in
                steps.append("\"\(name)\": \(String(format: "%.2f", seconds))")
            }
        } catch {
            fail("build failed: \(error)")
        }
        let seconds = Date().timeIntervalSince(start)
        totals.append(seconds)
        let peak = (MemoryUse.peak() ?? 0) >> 20
        print(
            "{\"run\": \(run), \"files\": \(context.files.count), \"seconds\": \(String(format: "%.2f", seconds)), "
                + "\"peak_rss_mb\": \(peak), \"steps\": {\(steps.joined(separator: ", "))}}")
    }
    let median = totals.sorted()[totals.count / 2]
    print("{\"median_seconds\": \(String(format: "%.2f", median)), \"runs\": \(runs)}")
    exit(0)
}
