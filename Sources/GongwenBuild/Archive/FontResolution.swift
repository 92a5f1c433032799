import Foundation

/// Whether each font a document names is installed, asked of fontconfig (`fc-match`), the way LibreOffice
/// will resolve it when it makes the PDF: a 公文 whose 仿宋_GB2312 came out in DejaVu Sans is not the
/// document that was issued, so the PDF step stops unless the office allows substitutes (and then the
/// metadata record says which font stood in for which). The OFD's font embedding asks through it too.
struct FontResolution: Sendable {
    let fcMatch: ExternalTool

    static func locate() -> FontResolution? { ExternalTool.find("fc-match").map(FontResolution.init) }

    /// One font fontconfig offers for a pattern.
    struct Match {
        /// fontconfig lists a font's family names in several languages.
        var families: [String]
        var file: String
        var index: Int
        var format: String

        /// Whether this is the font `name` itself, not a stand-in.
        func isFamily(_ name: String) -> Bool {
            families.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
    }

    /// The environment fc-match runs in, whatever the user's locale: fontconfig orders a font's family names —
    /// and weighs candidates — by the default language it takes from FC_LANG or the locale, so under
    /// `LANG=zh_CN.UTF-8` a stand-in was recorded as 文泉驿正黑 and under `C.UTF-8` as WenQuanYi Zen Hei, and
    /// 89 files of the same data differed (issue 21). A fixed language makes the names, and the bytes, the same.
    static let fixedLocale = ["FC_LANG": "en", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": "en"]

    /// fontconfig's best match for `pattern`, or (`sorted`) every candidate, best first (none when fontconfig
    /// prints nothing).
    func matches(_ pattern: String, sorted: Bool = false) throws -> [Match] {
        let format = "%{family}\t%{file}\t%{index}\t%{fontformat}\n"
        let result = try fcMatch.run(
            (sorted ? ["-s"] : []) + ["-f", format, pattern], environment: Self.fixedLocale, timeout: 30)
        return result.output.split(separator: "\n").compactMap { line -> Match? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { return nil }
            return Match(
                families: fields[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                file: fields[1], index: Int(fields[2]) ?? 0, format: fields[3])
        }
    }

    /// The fonts of `names` that resolve to another family, with the family used.
    func substitutions(_ names: [String]) throws -> [FontSubstitution] {
        try Set(names).sorted().compactMap { name in
            let best = try matches(name).first
            if let best, best.isFamily(name) { return nil }
            return FontSubstitution(requested: name, used: best?.families.first ?? "?")
        }
    }
}
