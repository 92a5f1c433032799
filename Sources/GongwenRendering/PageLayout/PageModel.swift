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

extension LaidOutPage {
    /// The page with each run's Latin characters (those TextWidth measures narrower than an em: letters,
    /// digits, half-width marks) drawn in `latinFont`, as Word draws a run's ASCII in its `w:ascii` font (Times
    /// New Roman in a 公文): the advances were measured with Times' widths, so Times' glyphs fill them. Runs in
    /// a font of `keeping` stay whole (the page number is 半角宋体, §7.5). Positions do not change.
    public func drawingLatin(in latinFont: String, keeping: Set<String> = []) -> LaidOutPage {
        var page = self
        page.runs = runs.flatMap { run -> [Run] in
            guard !keeping.contains(run.font), run.font != latinFont else { return [run] }
            let characters = Array(run.text)
            func isLatin(_ character: Character) -> Bool { TextWidth.ems(String(character)) < 1 }
            guard characters.contains(where: isLatin) else { return [run] }
            var pieces: [Run] = []
            var start = 0
            var x = run.x
            while start < characters.count {
                let latin = isLatin(characters[start])
                var end = start + 1
                while end < characters.count, isLatin(characters[end]) == latin { end += 1 }
                let advances = Array(run.advances[min(start, run.advances.count)..<min(end - 1, run.advances.count)])
                pieces.append(
                    Run(
                        x: x, baseline: run.baseline, text: String(characters[start..<end]),
                        font: latin ? latinFont : run.font, size: run.size, advances: advances, red: run.red))
                x += run.advances[min(start, run.advances.count)..<min(end, run.advances.count)].reduce(0, +)
                start = end
            }
            return pieces
        }
        return page
    }
}

/// The GB/T 9704-2012 page in millimetres (standards.md §1.1): A4, 天头 37, 订口 28, type area 156 × 225, 22
/// lines of 28 characters. The one source of these numbers: ``GBT9704`` derives the DOCX's twips from them,
/// and a test holds the HTML templates' CSS to them.
enum GBT9704Page {
    /// §5.1: A4.
    static let width = 210.0, height = 297.0
    static let top = 37.0, left = 28.0, typeWidth = 156.0, typeHeight = 225.0
    static var bottom: Double { top + typeHeight }
    /// The margins the type area leaves: 26 mm on the right, 35 mm at the foot.
    static var rightMargin: Double { width - left - typeWidth }
    static var bottomMargin: Double { height - top - typeHeight }
    /// §7.2.4: the mark's upper edge 35 mm below the type area's top; §7.2.7: the red rule 4 mm below the 文号.
    static let markOffset = 35.0, ruleGap = 4.0
    static let lines = 22
    static var linePitch: Double { typeHeight / Double(lines) }  // 10.227 mm
    static var characterPitch: Double { typeWidth / 28 }  // 5.571 mm
    /// Point to millimetre.
    static func mm(_ points: Double) -> Double { points * 25.4 / 72 }
    /// The page number's 一字线 7 mm below the type area (§7.5).
    static let pageNumberDrop = 7.0
}
