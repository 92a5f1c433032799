import Foundation
import GongwenDocuments

/// The overview (title, deadline, each recommender's rows and errors, documents issued) is read and checked
/// from the campaign's files: a quarter of a second at 10,000 declarations. Every page shows it — the progress
/// page reloads each second while a build runs — so it is kept while what it depends on stays the same: each
/// file of the campaign folder and the last manifest (name, size, modification time, inode: an atomic rewrite
/// changes the inode) and the day (days left). A changed file is read again on the next page.
final class OverviewCache: @unchecked Sendable {
    private let lock = NSLock()
    private var key: String?
    private var page: WebPage?

    /// The page kept for `key`, or `make()`'s, kept from now on.
    func page(for key: String, make: () -> WebPage) -> WebPage {
        if let kept = lock.withLock({ self.key == key ? page : nil }) { return kept }
        let made = make()
        lock.withLock {
            self.key = key
            self.page = made
        }
        return made
    }

    /// What the overview depends on, as one string.
    static func fingerprint(campaign: URL, manifest: URL, today: String) -> String {
        let files = FileManager.default
        var parts = [today]
        let names = (try? files.contentsOfDirectory(atPath: campaign.path))?.sorted() ?? []
        for url in names.map({ campaign.appendingPathComponent($0) }) + [manifest] {
            guard let attributes = try? files.attributesOfItem(atPath: url.path) else {
                parts.append("\(url.lastPathComponent):-")
                continue
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.int64Value ?? -1
            parts.append("\(url.lastPathComponent):\(size):\(modified):\(inode)")
        }
        return parts.joined(separator: "\n")
    }
}

/// One value kept for one key (the originality warnings for a fingerprint of the files they come from).
final class KeptValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var key: String?
    private var kept: Value?

    func value(for key: String, make: () -> Value) -> Value {
        if let value = lock.withLock({ self.key == key ? kept : nil }) { return value }
        let made = make()
        lock.withLock {
            self.key = key
            self.kept = made
        }
        return made
    }
}
