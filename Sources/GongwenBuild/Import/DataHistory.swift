import Foundation

/// Every change gongwen makes to a campaign's data files, kept so that it can be undone byte for byte: the
/// campaign's `.gongwen/history/NNNN/` holds, per change, a copy of each data file as it was before
/// (`before/`) and `entry.json` (when, what came in, the counts, each file's SHA-256 before and after).
///
/// A change is applied in three steps, each of which a kill can interrupt without loss: the entry with the
/// copies is made whole under a temporary name and renamed into place (state `applying`); each file is then
/// replaced atomically; the entry is marked `done`. An entry left `applying` is shown as unfinished, and
/// undoing it puts every file back as it was. An undo is itself a change, recorded the same way, so it can be
/// undone too. The newest ``limit`` entries are kept.
public struct DataHistory: Sendable {
    public struct DataFile: Codable, Sendable, Equatable {
        /// Relative to the campaign folder.
        public var name: String
        /// SHA-256 before and after (nil: the file did not exist).
        public var before: String?
        public var after: String?
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var number: Int
        /// ISO 8601, local time of the machine.
        public var time: String
        /// `import`, `remove` or `undo`.
        public var action: String
        /// The forms that came in, by the names they were given.
        public var uploads: [String]
        public var recommenders: [String]
        /// One line per recommender: what changed.
        public var summary: [String]
        public var files: [DataFile]
        /// `applying`, `done`, or `undone` (by a later entry).
        public var state: String
        /// For an undo: the entry it undid.
        public var undoes: Int?
    }

    public static let limit = 50
    public let campaign: URL

    public init(campaign: URL) {
        self.campaign = campaign
    }

    var folder: URL { campaign.appendingPathComponent(".gongwen/history") }

    /// The entries, newest first.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { Int($0) }.sorted(by: >).compactMap { entry(number: $0) }
    }

    func entry(number: Int) -> Entry? {
        let url = folder.appendingPathComponent(Self.name(number)).appendingPathComponent("entry.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    static func name(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Replaces the data files in `changes` (relative name → new bytes; nil removes the file) as one recorded
    /// change. The caller holds the campaign's lock.
    @discardableResult
    public func apply(
        _ changes: [(name: String, data: Data?)], action: String, uploads: [String] = [], recommenders: [String] = [],
        summary: [String] = [], undoes: Int? = nil
    ) throws(GongwenError) -> Entry {
        let number = (entries().first?.number ?? 0) + 1
        let entryFolder = folder.appendingPathComponent(Self.name(number))
        let staging = folder.appendingPathComponent(
            ".\(Self.name(number))-\(ProcessInfo.processInfo.processIdentifier)")
        var files: [DataFile] = []
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent("before"), withIntermediateDirectories: true)
            for (index, change) in changes.enumerated() {
                let url = campaign.appendingPathComponent(change.name)
                let old = FileManager.default.contents(atPath: url.path)
                if let old {
                    try FileSystem.createFile(staging.appendingPathComponent("before/\(index)").path, data: old)
                }
                files.append(
                    DataFile(
                        name: change.name, before: old.map(FileDigest.sha256), after: change.data.map(FileDigest.sha256)
                    ))
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw GongwenError(
                .io, path: staging.path,
                message: "无法保存修改前的数据，未改动 / the data as it was cannot be kept, so nothing was changed: "
                    + FileSystem.describe(error))
        }
        var entry = Entry(
            number: number, time: Self.now(), action: action, uploads: uploads, recommenders: recommenders,
            summary: summary, files: files, state: "applying", undoes: undoes)
        try write(entry, to: staging)
        guard rename(staging.path, entryFolder.path) == 0 else {
            try? FileManager.default.removeItem(at: staging)
            throw GongwenError(
                .io, path: entryFolder.path,
                message: "无法记录修改，未改动 / the change cannot be recorded, so nothing was changed")
        }
        for change in changes {
            let url = campaign.appendingPathComponent(change.name)
            if let data = change.data {
                try AtomicFile.write(data, to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        entry.state = "done"
        try write(entry, to: entryFolder)
        prune()
        return entry
    }

    /// Puts the data files back as they were before entry `number` (its `before` copies; a file that did not
    /// exist is removed), provided none has changed since: the undo is refused, naming the file, when one has.
    @discardableResult
    public func undo(_ number: Int) throws(GongwenError) -> Entry {
        guard var undone = entry(number: number) else {
            throw GongwenError(
                .usage, path: folder.path, message: "没有第 \(number) 次修改的记录 / there is no change \(number) to undo")
        }
        guard undone.state != "undone" else {
            throw GongwenError(
                .usage, path: folder.path, message: "第 \(number) 次修改已撤销 / change \(number) was already undone")
        }
        let entryFolder = folder.appendingPathComponent(Self.name(number))
        var restore: [(name: String, data: Data?)] = []
        for (index, file) in undone.files.enumerated() {
            let url = campaign.appendingPathComponent(file.name)
            let current = FileManager.default.contents(atPath: url.path).map(FileDigest.sha256)
            // Unfinished entries may have stopped before or after this file was replaced: either is fine.
            let allowed = undone.state == "applying" ? [file.after, file.before] : [file.after]
            guard allowed.contains(current) else {
                throw GongwenError(
                    .invalidData, path: url.path,
                    message:
                        "“\(file.name)”在第 \(number) 次修改之后又有改动，无法撤销（请先撤销之后的修改）/ \(file.name) changed after"
                        + " change \(number); undo the later changes first")
            }
            if file.before == nil {
                restore.append((file.name, nil))
            } else {
                guard
                    let data = FileManager.default.contents(
                        atPath: entryFolder.appendingPathComponent("before/\(index)").path),
                    FileDigest.sha256(data) == file.before
                else {
                    throw GongwenError(
                        .io, path: entryFolder.path,
                        message:
                            "第 \(number) 次修改前的副本缺失或已损坏 / the copy kept before change \(number) is missing or damaged")
                }
                restore.append((file.name, data))
            }
        }
        let entry = try apply(
            restore, action: "undo", recommenders: undone.recommenders,
            summary: ["撤销第 \(number) 次修改 / undid change \(number)"], undoes: number)
        undone.state = "undone"
        try write(undone, to: entryFolder)
        return entry
    }

    func write(_ entry: Entry, to entryFolder: URL) throws(GongwenError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(entry)
        } catch {
            throw GongwenError(.io, path: entryFolder.path, message: FileSystem.describe(error))
        }
        try AtomicFile.write(data, to: entryFolder.appendingPathComponent("entry.json"))
    }

    /// Only the newest ``limit`` entries stay (folders named by a number: the ones this made).
    func prune() {
        let numbers = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap {
            Int($0)
        }.sorted(by: >)
        for number in numbers.dropFirst(Self.limit) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.name(number)))
        }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
