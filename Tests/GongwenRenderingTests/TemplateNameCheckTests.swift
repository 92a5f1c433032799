import Foundation
import GongwenRendering
import GongwenTemplates
import Testing

/// Mustache would render these silently wrong; the check reports each with its line and column.
struct TemplateNameCheckTests {
    let values: [String: Any] = [
        "title": "申报表", "rows": [["applicant": "天津甲公司", "cells": [["text": "1"]]]], "isConsolidated": true,
    ]

    func findings(_ text: String) -> [TemplateNameCheck.Finding] {
        TemplateNameCheck.check(text, file: "table.html.mustache", values: values)
    }

    @Test func aMisspeltNameIsAnErrorAtItsPlace() {
        let found = findings("<h1>{{title}}</h1>\n{{#rows}}\n  <td>{{applicant_nmae}}</td>\n{{/rows}}\n")
        #expect(
            found.map(\.description) == [
                "table.html.mustache:3:7: 错误 error 未知的名称“applicant_nmae” / unknown name \"applicant_nmae\""
            ])
    }

    @Test func namesResolveInsideSectionsAndFromOuterScopes() {
        #expect(
            findings(
                "{{#rows}}{{applicant}}{{title}}{{#cells}}{{text}}{{/cells}}{{/rows}}{{^isConsolidated}}x{{/isConsolidated}}"
            ).isEmpty)
        #expect(findings("{{#rows}}{{#cells}}{{applicant}}{{/cells}}{{/rows}}").isEmpty, "outer scopes stay visible")
        #expect(findings("{{text}}").count == 1, "an inner name is unknown outside its section")
    }

    @Test func anUnclosedSectionIsReportedAtItsOpening() {
        let found = findings("<p>\n  {{#rows}}\n  {{applicant}}\n")
        #expect(found.map { [$0.line, $0.column] } == [[2, 3]])
        #expect(found.first?.english == "{{#rows}} is never closed")
    }

    @Test func aMismatchedCloseNamesBothEnds() {
        let found = findings("{{#rows}}\n{{#cells}}\n{{/rows}}\n{{/cells}}")
        #expect(found.first?.line == 3)
        #expect(found.first?.english.contains("does not close {{#cells}} of line 2") == true)
    }

    @Test func rawOutputIsFlaggedNotForbidden() {
        let found = findings("{{{title}}} {{& title}}")
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.map(\.column) == [1, 13])
    }

    @Test func anUnterminatedTagIsAnError() {
        let found = findings("<p>{{title}}</p>\n<p>{{title</p>")
        #expect(found.map { [$0.line, $0.column] } == [[2, 4]])
    }

    @Test func pragmasAndPartialsAreErrors() {
        #expect(findings("{{% CONTENT_TYPE: TEXT}}{{> other}}").map(\.severity) == [.error, .error])
    }
}
