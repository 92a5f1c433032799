import Foundation
import GongwenReaders
import Testing

struct XLSXReaderTests {
    @Test(
        "Excel serial dates (1900 system)",
        arguments: [
            (43577.0, 2019, 4, 22), (1.0, 1900, 1, 1), (59.0, 1900, 2, 28), (61.0, 1900, 3, 1), (43831.0, 2020, 1, 1),
            (43890.0, 2020, 2, 29), (45657.5, 2024, 12, 31),
        ] as [(Double, Int, Int, Int)])
    func serialDates(serial: Double, year: Int, month: Int, day: Int) {
        #expect(XLSXReader.date(fromSerial: serial) == CalendarDateParts(year: year, month: month, day: day))
    }

    @Test func theDayThatNeverWasIsNotADate() {
        #expect(XLSXReader.date(fromSerial: 60) == nil)
        #expect(XLSXReader.date(fromSerial: 0) == nil)
    }
}
