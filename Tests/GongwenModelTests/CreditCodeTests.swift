import GongwenModel
import Testing

/// GB 32100-2015 check character, against the examples in ../shared/reference/standards.md §2.
struct CreditCodeTests {
    @Test(
        "valid codes from standards.md pass",
        arguments: [
            "91120116MA05K3L296", "91120116103714508P", "12120116405329816Q", "111201160000876524",
            "51120116MA07XQ9T9Y", "52120116MA0AB4CDX9", "93120116MA06P7R18N", "91350100M000100Y43",
        ])
    func validExamples(code: String) {
        #expect(CreditCode.problems(in: code).isEmpty)
        #expect(CreditCode(wellFormed: code)?.value == code)
    }

    @Test func workedExampleFromTheExplainer() {
        // Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
        #expect(CreditCode.checkCharacter(forFirst17: "91350100M000100Y4") == "3")
    }

    @Test func everyResidueIsReachedAndThirtyOneMapsToZero() {
        // Position 17 has weight 28, coprime to 31: its 31 characters give 31 different check characters,
        // including "0", the one for 31 − 0 = 31.
        let prefix = "1112011600008765"
        let results = "0123456789ABCDEFGHJKLMNPQRTUWXY".compactMap {
            CreditCode.checkCharacter(forFirst17: prefix + String($0))
        }
        #expect(Set(results).count == 31)
        #expect(results.contains("0"))
    }

    @Test func aRegisteredCodeThatFailsTheChecksumIsOnlyAChecksumProblem() {
        // standards.md caveat: a real Fujian code fails the check; it is well-formed and so policy decides.
        let problems = CreditCode.problems(in: "91350211M0000XUF46")
        #expect(problems.count == 1)
        guard case .checksumMismatch = problems.first else {
            Issue.record("expected a checksum mismatch, got \(problems)")
            return
        }
        #expect(CreditCode(wellFormed: "91350211M0000XUF46") != nil)
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        #expect(CreditCode.problems(in: "91120116MA05K3L297") == [.checksumMismatch(expected: "6", found: "7")])
    }

    @Test func lengthIsCheckedFirst() {
        #expect(CreditCode.problems(in: "9112011610371450") == [.wrongLength(16)])
        #expect(CreditCode.problems(in: "") == [.wrongLength(0)])
        #expect(CreditCode.problems(in: "91120116MA05K3L2960") == [.wrongLength(19)])
    }

    @Test(
        "letters GB 32100 leaves out are rejected with their position",
        arguments: [("I", 9), ("O", 10), ("Z", 11), ("S", 12), ("V", 13)])
    func forbiddenLetters(letter: String, position: Int) {
        var characters = Array("91120116MA05K3L296")
        characters[position - 1] = Character(letter)
        #expect(
            CreditCode.problems(in: String(characters)).contains(
                .invalidCharacter(Character(letter), position: position)))
    }

    @Test func lowerCaseAndFullWidthAreNotSilentlyAccepted() {
        #expect(!CreditCode.problems(in: "91120116ma05k3l296").isEmpty)
        #expect(!CreditCode.problems(in: "９1120116MA05K3L296").isEmpty)
    }

    @Test func regionMustBeDigits() {
        #expect(CreditCode.problems(in: "91A20116MA05K3L296").contains(.regionNotNumeric))
        #expect(CreditCode(wellFormed: "91120116MA05K3L296")?.regionCode == "120116")
    }
}
