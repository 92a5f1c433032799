import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTestSupport
import Mustache
import Testing

@testable import GongwenRendering
@testable import GongwenTemplates

/// gongwen's Mustache renderer against swift-mustache's: the same bytes for every built-in template and for
/// thousands of generated ones (seeded, so a failure is reproducible).
struct CompiledTemplateTests {
    /// Both renderers on one template and one value tree.
    func compare(_ text: String, _ values: Any, _ note: Comment? = nil) throws {
        let template = try MustacheTemplate(string: text)
        let compiled = try #require(CompiledTemplate(template), "compiled: \(text)")
        let reference = template.render(values)
        let ours = String(decoding: compiled.render(values), as: UTF8.self)
        #expect(ours == reference, "\(note?.rawValue ?? "") template: \(text.debugDescription)")
        // Streamed in pieces as small as one byte, the same bytes.
        for piece in [1, 7] {
            var streamed: [UInt8] = []
            try compiled.render(values, piece: piece) { streamed += $0 }
            #expect(String(decoding: streamed, as: UTF8.self) == reference, "streamed in \(piece)-byte pieces")
        }
    }

    /// A file that cannot be written (a full disk) stops the render at the first failed piece, and the error
    /// reaches the build, which then leaves the previous output as it was.
    @Test func aPieceThatCannotBeWrittenStopsTheRender() throws {
        struct DiskFull: Error {}
        let compiled = try #require(CompiledTemplate(try MustacheTemplate(string: "{{#list}}{{x}}{{/list}}")))
        let values: [String: Any] = ["list": (0..<100).map { ["x": "\($0)"] as [String: Any] }]
        final class Count { var value = 0 }
        let calls = Count()
        #expect(throws: DiskFull.self) {
            try compiled.render(values, piece: 4) { _ in
                calls.value += 1
                throw DiskFull()
            }
        }
        #expect(calls.value == 1)
    }

    @Test func everyBuiltInTemplateIsCompiled() throws {
        let root = Fixtures.templates
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let mustache = files.filter { $0.hasSuffix(".mustache") }
        #expect(!mustache.isEmpty)
        for file in mustache {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(CompiledTemplate(try MustacheTemplate(string: text)) != nil, "\(file)")
        }
    }

    @Test func theSpecsCornersRenderAlike() throws {
        let values: [String: Any] = [
            "a": "<b>&\"'", "n": 0, "t": true, "f": false, "null": NSNull(), "empty": [Any](),
            "list": [["x": "1"], ["x": "2", "y": NSNull()]] as [Any], "nested": ["inner": ["deep": "d"]],
            "combining": "<\u{301}>", "number": 3,
        ]
        for text in [
            "{{a}}|{{{a}}}|{{&a}}", "{{#list}}[{{x}}{{a}}]{{/list}}", "{{^empty}}none{{/empty}}",
            "  {{#t}}\n  yes\n  {{/t}}\n", "{{#f}}no{{/f}}{{^f}}yes{{/f}}", "{{#null}}x{{/null}}{{^null}}y{{/null}}",
            "{{nested.inner.deep}}{{#nested}}{{inner.deep}}{{/nested}}", "{{#list}}{{.x}}{{y}}{{/list}}",
            "{{missing}}{{missing.x}}{{#missing}}m{{/missing}}{{^missing}}!{{/missing}}", "{{#n}}{{.}}{{/n}}",
            "{{#number}}{{.}}{{/number}}", "{{combining}}", "\t{{! comment }}\r\nline\r\n", "{{#list}}{{.}}{{/list}}",
            "{{=<% %>=}}<% a %>", "a\n  {{^t}}\n  b\n  {{/t}}\nc", "{{#t}}{{a}}{{/t}}", "{{t}}{{f}}{{n}}{{empty}}",
        ] {
            if let template = try? MustacheTemplate(string: text), CompiledTemplate(template) == nil {
                continue  // left to swift-mustache (set delimiters)
            }
            try compare(text, values)
        }
    }

    @Test func generatedTemplatesRenderAlike() throws {
        var random = SeededRandom(seed: 20_191_008)
        let names = ["a", "b", "list", "obj", "obj.a", "obj.list", ".", "missing", "flag"]
        func value(_ depth: Int) -> Any {
            switch random.next(9) {
            case 0: return NSNull()
            case 1: return random.next(2) == 0
            case 2: return random.next(3) - 1
            case 3 where depth < 3: return (0..<random.next(3)).map { _ in value(depth + 1) }
            case 4 where depth < 3:
                return Dictionary(
                    uniqueKeysWithValues: ["a", "b", "list", "obj", "flag"].map { ($0, value(depth + 1)) })
            default: return ["", "x", "<&>", " 天津 ", "a\nb", "'\"", "\u{301}<"][random.next(7)]
            }
        }
        func template(_ depth: Int) -> String {
            var text = ""
            for _ in 0..<random.next(6) {
                let name = names[random.next(names.count)]
                switch random.next(10) {
                case 0: text += "{{\(name)}}"
                case 1: text += "{{{\(name)}}}"
                case 2 where depth < 3, 3 where depth < 3:
                    let tag = random.next(2) == 0 ? "#" : "^"
                    let name = names.filter { $0 != "." }[random.next(names.count - 1)]
                    let open = random.next(2) == 0 ? "\n  {{\(tag)\(name)}}\n" : "{{\(tag)\(name)}}"
                    let close = random.next(2) == 0 ? "\n{{/\(name)}}  \n" : "{{/\(name)}}"
                    text += open + template(depth + 1) + close
                case 4: text += "{{! note }}"
                case 5: text += "\n"
                case 6: text += "  "
                default: text += ["<p>", "天津", "&", "\r\n", "\t"][random.next(5)]
                }
            }
            return text
        }
        var compared = 0
        for index in 0..<3_000 {
            let text = template(0)
            guard let parsed = try? MustacheTemplate(string: text), CompiledTemplate(parsed) != nil else { continue }
            compared += 1
            let values = TemplateValues.lazy(
                Dictionary(uniqueKeysWithValues: ["a", "b", "list", "obj", "flag"].map { ($0, value(0)) }))
            try compare(text, values, "case \(index)")
        }
        #expect(compared > 2_000, "most generated templates are valid and compiled")
    }
}

/// A small deterministic generator (SplitMix64), so generated cases are the same on every run.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}

/// The types read without reflection answer every field reflection would, with the same values.
struct TemplateFieldsTests {
    func expectSameAsReflection(_ value: some TemplateFields) throws {
        let fast = TemplateValues.LazyObject(fields: value)
        let reflected = TemplateValues.make(value)
        for child in Mirror(reflecting: value).children {
            let label = try #require(child.label)
            #expect(fast.child(named: label) != nil, "\(type(of: value)).\(label) is answered")
            let isList = Mirror(reflecting: child.value).displayStyle == .collection
            let isStruct = Mirror(reflecting: child.value).displayStyle == .struct
            let text = isList || isStruct ? "{{#\(label)}}x{{/\(label)}}" : "{{\(label)}}|{{#\(label)}}x{{/\(label)}}"
            let compiled = try #require(CompiledTemplate(try MustacheTemplate(string: text)))
            #expect(
                compiled.render(fast) == compiled.render(reflected), "\(type(of: value)).\(label) renders the same")
        }
        #expect(fast.child(named: "noSuchField") == nil)
    }

    @Test func everyFastTypeMatchesReflection() throws {
        let context = DeclarationTableContext.make(
            for: TestCampaign.recommender(),
            in: CampaignData(campaign: TestCampaign.make(), declarations: [TestCampaign.declaration()]))
        let group = try #require(context.groups.first)
        try expectSameAsReflection(group)
        try expectSameAsReflection(try #require(group.rows.first))
        try expectSameAsReflection(try #require(group.rows.first?.cells.first))
        try expectSameAsReflection(HTMLTable.Cell(text: "<甲>", centered: true))
        try expectSameAsReflection(HTMLTable.Row(cells: [HTMLTable.Cell(text: "a", centered: false)]))
        try expectSameAsReflection(HTMLTable.Column(title: "序号", width: 5))
        let awards = AwardsContext.make(
            CampaignData(
                campaign: TestCampaign.make(), declarations: [TestCampaign.declaration()],
                awards: [
                    Award(
                        category: .projectResult, level: "一等奖", creditCode: "91120116MA05K3L296",
                        projectName: "降低曲轴加工尺寸超差率",
                        origin: RecordOrigin(file: "awards.csv", row: 2, columns: [:]))
                ]))
        let level = try #require(awards.categories.first?.levels.first)
        try expectSameAsReflection(level)
        try expectSameAsReflection(try #require(level.entries.first))
    }
}
