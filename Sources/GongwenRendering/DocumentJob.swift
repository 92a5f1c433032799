import GongwenTemplates

/// One independent piece of a build's rendering: a few files made from values the job was given, sharing
/// nothing mutable with any other job. The build runs jobs on every core and writes each job's files as soon
/// as it finishes; the files keep the order of the jobs, so a parallel build gives the same manifest, byte for
/// byte, as a serial one.
public struct DocumentJob: Sendable {
    /// What the job makes, for messages: `申报表/汇总.docx`.
    public var name: String
    /// Roughly how much work the job is (the rows it renders): the build starts the heaviest first, so that
    /// no core is left alone with a large table at the end.
    public var weight: Int
    public var make: @Sendable () throws -> [RenderedFile]

    public init(_ name: String, weight: Int = 1, make: @escaping @Sendable () throws -> [RenderedFile]) {
        self.name = name
        self.weight = weight
        self.make = make
    }
}

extension Array where Element == DocumentJob {
    /// Every job's files, one job after another (tests and callers that want the files in memory).
    public func renderAll() throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        for job in self { files += try job.make() }
        return files
    }
}
