import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenTemplates
import GongwenTestSupport
import Testing

@testable import GongwenRendering

/// The registry of documents (``DocumentKind/templateFiles``) is the one list: every file under Templates/
/// belongs to a document, every template file a document lists exists and is checked, and a misspelt name
/// is found in each.
struct DocumentRegistryTests {
    let folder = TemplateFolder(root: Fixtures.templates)

    @Test func everyFileUnderTemplatesBelongsToADocument() {
        let files = folder.files()
        #expect(files.count > 10)
        for file in files {
            let owners = DocumentKind.allCases.filter { $0.owns(file) }
            #expect(owners.count == 1, "\(file) belongs to \(owners.map(\.rawValue))")
        }
    }

    @Test func everyListedTemplateExists() {
        let files = folder.files()
        for kind in DocumentKind.allCases {
            for pattern in kind.templateFiles {
                #expect(files.contains { kind.owns($0) && ($0 == pattern || pattern.contains("*")) }, "\(pattern)")
            }
        }
    }

    @Test func everyTemplateIsCheckedAndAMisspeltNameInEachIsFound() throws {
        let data = try #require(CampaignReader().read(folder: Fixtures.sampleCampaign).data)
        let checked = Set(TemplateChecker(templates: folder, data: data).subjects().map(\.path))
        let files = folder.files().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".mustache") }
        for file in files { #expect(checked.contains(file), "\(file) is never checked") }
        // Each template with a {{name}}, one name misspelt in an office copy: the check finds it there.
        for file in files {
            let text = try String(contentsOf: Fixtures.templates.appendingPathComponent(file), encoding: .utf8)
            // The first {{name}} outside a YAML comment (comments name the values, and are not rendered).
            var searchFrom = text.startIndex
            var found: Range<String.Index>?
            while let candidate = text.range(
                of: #"\{\{[a-zA-Z]+\}\}"#, options: .regularExpression, range: searchFrom..<text.endIndex)
            {
                let line =
                    text[..<candidate.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                if !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                    found = candidate
                    break
                }
                searchFrom = candidate.upperBound
            }
            guard let range = found else { continue }
            let office = try TemporaryFolder()
            let copy = office.url.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            let misspelt = text.replacingCharacters(in: range, with: "{{gongwenMisspelt}}")
            try misspelt.write(to: copy, atomically: true, encoding: .utf8)
            let findings = TemplateChecker(
                templates: TemplateFolder(root: office.url, fallback: Fixtures.templates), data: data
            ).check()
            #expect(
                findings.contains { $0.file.hasSuffix(file) && $0.english.contains("gongwenMisspelt") },
                "a misspelt name in \(file) is not found: \(findings.prefix(3))")
        }
    }
}
