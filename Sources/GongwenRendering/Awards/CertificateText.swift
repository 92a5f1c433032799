import Foundation
import GongwenDocuments
import GongwenModel
import GongwenTemplates
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
        /// Space above the certificate number, in points, that centres the whole block on the page's type
        /// area (``CertificateTemplate/centring(_:)``), so the text does not sit high with the paper's lower
        /// half empty.
        public var topSpace: Double = 0
        /// The same in millimetres, for the HTML.
        public var topSpaceMillimetres: String = "0"
    }

    /// The space above a certificate's block that centres it in the type area: the block is the number line
    /// (18 pt), the heading (60 pt and 12 pt above it), then 32 pt lines: a blank one, the recipient, the
    /// sentence and the closing (wrapped at the type width in 18 pt characters, the first line two characters
    /// in), two for the seal, the issuer and the date.
    public func centring(_ text: Text) -> Text {
        let characters = max(1, ((page.width - page.left - page.right) * 72 / 25.4 / 18).rounded(.down))
        func lines(_ string: String, indent: Double) -> Double {
            max(1, ((TitleLines.width(string) + indent) / characters).rounded(.up))
        }
        let body =
            1 + lines(text.recipient, indent: 0) + lines(text.sentence, indent: 2) + lines(text.closing, indent: 2)
            + 2 + 2
        let block = 18 + 12 + 60 + body * 32
        let height = (page.height - page.top - page.bottom) * 72 / 25.4
        var centred = text
        centred.topSpace = max(0, ((height - block) / 2).rounded(.down))
        centred.topSpaceMillimetres = String(format: "%.1f", centred.topSpace * 25.4 / 72)
        return centred
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
        return centring(
            Text(
                heading: render(file.heading), recipient: certificate.recipient + "：",
                sentence: render(file.sentences[certificate.category.rawValue] ?? ""), closing: render(file.closing),
                issuer: render(file.issuer), date: date, number: render(file.number)))
    }
}
