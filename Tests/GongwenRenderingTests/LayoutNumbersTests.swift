import Foundation
import GongwenDocuments
import GongwenTestSupport
import Testing

@testable import GongwenRendering

/// The GB/T 9704 numbers have one source, ``GBT9704Page`` (millimetres): the DOCX's twips are derived from it,
/// the OFD's layout uses it, and the HTML templates' CSS — which an office may edit — is held to it here. The
/// templates are found through the registry of documents, so a new GB/T 9704 template is checked too.
struct LayoutNumbersTests {
    /// Every registered HTML template laid out on the GB/T 9704 page (it says so in its CSS).
    static var pageTemplates: [(String, String)] {
        DocumentKind.allCases.flatMap(\.templateFiles).filter { $0.hasSuffix(".html.mustache") }.compactMap { path in
            let url = Fixtures.templates.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8), text.contains("GB/T 9704") else {
                return nil
            }
            return (path, text)
        }
    }

    /// The millimetre values of `property` in the rule that starts with `selector`.
    static func millimetres(_ css: String, selector: String, property: String) -> [Double]? {
        guard let rule = css.range(of: selector + " {") else { return nil }
        let body = css[rule.upperBound...].prefix { $0 != "}" }
        guard let start = body.range(of: property + ":") else { return nil }
        let value = body[start.upperBound...].prefix { $0 != ";" && $0 != "}" }
        return value.split(separator: " ").compactMap { Double($0.replacingOccurrences(of: "mm", with: "")) }
    }

    @Test func theTwipsAreTheMillimetres() {
        let twips: [Int] = [
            GBT9704.pageWidth, GBT9704.pageHeight, GBT9704.top, GBT9704.left, GBT9704.right, GBT9704.bottom,
            GBT9704.typeWidth, GBT9704.linePitch, GBT9704.characterPitch, GBT9704.issuerMarkOffset, GBT9704.ruleGap,
        ]
        #expect(twips == [11906, 16838, 2098, 1587, 1474, 1984, 8845, 579, 315, 1984, 227])
    }

    @Test func theHTMLTemplatesUseTheStandardsNumbers() throws {
        let templates = Self.pageTemplates.map(\.0)
        #expect(
            Set(templates).isSuperset(of: [
                "notices/html/notice.html.mustache", "plan-notice/html/notice.html.mustache",
            ]))
        let page = GBT9704Page.self
        for (path, css) in Self.pageTemplates {
            let margins = try #require(Self.millimetres(css, selector: "@page", property: "margin"), "\(path)")
            #expect(margins == [page.top, page.rightMargin, page.bottomMargin, page.left], "\(path): @page margin")
            if let wide = Self.millimetres(css, selector: "@page wide", property: "margin") {
                // The landscape page turned a quarter: the 订口 at the top, the 天头 on the left.
                #expect(wide == [page.left, page.bottomMargin, page.rightMargin, page.top], "\(path): landscape")
            }
            // The grid's pitch as the body's line height, within 0.05 pt of 225/22 mm.
            let lineHeight = try #require(
                css.range(of: "line-height: ").map { css[$0.upperBound...].prefix { $0 != "p" } })
            let pitch = try #require(Double(lineHeight))
            #expect(
                abs(GBT9704Page.mm(pitch) - page.linePitch) < GBT9704Page.mm(0.05), "\(path): line height \(pitch)pt")
            if let mark = Self.millimetres(css, selector: ".mark", property: "margin-top") {
                #expect(mark == [page.markOffset], "\(path): the mark's offset")
            }
        }
    }
}
