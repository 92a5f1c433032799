import Foundation
import GongwenDocuments
import GongwenModel
import GongwenRendering
import GongwenTemplates

/// Makes an archive package (归档包) for each issued document of a build, in the same run that issues it:
///
///     归档包/<文号 标题>/<文号 标题>.docx   the document as issued (原件)
///                       <文号 标题>.pdf    its PDF/A-2b copy (版式副本), with --pdf or `archive: pdf`
///                       <文号 标题>.ofd    its OFD copy laid out by gongwen, with --ofd or `archive: ofd`
///                       依据材料-…          the records it rests on (the decision's 评审结果汇总表, the plan
///                                          notice's 项目筛选记录), when the campaign has made them
///                       元数据.xml          the metadata record (GB/T 33480, DA/T 46), with each copy's SHA-256
///                       SHA256SUMS         fixity: `sha256sum -c SHA256SUMS` checks the package on its own
///
/// With an OFD copy, `版式预览/<文号 标题>.html` shows the OFD's pages in a browser (``FixedLayoutPreview``).
/// Every file goes through the staging folder, so it is in manifest.json and swapped in with the rest.
struct ArchivePackager {
    /// The folder the packages go to, under the output folder.
    static let folder = "归档包"
    /// The OFD copies' pages as web pages, beside the packages.
    static let previewFolder = "版式预览"

    struct Options: Sendable {
        var pdf = false
        var ofd = false
        var allowSubstituteFonts = false
        /// `--embed-fonts`: the OFD copies carry subsets of the font files found (``FontEmbedding``).
        var fonts: [String: OFDWriter.EmbeddedFont] = [:]
    }

    let staging: StagingFolder
    let options: Options

    /// Writes `file`'s OFD copy (and, for an issued document, its preview) where the package will have it,
    /// in the job that laid it out, and frees the pages; the package step then lists what was written. Not
    /// with embedded fonts, whose subsets hold the characters of every document.
    func writeFixedLayoutCopy(of file: WrittenFile) throws(GongwenError) -> WrittenFile {
        guard options.ofd, options.fonts.isEmpty, let copy = file.fixedLayout else { return file }
        var done = file
        if file.issuance == nil {
            let ofd = try write(try ofd(copy, file), at: String(file.path.dropLast(5)) + ".ofd", file, kind: file.kind)
            done.fixedLayoutFiles = FixedLayoutFiles(ofd: ofd, preview: nil)
        } else {
            guard file.path.hasSuffix(".docx") else { return file }
            let base = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let preview = copy.previewTitle == nil ? nil : try writePreview(of: copy, base: base, file)
            let ofd = try write(try ofd(copy, file), at: "\(Self.folder)/\(base)/\(base).ofd", file)
            done.fixedLayoutFiles = FixedLayoutFiles(ofd: ofd, preview: preview)
        }
        done.fixedLayout = nil
        return done
    }

    /// The package files for `files`' issued documents (those carrying an ``IssuanceRecord``).
    func package(_ files: [WrittenFile]) throws(GongwenError) -> [WrittenFile] {
        var written: [WrittenFile] = []
        // Certificates' OFD copies go beside their DOCX.
        if options.ofd {
            for file in files where file.issuance == nil {
                if let done = file.fixedLayoutFiles {
                    written.append(done.ofd)
                    continue
                }
                guard let copy = file.fixedLayout else { continue }
                written.append(
                    try write(try ofd(copy, file), at: String(file.path.dropLast(5)) + ".ofd", file, kind: file.kind))
            }
        }
        let issued = files.filter { $0.issuance != nil && $0.path.hasSuffix(".docx") }
        guard !issued.isEmpty else { return written }
        let pdfs = options.pdf ? try pdfCopies(of: issued) : [:]
        for file in issued {
            guard let issuance = file.issuance else { continue }
            let docxName = (file.path as NSString).lastPathComponent
            let base = (docxName as NSString).deletingPathExtension
            let packagePath = "\(Self.folder)/\(base)"
            let original: Data
            do {
                original = try Data(contentsOf: staging.url.appendingPathComponent(file.path))
            } catch {
                throw GongwenError(
                    .io, path: file.path, message: "无法读取 / cannot be read: " + FileSystem.describe(error))
            }
            var copies = [
                MetadataRecord.Copy(
                    role: "原件", fileName: docxName, size: file.size, sha256: file.sha256,
                    format: "DOCX (ISO/IEC 29500-1:2016, ECMA-376)", program: "gongwen")
            ]
            var sums = [(name: docxName, sha256: file.sha256)]
            written.append(try write(original, at: "\(packagePath)/\(docxName)", file))
            if let pdf = pdfs[file.path] {
                let name = base + ".pdf"
                let copy = try write(pdf.data, at: "\(packagePath)/\(name)", file)
                written.append(copy)
                copies.append(
                    MetadataRecord.Copy(
                        role: "版式副本", fileName: name, size: copy.size, sha256: copy.sha256,
                        format: "PDF/A-2b (ISO 19005-2:2011, GB/T 23286)", program: "LibreOffice (gongwen --pdf)",
                        pages: pdf.pages, substitutions: pdf.substitutions, embeddedFonts: pdf.embeddedFonts))
                sums.append((name, copy.sha256))
            }
            if options.ofd, let done = file.fixedLayoutFiles {
                if let preview = done.preview { written.append(preview) }
                written.append(done.ofd)
                copies.append(
                    MetadataRecord.Copy(
                        role: "版式副本", fileName: base + ".ofd", size: done.ofd.size, sha256: done.ofd.sha256,
                        format: "OFD (GB/T 33190-2016)", program: "gongwen"))
                sums.append((base + ".ofd", done.ofd.sha256))
            } else if options.ofd, let fixedLayout = file.fixedLayout {
                let name = base + ".ofd"
                let copy = try write(try ofd(fixedLayout, file), at: "\(packagePath)/\(name)", file)
                // The OFD's pages for a browser, outside the package (not an archival copy).
                if fixedLayout.previewTitle != nil {
                    written.append(try writePreview(of: fixedLayout, base: base, file))
                }
                written.append(copy)
                copies.append(
                    MetadataRecord.Copy(
                        role: "版式副本", fileName: name, size: copy.size, sha256: copy.sha256,
                        format: "OFD (GB/T 33190-2016)", program: "gongwen"))
                sums.append((name, copy.sha256))
            }
            for basis in files where basis.basisOf == issuance.key && basis.issuance == nil {
                let name = "依据材料-" + (basis.path as NSString).lastPathComponent
                let bytes: Data
                do {
                    bytes = try Data(contentsOf: staging.url.appendingPathComponent(basis.path))
                } catch {
                    throw GongwenError(
                        .io, path: basis.path, message: "无法读取 / cannot be read: " + FileSystem.describe(error))
                }
                let copy = try write(bytes, at: "\(packagePath)/\(name)", file)
                written.append(copy)
                copies.append(
                    MetadataRecord.Copy(
                        role: "依据材料", fileName: name, size: copy.size, sha256: copy.sha256,
                        format: Self.format(of: name), program: "gongwen"))
                sums.append((name, copy.sha256))
            }
            let record = try write(
                MetadataRecord(issuance: issuance, copies: copies).xml(),
                at: "\(packagePath)/\(MetadataRecord.fileName)", file)
            written.append(record)
            sums.append((MetadataRecord.fileName, record.sha256))
            written.append(
                try write(Data(FixityFile.text(sums).utf8), at: "\(packagePath)/\(FixityFile.fileName)", file))
        }
        return written
    }

    /// 格式信息 of a decision's record by its extension.
    static func format(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "xlsx": "XLSX (ISO/IEC 29500-1:2016, ECMA-376)"
        case "docx": "DOCX (ISO/IEC 29500-1:2016, ECMA-376)"
        case "html": "HTML (WHATWG HTML, UTF-8)"
        case "csv": "CSV (RFC 4180, UTF-8)"
        default: (name as NSString).pathExtension.uppercased()
        }
    }

    /// The OFD package of `copy`, with the fonts to embed.
    func ofd(_ copy: FixedLayoutCopy, _ file: WrittenFile) throws(GongwenError) -> Data {
        do {
            return try copy.ofd(embedding: options.fonts)
        } catch {
            throw GongwenError(.io, path: file.path, message: "OFD 未能生成 / the OFD could not be made: \(error)")
        }
    }

    /// The OFD's pages for a browser, outside the package (not an archival copy), written as they are drawn.
    func writePreview(of copy: FixedLayoutCopy, base: String, _ source: WrittenFile) throws(GongwenError) -> WrittenFile
    {
        try staging.write(
            RenderedFile(
                path: "\(Self.previewFolder)/\(base).html", stream: { sink in try copy.writePreview(to: sink) },
                kind: source.kind, documentNumber: source.documentNumber, title: source.title))
    }

    func write(
        _ data: Data, at path: String, _ source: WrittenFile, kind: DocumentKind = .archivePackage
    ) throws(GongwenError) -> WrittenFile {
        try staging.write(
            RenderedFile(
                path: path, data: data, kind: kind, documentNumber: source.documentNumber, title: source.title))
    }

    struct PDFCopy {
        var data: Data
        var pages: Int
        var substitutions: [FontSubstitution]
        var embeddedFonts: [String]
    }

    /// The PDF/A-2b copies, by the DOCX's path: fonts checked first, one LibreOffice run, each PDF checked.
    func pdfCopies(of files: [WrittenFile]) throws(GongwenError) -> [String: PDFCopy] {
        var substitutions: [FontSubstitution] = []
        do {
            guard let fonts = FontResolution.locate() else {
                throw ToolError(
                    chinese: "未找到 fc-match（fontconfig），无法检查字体", english: "fc-match (fontconfig) was not found")
            }
            substitutions = try fonts.substitutions(files.flatMap(\.fonts))
        } catch {
            throw GongwenError(.io, message: "\(error)")
        }
        if !substitutions.isEmpty, !options.allowSubstituteFonts {
            let list = substitutions.map { "“\($0.requested)” → “\($0.used)”" }.joined(separator: "，")
            throw GongwenError(
                .invalidData,
                message: "本机缺少公文所用字体，PDF 将以替代字体显示：\(list)。请安装这些字体，或加 --allow-substitute-fonts"
                    + "（替代将记入元数据）/ fonts the documents name are not installed and would be replaced in the PDF: "
                    + "\(list). Install them, or pass --allow-substitute-fonts (the metadata then records the substitution)"
            )
        }
        guard let soffice = PDFACopy.locate() else {
            throw GongwenError(.io, message: PDFACopy.installHint)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var copies: [String: PDFCopy] = [:]
        do {
            // Plain ASCII names in the work folder: LibreOffice names each PDF after its input.
            let input = work.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            var sources: [URL] = []
            for (index, file) in files.enumerated() {
                let source = input.appendingPathComponent("document-\(index + 1).docx")
                try FileManager.default.copyItem(at: staging.url.appendingPathComponent(file.path), to: source)
                sources.append(source)
            }
            let pdfs = try PDFACopy(soffice: soffice).convert(sources, work: work)
            for (file, pdf) in zip(files, pdfs) {
                let facts = PDFFacts(pdf)
                if let problem = facts.problems.first {
                    throw ToolError(
                        chinese: "\(file.path) 的 PDF 不是合格的 PDF/A-2b：\(problem.chinese)",
                        english: "the PDF of \(file.path) is not a valid PDF/A-2b: \(problem.english)")
                }
                let used = substitutions.filter { file.fonts.contains($0.requested) }
                copies[file.path] = PDFCopy(
                    data: pdf, pages: facts.pages, substitutions: used, embeddedFonts: facts.embeddedFonts)
            }
        } catch let error as ToolError {
            throw GongwenError(.io, message: error.description)
        } catch {
            throw GongwenError(.io, message: "PDF/A: " + FileSystem.describe(error))
        }
        return copies
    }
}
