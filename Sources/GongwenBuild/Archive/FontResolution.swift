import Foundation

/// Whether each font a document names is installed, asked of fontconfig (`fc-match`), the way LibreOffice
/// will resolve it when it makes the PDF: a 公文 whose 仿宋_GB2312 came out in DejaVu Sans is not the
/// document that was issued, so the PDF step stops unless the office allows substitutes (and then the
/// metadata record says which font stood in for which).
struct FontResolution: Sendable {
    let fcMatch: ExternalTool

    static func locate() -> FontResolution? { ExternalTool.find("fc-match").map(FontResolution.init) }

    /// The fonts of `names` that resolve to another family, with the family used.
    func substitutions(_ names: [String]) throws -> [FontSubstitution] {
        var found: [FontSubstitution] = []
        for name in Set(names).sorted() {
            let result = try fcMatch.run(["-f", "%{family}", name], timeout: 30)
            // fontconfig lists a font's family names in several languages, comma-separated.
            let families = result.output.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if !families.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                found.append(FontSubstitution(requested: name, used: families.first ?? "?"))
            }
        }
        return found
    }
}
