import Dispatch

/// One named step of a build: a function over the build's context. Steps are made by static factories
/// (`.read`, `.validate` …) so the CLI, tests and benchmarks assemble their pipelines from the same parts.
public struct BuildStep: Sendable {
    public let name: String
    let body: @Sendable (inout BuildContext) throws -> Void

    public init(_ name: String, body: @escaping @Sendable (inout BuildContext) throws -> Void) {
        self.name = name
        self.body = body
    }
}

/// Runs steps in order, reports `[i/n] step` to an observer, and names the failing step in any error.
public struct BuildPipeline: Sendable {
    public var steps: [BuildStep]

    public init(steps: [BuildStep]) {
        self.steps = steps
    }

    /// Runs every step; `progress` gets each step's number, the count and its name before it starts, and
    /// `finished` the same with the seconds it took.
    public func run(
        _ context: inout BuildContext, progress: (Int, Int, String) -> Void = { _, _, _ in },
        finished: (Int, Int, String, Double) -> Void = { _, _, _, _ in }
    ) throws(GongwenError) {
        for (index, step) in steps.enumerated() {
            progress(index + 1, steps.count, step.name)
            let start = DispatchTime.now().uptimeNanoseconds
            defer {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                finished(index + 1, steps.count, step.name, seconds)
            }
            do {
                try step.body(&context)
                MemoryUse.returnFreedMemory()
            } catch var error as GongwenError {
                context.staging?.discard()
                error.step = error.step ?? step.name
                throw error
            } catch {
                context.staging?.discard()
                throw GongwenError(.io, step: step.name, message: "\(error)")
            }
        }
    }
}
