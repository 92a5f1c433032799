import Foundation
import GongwenDocuments
import GongwenModel
import Mustache
import Yams

/// `Templates/certificate/certificate.yaml`: the certificate's wording, page and fonts. Strings are rendered
/// after the YAML is parsed, as plain text; the formats escape the values.
public struct CertificateTemplate: Sendable {
    public struct Page: Sendable, Decodable {
        public var width: Double
        public var height: Double
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double
    }

    public struct Fonts: Sendable, Decodable {
        public var heading: String
        public var body: String
    }

    struct File: Decodable {
        var heading: String
        var sentences: [String: String]
        var closing: String
        var issuer: String
        var number: String
        var page: Page
        var fonts: Fonts
    }

    /// One certificate's words.
    public struct Text: Sendable, Equatable {
        public var heading: String
        /// `××有限公司：`.
        public var recipient: String
        public var sentence: String
        public var closing: String
        public var issuer: String
        public var date: String
        public var number: String
    }

    let file: File
    let templates: [String: MustacheTemplate]
    public var page: Page { file.page }
    public var fonts: Fonts { file.fonts }

    public static func load(from folder: TemplateFolder) throws(TemplateError) -> CertificateTemplate {
        let (file, path) = try folder.decodeYAML(File.self, at: "certificate/certificate.yaml")
        for category in AwardCategory.allCases where file.sentences[category.rawValue] == nil {
            throw TemplateError(
                file: path, line: nil, column: nil,
                message: "缺少 sentences.\(category.rawValue) / sentences.\(category.rawValue) is missing")
        }
        let templates = try TemplateFolder.textTemplates(
            [file.heading, file.closing, file.issuer, file.number] + file.sentences.values.sorted(), path: path)
        return CertificateTemplate(file: file, templates: templates)
    }

    /// The names a certificate's strings may use.
    struct Values {
        var recipient: String
        var unit: String
        var project: String
        var level: String
        var campaignTitle: String
        var year: Int
        var issuer: String
        var date: String
        var number: String
    }

    public func text(for certificate: Certificate, in awards: AwardsContext) -> Text {
        text(
            for: certificate, campaignTitle: awards.campaignTitle, year: awards.year, issuer: awards.issuer,
            date: awards.date)
    }

    public func text(
        for certificate: Certificate, campaignTitle: String, year: Int, issuer: String, date: String
    ) -> Text {
        let values = TemplateValues.make(
            Values(
                recipient: certificate.recipient, unit: certificate.unit, project: certificate.projectName,
                level: certificate.level, campaignTitle: campaignTitle, year: year, issuer: issuer, date: date,
                number: certificate.number))
        func render(_ string: String) -> String { templates[string]?.render(values) ?? string }
        return Text(
            heading: render(file.heading), recipient: certificate.recipient + "：",
            sentence: render(file.sentences[certificate.category.rawValue] ?? ""), closing: render(file.closing),
            issuer: render(file.issuer), date: date, number: render(file.number))
    }
}
