import GongwenModel
import Testing

/// standards.md §3: mobiles, landlines with or without the area code, extensions, full-width input.
struct PhoneNumberTests {
    @Test(
        arguments: [
            ("13812345678", PhoneNumber.Kind.mobile, "13812345678", nil),
            ("138 1234 5678", .mobile, "13812345678", nil),
            ("+86 138-1234-5678", .mobile, "13812345678", nil),
            ("008613812345678", .mobile, "13812345678", nil),
            ("１３８１２３４５６７８", .mobile, "13812345678", nil),
            ("022-58832837", .landline, "02258832837", nil),
            ("(022)58832837", .landline, "02258832837", nil),
            ("022－５８８３２８３７", .landline, "02258832837", nil),
            ("0571-8888888", .landline, "05718888888", nil),
            ("66707955", .localNumber, "66707955", nil),
            ("022-66707955转8012", .landline, "02266707955", "8012"),
            ("022-66707955 分机 12", .landline, "02266707955", "12"),
            ("66707955ext.3", .localNumber, "66707955", "3"),
            ("400-123-4567", .serviceNumber, "4001234567", nil),
        ] as [(String, PhoneNumber.Kind, String, String?)])
    func accepted(text: String, kind: PhoneNumber.Kind, digits: String, ext: String?) throws {
        let phone = try #require(PhoneNumber(text))
        #expect(phone.kind == kind)
        #expect(phone.digits == digits)
        #expect(phone.extension == ext)
        #expect(phone.original == text, "the user's text is kept for display")
    }

    @Test(arguments: [
        "", "12345", "12812345678", "1381234567", "138123456789", "abc", "022-5883", "0000000", "138-1234-567x",
    ])
    func rejected(text: String) {
        #expect(PhoneNumber(text) == nil)
    }
}

struct EmailAddressTests {
    @Test(arguments: ["scjzjc@tjbh.gov.cn", "qc.team+2019@haichuan-tj.com", "a@b.cn", "QC01@Example.COM"])
    func accepted(address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(arguments: [
        "", "scjzjc", "scjzjc@", "@tjbh.gov.cn", "a@@b.cn", "a@b", "a b@c.cn", "a@b..cn", "a@-b.cn", "张三@b.cn",
        "a＠b.cn", "a@b。cn", ".a@b.cn",
    ])
    func rejected(address: String) {
        #expect(!EmailAddress.isValid(address))
    }
}

/// Phone numbers as people write them on returned forms (issue: returned forms as they really arrive).
struct PhoneFormsTests {
    @Test(
        arguments: [
            ("022-66201234-8012", "02266201234", "8012"), ("022-66201234转8012", "02266201234", "8012"),
            ("022-66201234 ext 8012", "02266201234", "8012"), ("022-66201234分机8012", "02266201234", "8012"),
            ("022-66201234(8012)", "02266201234", "8012"), ("(022)66201234", "02266201234", nil),
            ("138-1234-5678", "13812345678", nil), ("138 1234 5678", "13812345678", nil),
        ] as [(String, String, String?)])
    func oneNumberWrittenAsPeopleDo(text: String, digits: String, ext: String?) throws {
        let numbers = try #require(PhoneNumber.all(in: text))
        #expect(numbers.count == 1)
        #expect(numbers.first?.digits == digits && numbers.first?.extension == ext)
    }

    @Test(arguments: [
        "18571614716/022-25201234", "18571614716、022-25201234", "18571614716,022-25201234",
        "18571614716，022-25201234", "18571614716;022-25201234", "18571614716 022-25201234",
    ])
    func twoNumbersInOneCellAreEachChecked(text: String) throws {
        let numbers = try #require(PhoneNumber.all(in: text))
        #expect(numbers.map(\.digits) == ["18571614716", "02225201234"])
    }

    @Test(arguments: [
        "1.32E+10", "2266201234", "022-6620", "电话见附件", "18571614716/12345", "138 1234 567",
    ])
    func stillRefused(text: String) {
        #expect(PhoneNumber.all(in: text) == nil)
    }
}
