import GongwenModel

/// A laid-out page, in millimetres from the page's top-left corner: what a fixed-layout writer (OFD) draws and
/// what a test measures. Each text run carries its glyphs' advances, so its characters sit exactly where the
/// layout put them whatever the reader's font.
public struct LaidOutPage: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        /// Left edge and baseline.
        public var x: Double
        public var baseline: Double
        public var text: String
        public var font: String
        /// Size in millimetres (1 pt = 0.3528 mm).
        public var size: Double
        /// Advance after each character but the last, in millimetres.
        public var advances: [Double]
        public var red = false

        public var width: Double { advances.reduce(0, +) + (text.last.map { Self.advance($0, size: size) } ?? 0) }

        /// A character's advance at `size` mm: an em for Chinese, Times' width for Latin.
        static func advance(_ character: Character, size: Double) -> Double {
            TextWidth.ems(String(character)) * size
        }
    }

    /// A straight rule.
    public struct Rule: Sendable, Equatable {
        public var x1: Double, y1: Double, x2: Double, y2: Double
        public var width: Double
        public var red = false
    }

    public var width = 210.0
    public var height = 297.0
    public var runs: [Run] = []
    public var rules: [Rule] = []

    public init(width: Double = 210, height: Double = 297) {
        self.width = width
        self.height = height
    }
}

/// The GB/T 9704-2012 page in millimetres (standards.md §1.1): A4, 天头 37, 订口 28, type area 156 × 225, 22
/// lines of 28 characters.
enum GBT9704Page {
    static let top = 37.0, left = 28.0, typeWidth = 156.0, typeHeight = 225.0
    static var bottom: Double { top + typeHeight }
    static let lines = 22
    static var linePitch: Double { typeHeight / Double(lines) }  // 10.227 mm
    static var characterPitch: Double { typeWidth / 28 }  // 5.571 mm
    /// Point to millimetre.
    static func mm(_ points: Double) -> Double { points * 25.4 / 72 }
    /// The page number's 一字线 7 mm below the type area (§7.5).
    static let pageNumberDrop = 7.0
}
