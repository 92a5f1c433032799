import GongwenModel
import Testing

struct TextNormalizationTests {
    @Test func theWhitespaceTableIsUnicodesOverEveryScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextNormalization.isWhitespace(scalar) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0, radix: 16) })")
    }

    @Test func foldingAndTrimmingTreatEverySpaceAlike() {
        #expect(TextNormalization.folded("９１１２\u{3000}０１１６ ａｂ\u{00A0}c", uppercased: true) == "91120116ABC")
        #expect(TextNormalization.trimmed("\u{2003}天津海川\u{3000}") == "天津海川")
        #expect(TextNormalization.trimmed("天津海川") == "天津海川")
    }
}
