/// Splits a document title into centred lines without breaking words (GB/T 9704-2012 §7.3.1: "回行时，要做到
/// 词意完整，排列对称，长短适宜，间距恰当"; several lines form a trapezoid or diamond).
///
/// Words come from longest-match segmentation against a lexicon of 公文 vocabulary plus the caller's own
/// terms (area, organiser), with a run of digits and the 年 after it kept as one word; any other character is
/// a word of its own. The title takes as few lines as the width allows, broken at word boundaries so the
/// lines are as equal as possible (a trapezoid or diamond, either way up); on a tie the upper line is longer.
public enum TitleLines {
    /// Words that must not be split, common in campaign titles.
    public static let lexicon: Set<String> = [
        "关于", "下达", "印发", "开展", "做好", "表彰", "公布", "质量", "攻关", "质量攻关", "重点", "项目", "重点项目",
        "计划", "通知", "决定", "通报", "名单", "活动", "方案", "获奖", "成果", "小组", "优秀", "推荐", "单位",
        "推荐单位", "工作", "领导小组", "办公室", "质量月", "天津市", "滨海新区", "申报", "评选", "结果", "年度",
        "优秀成果", "优秀小组", "优秀推荐单位", "宣贯", "培训", "宣贯培训", "发表会", "成果发表会", "全市", "发表",
    ]

    /// Marks that never start a line (GB/T 15834's closing punctuation): each stays with the word before it.
    static let closing: Set<Character> = ["、", "，", "。", "；", "：", "？", "！", "）", "》", "」", "”", "’"]

    /// Display width in characters: CJK and full-width forms 1, ASCII (digits in 2019) ½.
    public static func width(_ text: some StringProtocol) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x80 ? 0.5 : 1) }
    }

    /// Words of `title`.
    public static func words(_ title: String, extraTerms: Set<String> = []) -> [String] {
        let terms = lexicon.union(extraTerms)
        let longest = terms.map(\.count).max() ?? 1
        let characters = Array(title)
        var words: [String] = []
        var index = 0
        while index < characters.count {
            // A template tag ({{year}}) is one word: a title in a Word template must not break inside it.
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                var end = index + 2
                while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
                end = min(characters.count, end + 2)
                words.append(String(characters[index..<end]))
                index = end
                continue
            }
            if characters[index].isASCII, characters[index].isNumber {
                var end = index
                while end < characters.count, characters[end].isASCII,
                    characters[end].isNumber || characters[end] == "."
                {
                    end += 1
                }
                if end < characters.count, characters[end] == "年" { end += 1 }
                words.append(String(characters[index..<end]))
                index = end
                continue
            }
            if closing.contains(characters[index]), !words.isEmpty {
                words[words.count - 1].append(characters[index])
                index += 1
                continue
            }
            var length = min(longest, characters.count - index)
            while length > 1, !terms.contains(String(characters[index..<index + length])) { length -= 1 }
            words.append(String(characters[index..<index + length]))
            index += length
        }
        return words
    }

    /// The title's lines, each at most `maximumWidth` characters wide.
    ///
    /// Linear in the title's length: a word wider than a line can never fit, so a title with one is returned
    /// whole; the fewest lines the words fit in is counted by filling lines in order (which no other breaking
    /// beats); and those lines are balanced (``bestBreaks(_:lines:maximumWidth:)``) up to
    /// ``balancedLineLimit`` lines — past that a "title" is a paragraph, set line after line as filled.
    /// (Issue 21: counting up from the width's quotient and balancing every count took 15.7 s for a
    /// 6,000-character title and hours for a 3.5 M one.)
    public static func split(_ title: String, maximumWidth: Double, extraTerms: Set<String> = []) -> [String] {
        let total = width(title)
        guard total > maximumWidth else { return [title] }
        let words = words(title, extraTerms: extraTerms)
        let widths = words.map { width($0) }
        guard (widths.max() ?? 0) <= maximumWidth else { return [title] }
        let filled = filledBreaks(widths, maximumWidth: maximumWidth)
        var offsets = [0.0]
        for value in widths { offsets.append((offsets.last ?? 0) + value) }
        let lineCount = filled.count + 1
        let breaks =
            lineCount <= balancedLineLimit
            ? bestBreaks(offsets, lines: lineCount, maximumWidth: maximumWidth) ?? filled : filled
        var lines: [String] = []
        var start = 0
        for end in breaks + [words.count] {
            lines.append(words[start..<end].joined())
            start = end
        }
        return lines
    }

    /// The most lines a title is balanced over; a longer text is filled line by line.
    public static let balancedLineLimit = 12

    /// Where lines start when each is filled with as many words as fit: the fewest lines possible.
    static func filledBreaks(_ widths: [Double], maximumWidth: Double) -> [Int] {
        var breaks: [Int] = []
        var lineWidth = 0.0
        for (index, value) in widths.enumerated() {
            if lineWidth + value > maximumWidth, index > 0 {
                breaks.append(index)
                lineWidth = 0
            }
            lineWidth += value
        }
        return breaks
    }

    /// Word indexes where lines start (after the first), minimising the squared distance of each line from
    /// the mean width; a line's position weighs in a little so that, on a tie, the longer line comes first.
    ///
    /// Dynamic programming over (line, end word), restricted to the ends a line can have: line k ends where
    /// k full lines reach and the remaining lines can still hold the rest, and starts at most a line's width
    /// before it. With the fewest lines that window is about one line wide, so the work grows with the
    /// title's length rather than with its cube (a 6,000-character title took 15.7 s before).
    static func bestBreaks(_ offsets: [Double], lines: Int, maximumWidth: Double) -> [Int]? {
        let count = offsets.count - 1
        let target = offsets[count] / Double(lines)
        let slack = 1e-9
        /// The first index whose offset is at least `value` (offsets ascend).
        func firstIndex(atLeast value: Double) -> Int {
            var low = 0
            var high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // window[k]: the ends line k can have; cost[k][i - window[k].lowerBound] and choice likewise.
        var windows: [ClosedRange<Int>] = [0...0]
        var costs: [[Double]] = [[0]]
        var choices: [[Int]] = [[0]]
        for line in 1...lines {
            let low = max(line, firstIndex(atLeast: offsets[count] - Double(lines - line) * maximumWidth - slack))
            let high = min(count, firstIndex(atLeast: Double(line) * maximumWidth + slack) - 1)
            guard low <= high else { return nil }
            let previous = windows[line - 1]
            var cost = Array(repeating: Double.infinity, count: high - low + 1)
            var choice = Array(repeating: 0, count: high - low + 1)
            for end in low...high {
                let first = max(previous.lowerBound, line - 1, firstIndex(atLeast: offsets[end] - maximumWidth - slack))
                let last = min(previous.upperBound, end - 1)
                guard first <= last else { continue }
                for start in first...last {
                    let before = costs[line - 1][start - previous.lowerBound]
                    guard before.isFinite else { continue }
                    let lineWidth = offsets[end] - offsets[start]
                    guard lineWidth <= maximumWidth else { continue }
                    let deviation = lineWidth - target
                    let value = before + deviation * deviation - Double(lines - line + 1) * lineWidth * 1e-6
                    if value < cost[end - low] {
                        cost[end - low] = value
                        choice[end - low] = start
                    }
                }
            }
            windows.append(low...high)
            costs.append(cost)
            choices.append(choice)
        }
        guard let last = windows.last, last.contains(count), costs[lines][count - last.lowerBound].isFinite else {
            return nil
        }
        var breaks: [Int] = []
        var end = count
        for line in stride(from: lines, to: 1, by: -1) {
            end = choices[line][end - windows[line].lowerBound]
            breaks.append(end)
        }
        return breaks.reversed()
    }
}
