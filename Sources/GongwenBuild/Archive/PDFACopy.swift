import Foundation

/// PDF/A-2b copies (ISO 19005-2 level B; GB/T 23286) of the issued documents, made by LibreOffice headless
/// from the DOCX gongwen wrote, then checked: every font embedded, the XMP identification saying part 2
/// conformance B, at least one page.
///
/// The export filter takes its PDF/A option as JSON (`{"SelectPdfVersion":{"type":"long","value":"2"}}`);
/// the older `SelectPdfVersion=2` form is silently ignored and yields a plain PDF, which the check would catch.
/// LibreOffice stamps each PDF with the clock (CreationDate, XMP dates, document ID, embedded fonts' `head`
/// dates inside compressed streams), so a PDF copy is not byte-identical from run to run; everything else
/// gongwen writes is.
struct PDFACopy: Sendable {
    let soffice: ExternalTool
    /// Seconds one LibreOffice run may take.
    var timeout = 600.0

    /// The export filter with the PDF/A-2 option, in the JSON form LibreOffice 7.4 and later read.
    static let filter = #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#

    /// How to get LibreOffice, for the message when `--pdf` finds none.
    static let installHint =
        "未找到 LibreOffice（soffice）。请安装后重试，如 Debian/Ubuntu：apt-get install libreoffice-writer-nogui；"
        + "或设置 GONGWEN_SOFFICE 为 soffice 的路径 / LibreOffice (soffice) was not found: install it (Debian/Ubuntu: "
        + "apt-get install libreoffice-writer-nogui) or set GONGWEN_SOFFICE to its path, then build again"

    static func locate() -> ExternalTool? { ExternalTool.find("soffice", override: "GONGWEN_SOFFICE") }

    /// Converts every DOCX in `files` in one LibreOffice run (its start-up is most of the time) into `folder`,
    /// with a profile of its own so two builds at once do not share one. Returns each PDF's bytes, in order.
    func convert(_ files: [URL], work: URL) throws -> [Data] {
        let profile = work.appendingPathComponent("profile")
        let out = work.appendingPathComponent("pdf")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try soffice.run(
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore", "--convert-to",
                Self.filter, "--outdir", out.path,
            ] + files.map(\.path),
            timeout: timeout)
        return try files.map { file in
            let pdf = out.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".pdf")
            guard let data = FileManager.default.contents(atPath: pdf.path), !data.isEmpty else {
                throw ToolError(
                    chinese:
                        "LibreOffice 未能转换 \(file.lastPathComponent)（退出码 \(result.status)）：\(result.errors.suffix(300))",
                    english:
                        "LibreOffice did not convert \(file.lastPathComponent) (exit \(result.status)): \(result.errors.suffix(300))"
                )
            }
            return data
        }
    }
}

/// What a PDF says about itself, read from its bytes: enough to check a PDF/A-2b copy without a PDF library.
/// LibreOffice writes its dictionaries and the XMP packet uncompressed and no object streams, so they can be
/// read as text; a PDF that hides them in object streams is reported as not checkable, never as passing.
struct PDFFacts: Equatable {
    var pages: Int
    /// `pdfaid:part` and `pdfaid:conformance` of the XMP packet, if there is one.
    var part: String?
    var conformance: String?
    /// Font descriptors without an embedded font program (FontFile, FontFile2, FontFile3).
    var fontsNotEmbedded: [String]
    var usesObjectStreams: Bool
    /// The fonts embedded, by their PostScript names without the subset tag (`NotoSansCJKjp-Regular`).
    var embeddedFonts: [String]

    init(_ data: Data) {
        let text = String(decoding: data, as: Unicode.ASCII.self)
        pages = Self.count(#"/Type\s*/Page(?![a-zA-Z])"#, in: text)
        part = Self.xmp("part", in: text)
        conformance = Self.xmp("conformance", in: text)
        usesObjectStreams = text.contains("/ObjStm")
        embeddedFonts = Self.baseFonts(in: text)
        fontsNotEmbedded = []
        var searchStart = text.startIndex
        while let descriptor = text.range(of: "/FontDescriptor", range: searchStart..<text.endIndex) {
            searchStart = descriptor.upperBound
            // The descriptor's own object: from its `obj` to `endobj`. A font dictionary that points to its
            // descriptor (`/FontDescriptor 12 0 R`) is skipped: the descriptor object is checked itself.
            let before = text[..<descriptor.lowerBound]
            guard let start = before.range(of: "obj", options: .backwards),
                let end = text.range(of: "endobj", range: descriptor.upperBound..<text.endIndex)
            else { continue }
            let object = text[start.upperBound..<end.lowerBound]
            guard object.contains("/Type/FontDescriptor") || object.contains("/Type /FontDescriptor") else { continue }
            if !(object.contains("/FontFile")) {
                let value = object.range(of: "/FontName").map {
                    object[$0.upperBound...].drop { $0 == " " || $0 == "/" }
                }
                let name = value?.prefix { !"/<>[] \r\n".contains($0) } ?? "?"
                fontsNotEmbedded.append(String(name))
            }
        }
    }

    /// `/BaseFont /ABCDEF+Name` → Name, each once, sorted.
    static func baseFonts(in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #"/BaseFont\s*/([A-Za-z0-9+\-_#.,]+)"#) else { return [] }
        var names: Set<String> = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            var name = Substring(text[range])
            if name.count > 7, name.dropFirst(6).first == "+", name.prefix(6).allSatisfy({ $0.isUppercase }) {
                name = name.dropFirst(7)
            }
            names.insert(String(name))
        }
        return names.sorted()
    }

    static func count(_ pattern: String, in text: String) -> Int {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return 0 }
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// `<pdfaid:part>2</pdfaid:part>` or `pdfaid:part="2"`.
    static func xmp(_ name: String, in text: String) -> String? {
        for pattern in [#"<pdfaid:\#(name)>\s*([^<\s]+)\s*<"#, #"pdfaid:\#(name)\s*=\s*["']([^"']+)["']"#] {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range(at: 1), in: text)
            else { continue }
            return String(text[range])
        }
        return nil
    }

    /// What keeps this PDF from being the PDF/A-2b copy asked for, in both languages; empty when nothing does.
    var problems: [(chinese: String, english: String)] {
        var problems: [(String, String)] = []
        if usesObjectStreams {
            problems.append(("使用对象流，无法检查", "uses object streams and cannot be checked"))
        }
        if part != "2" || conformance?.uppercased() != "B" {
            problems.append(
                (
                    "XMP 未声明 PDF/A-2b（part \(part ?? "无")，conformance \(conformance ?? "无")）",
                    "its XMP does not declare PDF/A-2b (part \(part ?? "none"), conformance \(conformance ?? "none"))"
                ))
        }
        if !fontsNotEmbedded.isEmpty {
            let names = fontsNotEmbedded.joined(separator: ", ")
            problems.append(("字体未嵌入：\(names)", "fonts not embedded: \(names)"))
        }
        if pages == 0 { problems.append(("没有页面", "has no pages")) }
        return problems
    }
}
