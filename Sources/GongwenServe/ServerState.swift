import Dispatch
import Foundation
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

/// The running build's steps, and its result page once it ends.
actor BuildProgress {
    var steps: [String] = []
    var running = false
    var result: WebPage?
    /// Documents made so far in the render step (the step that takes minutes at scale).
    var documents = 0

    func start() {
        steps = []
        running = true
        result = nil
        documents = 0
    }

    func document() {
        if running { documents += 1 }
    }

    func step(_ step: String) {
        if running, !steps.contains(step) { steps.append(step) }
    }

    func finish(_ page: WebPage) {
        running = false
        result = page
    }

    func state() -> (steps: [String], running: Bool, result: WebPage?) {
        var shown = steps
        if running, documents > 0, let last = shown.indices.last {
            shown[last] += "：已完成 \(documents) 份文件 / \(documents) documents made"
        }
        return (shown, running, result)
    }
}

/// A flag read without waiting (pages are made synchronously) and set from the build's thread.
final class RunningFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false

    var value: Bool { lock.withLock { running } }

    func set(_ value: Bool) { lock.withLock { running = value } }
}
