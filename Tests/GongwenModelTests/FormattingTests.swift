import GongwenModel
import GongwenTestSupport
import Testing

struct DocumentNumberTests {
    @Test func hexagonalBracketsAndNoPadding() {
        // GB/T 9704-2012 §7.2.5: 〔〕 (U+3014/U+3015), full year, no 第, no zero padding.
        #expect(DocumentNumber(prefix: "津滨质量组办", year: 2019, serial: 5).description == "津滨质量组办〔2019〕5号")
        #expect(DocumentNumber(prefix: "津滨质量组办", year: 2019, serial: 1).description == "津滨质量组办〔2019〕1号")
        #expect(DocumentNumber(prefix: "津滨质量组办", year: 2020, serial: 12).description == "津滨质量组办〔2020〕12号")
        #expect(
            DocumentNumber(prefix: "X", year: 2019, serial: 5).description.unicodeScalars.map(\.value).contains(0x3014))
    }

    @Test func campaignLooksUpSerialsByDocument() {
        let campaign = TestCampaign.make(serials: ["plan_notice": 5])
        #expect(campaign.documentNumber(for: "plan_notice")?.description == "津滨质量组办〔2019〕5号")
        #expect(campaign.documentNumber(for: "nothing") == nil)
    }
}

struct CalendarDateTests {
    @Test func chineseFormHasNoPadding() throws {
        // GB/T 9704-2012 §7.3.5.4: 2019年4月8日.
        let date = try #require(CalendarDate(year: 2019, month: 4, day: 8))
        #expect(date.chinese == "2019年4月8日")
        #expect(date.chineseMonth == "2019年4月")
        #expect(date.iso == "2019-04-08")
        #expect(try #require(CalendarDate(year: 2019, month: 12, day: 31)).chinese == "2019年12月31日")
    }

    @Test(arguments: ["2019-04-22", "2019/4/22", "2019.4.22", "2019年4月22日", "20190422", " 2019-04-22 ", "２０１９-04-22"])
    func parsesWhatPeopleType(text: String) {
        #expect(CalendarDate(parsing: text) == CalendarDate(year: 2019, month: 4, day: 22))
    }

    @Test(arguments: ["2019-02-29", "2019-4-31", "2019-13-01", "19-04-22", "2019-04", "April 22", "2019-04-22x", ""])
    func rejectsWhatIsNotADay(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func leapYears() {
        #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func ordering() throws {
        let deadline = try #require(CalendarDate(year: 2019, month: 4, day: 22))
        #expect(try #require(CalendarDate(year: 2019, month: 4, day: 23)) > deadline)
        #expect(try #require(CalendarDate(year: 2019, month: 3, day: 30)) < deadline)
    }
}

struct ChineseNumeralTests {
    @Test(
        arguments: [
            (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
            (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (1000, "一千"),
            (1001, "一千零一"), (1010, "一千零一十"), (2019, "二千零一十九"), (10000, "一万"), (10001, "一万零一"),
            (12345, "一万二千三百四十五"),
        ])
    func readingForm(number: Int, text: String) {
        #expect(ChineseNumeral.text(number) == text)
    }

    @Test func gapsAreWrittenLingNotTheCircle() {
        #expect(!ChineseNumeral.text(101).contains("〇"))
        #expect(!ChineseNumeral.text(101).contains("○"))
    }

    @Test func fourLevelsOfHeadings() {
        // GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）, full-width parentheses, 顿号 after level 1.
        #expect(ChineseNumeral.ordinal(1, level: .first) == "一、")
        #expect(ChineseNumeral.ordinal(12, level: .first) == "十二、")
        #expect(ChineseNumeral.ordinal(3, level: .second) == "（三）")
        #expect(ChineseNumeral.ordinal(3, level: .third) == "3.")
        #expect(ChineseNumeral.ordinal(3, level: .fourth) == "（3）")
    }
}
