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
    public static func split(_ title: String, maximumWidth: Double, extraTerms: Set<String> = []) -> [String] {
        let total = width(title)
        guard total > maximumWidth else { return [title] }
        let words = words(title, extraTerms: extraTerms)
        let widths = words.map { width($0) }
        var offsets = [0.0]
        for value in widths { offsets.append((offsets.last ?? 0) + value) }
        var lineCount = Int((total / maximumWidth).rounded(.up))
        while lineCount <= words.count {
            if let breaks = bestBreaks(offsets, lines: lineCount, maximumWidth: maximumWidth) {
                var lines: [String] = []
                var start = 0
                for end in breaks + [words.count] {
                    lines.append(words[start..<end].joined())
                    start = end
                }
                return lines
            }
            lineCount += 1  // a word too wide for the balanced count: one more line
        }
        return [title]
    }

    /// Word indexes where lines start (after the first), minimising the squared distance of each line from
    /// the mean width; a line's position weighs in a little so that, on a tie, the longer line comes first.
    static func bestBreaks(_ offsets: [Double], lines: Int, maximumWidth: Double) -> [Int]? {
        let count = offsets.count - 1
        let target = offsets[count] / Double(lines)
        // cost[k][i]: best cost of putting words 0..<i on k lines; choice[k][i]: where line k starts.
        var cost = Array(repeating: Array(repeating: Double.infinity, count: count + 1), count: lines + 1)
        var choice = Array(repeating: Array(repeating: 0, count: count + 1), count: lines + 1)
        cost[0][0] = 0
        for line in 1...lines {
            for end in line...count {
                for start in (line - 1)..<end where cost[line - 1][start].isFinite {
                    let lineWidth = offsets[end] - offsets[start]
                    guard lineWidth <= maximumWidth else { continue }
                    let deviation = lineWidth - target
                    let value =
                        cost[line - 1][start] + deviation * deviation - Double(lines - line + 1) * lineWidth * 1e-6
                    if value < cost[line][end] {
                        cost[line][end] = value
                        choice[line][end] = start
                    }
                }
            }
        }
        guard cost[lines][count].isFinite else { return nil }
        var breaks: [Int] = []
        var end = count
        for line in stride(from: lines, to: 1, by: -1) {
            end = choice[line][end]
            breaks.insert(end, at: 0)
        }
        return breaks
    }
}
