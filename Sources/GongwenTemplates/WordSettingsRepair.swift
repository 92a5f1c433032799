import Foundation

/// Repairs in a Word template's `word/settings.xml` that keep our output schema-valid.
///
/// A template's parts are copied as they are, so a defect in them becomes a defect in every document we
/// build. One is common: python-docx's default template (and files made from it) writes
/// `<w:zoom w:val="bestFit"/>` without `w:percent`, which the ECMA-376 schema
/// requires (`CT_Zoom`: `percent` is `use="required"`, `wml.xsd`).
/// Word always writes it; a schema validator flags every document built from such a template. We add
/// `w:percent="100"`, the value Word writes for an untouched zoom, and change nothing else.
public enum WordSettingsRepair {
    public static let partName = "word/settings.xml"

    /// The settings part with its repairs; the very bytes given when nothing needs repairing.
    static func repaired(_ part: Data) -> Data {
        guard let settings = String(data: part, encoding: .utf8) else { return part }
        let repaired = addMissingZoomPercent(settings)
        return repaired == settings ? part : Data(repaired.utf8)
    }

    /// `settings` with every `<w:zoom …>` that lacks `w:percent` given `w:percent="100"`.
    public static func addMissingZoomPercent(_ settings: String) -> String {
        let zoom = /<w:zoom(?<attributes>(?:\s[^<>]*?)?)(?<close>\/?)>/
        return settings.replacing(zoom) { match in
            let attributes = match.output.attributes
            if attributes.contains("w:percent=") { return String(match.output.0) }
            return "<w:zoom\(attributes) w:percent=\"100\"\(match.output.close)>"
        }
    }
}
