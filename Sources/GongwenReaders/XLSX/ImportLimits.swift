/// What a returned form may be, at most. Files come from outside: every limit is checked against the bytes
/// actually read, never against what the file claims about itself.
public struct ImportLimits: Sendable {
    /// Size of the file on disk.
    public var fileBytes = 50 << 20
    /// Entries in the zip archive.
    public var entries = 1_000
    /// Inflated bytes of one part (a worksheet of 100,000 rows is ~50 MB).
    public var entryBytes = 64 << 20
    /// Inflated bytes of all parts read.
    public var totalBytes = 128 << 20
    /// Inflated ÷ compressed bytes of a part bigger than 1 MB: real sheets compress 5–20 times, bombs 1,000.
    public var compressionRatio = 200
    /// Characters in one cell: Excel's own limit. A longer value is not refused here: its row is, by the
    /// import's checks (`field.too-long`, quoting the start of the value), and the file's other rows go in.
    public var cellCharacters = 32_767
    /// Characters past which one cell refuses the whole file: a value this long is an attack, not a name.
    public var cellHardCap = 1 << 20
    /// Rows of one sheet: Excel's own limit.
    public var rows = 1_048_576

    public init() {}
}

/// Why a file is refused as a whole: one line, named by the import report.
public struct ImportRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var chinese: String
    public var english: String

    public init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }

    public var description: String { "\(chinese) / \(english)" }
}
