import GongwenTestSupport
import Testing

@testable import GongwenModel

struct TitleLinesTests {
    @Test func aShortTitleIsOneLine() {
        #expect(TitleLines.split("关于表彰优秀推荐单位的通知", maximumWidth: 20) == ["关于表彰优秀推荐单位的通知"])
    }

    @Test func thePlanNoticeTitleSplitsBetweenWordsAsEvenlyAsPossible() {
        // 24 characters wide: 11 + 13 is the most even split that keeps 滨海新区 and 质量攻关 whole.
        let lines = TitleLines.split("关于下达2019年滨海新区质量攻关重点项目计划的通知", maximumWidth: 20)
        #expect(lines == ["关于下达2019年滨海新区", "质量攻关重点项目计划的通知"])
        #expect(lines.allSatisfy { TitleLines.width($0) <= 20 })
    }

    @Test func onATieTheUpperLineIsLonger() {
        // Words 质量攻关 重点项目 计划 通知 are 4 4 2 2 wide: 4 | 8 and 8 | 4 are equally even; 8 | 4 is chosen.
        #expect(TitleLines.split("质量攻关重点项目计划通知", maximumWidth: 10).map { TitleLines.width($0) } == [8, 4])
        // With 的 (13 wide) the most even split is 8 | 5.
        #expect(TitleLines.split("质量攻关重点项目计划的通知", maximumWidth: 10).map { TitleLines.width($0) } == [8, 5])
    }

    @Test func wordsAndYearsStayWhole() {
        #expect(TitleLines.words("关于下达2019年滨海新区计划") == ["关于", "下达", "2019年", "滨海新区", "计划"])
        #expect(TitleLines.words("某某某研究院的通知", extraTerms: ["某某某研究院"]) == ["某某某研究院", "的", "通知"])
    }

    @Test func longTitlesFormBalancedLinesWithinTheWidth() {
        let title = "滨海新区质量工作领导小组办公室关于表彰2019年滨海新区质量攻关活动优秀成果优秀小组和优秀推荐单位的决定"
        let lines = TitleLines.split(title, maximumWidth: 20)
        #expect(lines.count == 3)
        #expect(lines.joined() == title)
        #expect(lines.allSatisfy { TitleLines.width($0) <= 20 })
        let widths = lines.map { TitleLines.width($0) }
        #expect((widths.max() ?? 0) - (widths.min() ?? 0) <= 4, "balanced: \(lines)")
        // No line ends inside a lexicon word.
        let boundaries = lines.dropLast().map { $0 }
        for line in boundaries {
            let tail = TitleLines.words(line).last ?? ""
            #expect(TitleLines.words(title).contains(tail))
        }
    }
}

struct TitleWordsTests {
    @Test func theDecisionsTitleBreaksBetweenWordsAndNoLineStartsWithAMark() {
        let lines = TitleLines.split(
            "关于表彰2019年滨海新区质量攻关活动优秀成果、优秀小组和优秀推荐单位的决定", maximumWidth: 20,
            extraTerms: ["滨海新区"])
        #expect(lines == ["关于表彰2019年滨海新区质量攻关活动", "优秀成果、优秀小组和优秀推荐单位的决定"])
        #expect(TitleLines.words("优秀成果、优秀小组").first == "优秀成果、", "、 stays with the word before it")
    }
}

/// The line balancing restricted to reachable breaks gives the breaks the full dynamic programme gave, and
/// a title thousands of characters long is split at once (issue 21: a 6,000-character campaign title took
/// 15.7 s, a 3.5 M one hours).
struct TitleLinesScaleTests {
    /// The full programme over every (line, end, start), as gongwen had it: the reference.
    static func fullBreaks(_ offsets: [Double], lines: Int, maximumWidth: Double) -> [Int]? {
        let count = offsets.count - 1
        let target = offsets[count] / Double(lines)
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

    @Test func theWindowedBreaksEqualTheFullProgrammesOnSeededTitles() {
        var generator = SeededGenerator(seed: 2019)
        let pieces = ["关于", "质量攻关", "2019年", "、", "的", "优秀推荐单位", "A", "QC", "滨海新区", "项目", "（", "）"]
        for _ in 0..<400 {
            let length = Int.random(in: 1...40, using: &generator)
            let words = (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            var offsets = [0.0]
            for word in words { offsets.append(offsets.last! + TitleLines.width(word)) }
            let maximum = Double(Int.random(in: 4...22, using: &generator))
            let fewest = Int((offsets.last! / maximum).rounded(.up))
            for lines in max(1, fewest)...max(1, min(words.count, fewest + 2)) {
                #expect(
                    TitleLines.bestBreaks(offsets, lines: lines, maximumWidth: maximum)
                        == Self.fullBreaks(offsets, lines: lines, maximumWidth: maximum),
                    "\(words) in \(lines) lines of \(maximum)")
            }
        }
    }

    /// The fewest lines, as the full programme found them by counting up from the width's quotient.
    @Test func theLineCountIsTheFewestThatFit() {
        var generator = SeededGenerator(seed: 21)
        let pieces = ["关于", "质量攻关", "2019年", "、", "的", "优秀推荐单位", "QC", "滨海新区", "项目"]
        for _ in 0..<300 {
            let title = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let words = TitleLines.words(title)
            var offsets = [0.0]
            for word in words { offsets.append(offsets.last! + TitleLines.width(word)) }
            var fewest = Int((offsets.last! / 20).rounded(.up))
            while fewest < words.count, Self.fullBreaks(offsets, lines: fewest, maximumWidth: 20) == nil { fewest += 1 }
            let lines = TitleLines.split(title, maximumWidth: 20)
            if TitleLines.width(title) > 20, fewest <= TitleLines.balancedLineLimit {
                #expect(lines.count == fewest, "\(title)")
            }
        }
    }

    /// A text of 100,000 characters splits at once (before, 6,000 took 15.7 s and 3.5 M hours), filled line
    /// by line within the width.
    @Test func aTitleOfAHundredThousandCharactersIsSplitWhole() {
        let title = String(repeating: "关于表彰2019年滨海新区质量攻关活动优秀成果的决定", count: 4_000)
        let lines = TitleLines.split(title, maximumWidth: 20)
        #expect(lines.joined() == title)
        #expect(lines.allSatisfy { TitleLines.width($0) <= 20 })
        #expect(Double(lines.count) < TitleLines.width(title) / 20 * 1.2)
    }
}
