import Foundation

/// The parts of a Word document besides its body: styles, settings, font table and footer.
public enum WordParts {
    public static let documentContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    public static let stylesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    public static let settingsContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
    public static let fontTableContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
    public static let footerContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"

    static let namespaces: KeyValuePairs<String, String> = [
        "xmlns:w": OOXMLNamespace.wordprocessing, "xmlns:r": OOXMLNamespace.officeRelationships,
    ]

    /// `word/styles.xml`: document defaults in the body font with zh-CN as East Asian language, so text
    /// without a run font of its own is still Chinese; widow control on, stated (OOXML leaves it off when no
    /// style says so, LibreOffice turns it on: stated, Word, WPS and LibreOffice paginate alike, and as
    /// gongwen's own fixed-layout pages do); and the Normal and Table Grid styles.
    public static func styles(defaultFont: WordFont) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("w:styles", namespaces)
        writer.open("w:docDefaults")
        writer.open("w:rPrDefault")
        writer.runProperties(defaultFont)
        writer.close("w:rPrDefault")
        writer.open("w:pPrDefault")
        writer.open("w:pPr")
        writer.empty("w:widowControl")
        writer.empty("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        writer.close("w:pPr")
        writer.close("w:pPrDefault")
        writer.close("w:docDefaults")
        writer.open("w:style", ["w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"])
        writer.empty("w:name", ["w:val": "Normal"])
        writer.empty("w:qFormat")
        writer.close("w:style")
        writer.open("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"])
        writer.empty("w:name", ["w:val": "Normal Table"])
        writer.empty("w:uiPriority", ["w:val": "99"])
        writer.empty("w:semiHidden")
        writer.open("w:tblPr")
        writer.empty("w:tblInd", ["w:w": "0", "w:type": "dxa"])
        writer.open("w:tblCellMar")
        writer.empty("w:top", ["w:w": "0", "w:type": "dxa"])
        writer.empty("w:left", ["w:w": "108", "w:type": "dxa"])
        writer.empty("w:bottom", ["w:w": "0", "w:type": "dxa"])
        writer.empty("w:right", ["w:w": "108", "w:type": "dxa"])
        writer.close("w:tblCellMar")
        writer.close("w:tblPr")
        writer.close("w:style")
        writer.close("w:styles")
        return writer.buffer
    }

    /// `word/settings.xml`: odd/even footers when asked (GB/T 9704 page numbers alternate sides), and
    /// Word 2013+ compatibility so layout is not emulated from older versions.
    public static func settings(evenAndOddFooters: Bool = false) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("w:settings", namespaces)
        writer.empty("w:defaultTabStop", ["w:val": "420"])
        if evenAndOddFooters { writer.empty("w:evenAndOddHeaders") }
        writer.empty("w:characterSpacingControl", ["w:val": "compressPunctuation"])
        writer.open("w:compat")
        writer.empty(
            "w:compatSetting",
            ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
        writer.close("w:compat")
        writer.close("w:settings")
        return writer.buffer
    }

    /// `word/fontTable.xml`: each East Asian font with its English name as altName and charset 86 (GB2312),
    /// so Word and WPS find or substitute a Chinese font.
    public static func fontTable(_ fonts: [String]) -> [UInt8] {
        let english = [
            "仿宋_GB2312": "FangSong_GB2312", "黑体": "SimHei", "方正小标宋简体": "FZXiaoBiaoSong-B05S",
            "楷体_GB2312": "KaiTi_GB2312", "宋体": "SimSun", "仿宋": "FangSong", "楷体": "KaiTi",
        ]
        var writer = XMLWriter()
        writer.declaration()
        writer.open("w:fonts", namespaces)
        var seen: Set<String> = []
        for font in fonts where seen.insert(font).inserted {
            writer.open("w:font", ["w:name": font])
            if let alt = english[font] { writer.empty("w:altName", ["w:val": alt]) }
            let chinese = font.unicodeScalars.contains { $0.value >= 0x2E80 }
            writer.empty("w:charset", ["w:val": chinese ? "86" : "00"])
            writer.empty("w:family", ["w:val": chinese ? "modern" : "roman"])
            writer.empty("w:pitch", ["w:val": chinese ? "fixed" : "variable"])
            writer.close("w:font")
        }
        writer.close("w:fonts")
        return writer.buffer
    }

    /// A footer of text around the PAGE and NUMPAGES fields: `第 {PAGE} 页，共 {NUMPAGES} 页`.
    /// `{PAGE}` and `{NUMPAGES}` in `pattern` mark the fields.
    public static func footer(_ pattern: String, font: WordFont, alignment: String = "center") -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        writer.open("w:ftr", namespaces)
        writer.open("w:p")
        writer.paragraphProperties(alignment: alignment, font: font)
        var rest = Substring(pattern)
        while !rest.isEmpty {
            let next = [rest.range(of: "{PAGE}"), rest.range(of: "{NUMPAGES}")].compactMap { $0 }
                .min { $0.lowerBound < $1.lowerBound }
            guard let field = next else {
                writer.run(String(rest), font)
                break
            }
            if field.lowerBound > rest.startIndex { writer.run(String(rest[..<field.lowerBound]), font) }
            let name = rest[field].dropFirst().dropLast()
            writer.open("w:fldSimple", ["w:instr": " \(name) \\* MERGEFORMAT "])
            writer.run("1", font)
            writer.close("w:fldSimple")
            rest = rest[field.upperBound...]
        }
        writer.close("w:p")
        writer.close("w:ftr")
        return writer.buffer
    }
}
