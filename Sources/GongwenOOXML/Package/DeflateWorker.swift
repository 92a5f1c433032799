import Foundation

/// Deflates a streamed entry on a second thread while the first keeps writing XML: on two cores a large
/// worksheet is written in about the time of the slower of the two jobs instead of their sum.
///
/// Chunks pass through a queue of at most `depth` chunks, so memory stays flat; they are processed in the
/// order given, so the bytes are the same as when deflating on the writing thread.
final class DeflateWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var closing = false
    private var done = false
    private var failure: Error?
    private let depth: Int
    /// Runs on the worker thread only; the entry it deflates is not touched by the writing thread meanwhile.
    private let process: ([UInt8]) throws -> Void

    init(depth: Int = 4, process: @escaping ([UInt8]) throws -> Void) {
        self.depth = depth
        self.process = process
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "gongwen.deflate"
        thread.start()
    }

    /// Hands a chunk over; waits while the queue is full. Rethrows the worker's failure.
    func submit(_ chunk: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(chunk)
        condition.broadcast()
    }

    /// Waits until every chunk is processed and the thread has ended.
    func close() throws {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closing { condition.wait() }
            if queue.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let chunk = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                try process(chunk)
            } catch {
                condition.lock()
                failure = error
                queue.removeAll()
                closing = true
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
