import GongwenModel
import Testing

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
