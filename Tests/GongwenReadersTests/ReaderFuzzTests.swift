import Foundation
import GongwenOOXML
import GongwenReaders
import GongwenRendering
import GongwenTemplates
import GongwenTestSupport
import Testing

/// A seeded random-mutation fuzzer over the XLSX and CSV readers (libFuzzer's `-sanitize=fuzzer` needs a
/// toolchain runtime this machine's Swift does not ship for Linux tests; this runs everywhere, in CI, in a
/// bounded time). Each case flips, inserts, deletes or duplicates bytes of a real form; the reader must
/// return or refuse, never crash or hang. The seed is fixed so a failure can be replayed.
struct ReaderFuzzTests {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ data: Data, _ generator: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes[index] = UInt8.random(in: 0...255, using: &generator)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 3: bytes.remove(at: index)
            default:
                let end = min(bytes.count, index + Int.random(in: 1...64, using: &generator))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return Data(bytes)
    }

    func fuzz(_ seed: Data, file: String, cases: Int, seedValue: UInt64) {
        var generator = SeededGenerator(state: seedValue)
        var refused = 0
        for _ in 0..<cases {
            let input = Self.mutate(seed, &generator)
            do {
                _ = try ReturnedFormReader.read(input, file: file)
            } catch {
                refused += 1
            }
        }
        // Reaching here is the test: no crash. Some mutations must have been refused, or the fuzzer is idle.
        #expect(refused > 0)
    }

    @Test func mutatedWorkbooksAreReadOrRefused() throws {
        let layout = try FormLayout.load(document: .declarationTable, from: TemplateFolder(root: Fixtures.templates))
        let campaign = TestCampaign.make()
        let form = try DeclarationTableXLSX(layout: layout).blankForm(campaign)
        fuzz(form, file: "fuzz.xlsx", cases: 400, seedValue: 20_190_422)
    }

    @Test func mutatedCSVFilesAreReadOrRefused() throws {
        let csv = try Data(contentsOf: Fixtures.campaign("valid-small").appendingPathComponent("declarations.csv"))
        fuzz(csv, file: "fuzz.csv", cases: 2000, seedValue: 20_190_408)
    }
}
