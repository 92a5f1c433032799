import Foundation
import GongwenOOXML
import GongwenRendering
import GongwenTemplates

/// Runs a build's document jobs on every core and writes each job's files into the staging folder as soon as
/// the job finishes.
///
/// Each worker takes the next job in order, so at most `width` jobs (and their files) are in memory at once,
/// whatever the campaign's size. The records come back in the jobs' order, so the manifest of a parallel build
/// is byte for byte that of a serial one (`width: 1`).
struct JobRunner {
    var width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Told each job's name and seconds when it ends (for `build --timings`).
    var observe: (@Sendable (String, Double) -> Void)?
    /// Applied to each file once written, in its job: writes a document's OFD copy (``ArchivePackager``) so
    /// its laid-out pages are freed at once.
    var finish: (@Sendable (WrittenFile) throws(GongwenError) -> WrittenFile)?

    func run(_ jobs: [DocumentJob], into staging: StagingFolder) throws(GongwenError) -> [WrittenFile] {
        XMLWellFormedness.prepareForThreads()
        // Heaviest first (longest-processing-time scheduling); ties keep the jobs' order. Results still go
        // by job index, so the order of the files does not depend on the order they were made in.
        let order = jobs.indices.sorted { (jobs[$1].weight, $0) < (jobs[$0].weight, $1) }
        let state = State(count: jobs.count, order: order)
        DispatchQueue.concurrentPerform(iterations: min(width, max(1, jobs.count))) { _ in
            while let index = state.next() {
                do {
                    let start = DispatchTime.now().uptimeNanoseconds
                    defer {
                        if let observe {
                            observe(jobs[index].name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                        }
                    }
                    let files = try jobs[index].make()
                    var written: [WrittenFile] = []
                    for file in files {
                        let done = try staging.write(file)
                        written.append(try finish?(done) ?? done)
                    }
                    state.finish(index, written)
                } catch {
                    state.fail(index, Self.error(error, job: jobs[index].name))
                }
            }
        }
        if let failure = state.failure { throw failure }
        return state.results.flatMap { $0 }
    }

    /// The build's error for a job's failure: a template's with its place, else an I/O error in words.
    static func error(_ error: any Error, job: String) -> GongwenError {
        switch error {
        case let error as GongwenError: error
        case let error as TemplateError: GongwenError(.template, path: error.file, message: error.description)
        default:
            GongwenError(.io, path: job, message: "文件生成失败 / rendering failed: " + FileSystem.describe(error))
        }
    }

    /// The jobs' shared state: the next job, the results in order, the first failure (by job order).
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let order: [Int]
        private var failedAt: Int?
        private(set) var results: [[WrittenFile]]
        private(set) var failure: GongwenError?

        init(count: Int, order: [Int]) {
            results = Array(repeating: [], count: count)
            self.order = order
        }

        func next() -> Int? {
            lock.withLock {
                guard failedAt == nil, nextIndex < order.count else { return nil }
                nextIndex += 1
                return order[nextIndex - 1]
            }
        }

        func finish(_ index: Int, _ files: [WrittenFile]) {
            lock.withLock { results[index] = files }
        }

        func fail(_ index: Int, _ error: GongwenError) {
            lock.withLock {
                if failedAt.map({ index < $0 }) ?? true {
                    failedAt = index
                    failure = error
                }
            }
        }
    }
}
