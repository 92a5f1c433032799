import GongwenModel
import Testing

struct TextWidthTests {
    @Test func latinIsMeasuredWithTimesAdvanceWidths() {
        #expect(TextWidth.ems("0123456789") == 5)  // every digit 500
        #expect(TextWidth.ems("@") == 0.921)
        #expect(TextWidth.ems("mi") == 0.778 + 0.278)
        #expect(TextWidth.ems("质量") == 2)
    }

    @Test func aQuarterEmWhereChineseMeetsLatin() {
        // Word's autoSpaceDE/DN and LibreOffice put space between 转 and the digits on either side.
        #expect(TextWidth.ems("1转2") == 0.5 + 0.25 + 1 + 0.25 + 0.5)
        #expect(TextWidth.ems("-转") == 0.333 + 1, "no gap beside punctuation")
    }

    @Test func twoPhoneNumbersGoOneToALine() {
        #expect(TextWidth.lines("18571614716/022-25201234") == ["18571614716/", "022-25201234"])
        #expect(TextWidth.lines("18571614716 022-25201234转123") == ["18571614716 ", "022-25201234转123"])
        #expect(TextWidth.lines("18571614716、022-25201234") == ["18571614716、", "022-25201234"])
        #expect(TextWidth.lines("022-66201234转8012") == ["022-66201234转8012"])
        #expect(TextWidth.lines("zhiliang@binrui.com.cn") == ["zhiliang@binrui.com.cn"])
        #expect(TextWidth.lines("") == [""])
    }

    @Test func theSizeIsTheLargestHalfPointThatFits() {
        let address = "zhiliang@binrui.com.cn"
        let ems = TextWidth.ems(address)
        #expect(TextWidth.fittingSize(address, width: ems * 12, preferred: 10.5) == 10.5, "fits: stays")
        #expect(TextWidth.fittingSize(address, width: ems * 9.2, preferred: 10.5) == 9)
        #expect(TextWidth.fittingSize(address, width: ems * 3, preferred: 10.5) == 7, "never below the minimum")
        // Two numbers: the wider line decides, not the whole value.
        let two = "18571614716/022-25201234"
        #expect(TextWidth.fittingSize(two, width: TextWidth.ems("022-25201234") * 10, preferred: 10) == 10)
    }
}
