import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML

/// The metadata record (元数据.xml) of one issued document in its archive package: the GB/T 33480-2016 core
/// elements the document has, then the DA/T 46-2009 archival elements and one 文档 per copy (DOCX, PDF/A)
/// with its file name, size, format, creating program and SHA-256. Elements are named as the standards name
/// them; `Schemas/gongwen-archive-record.xsd` is the schema every record validates against (CI: xmllint).
/// Every date comes from the campaign data, so the same data gives the same record.
public struct MetadataRecord: Sendable, Equatable {
    /// One stored copy of the document.
    public struct Copy: Sendable, Equatable {
        /// 原件 (the DOCX as issued) or 版式副本 (the fixed-layout copy).
        public var role: String
        public var fileName: String
        public var size: Int
        public var sha256: String
        /// 格式信息, e.g. `DOCX (ISO/IEC 29500-1, ECMA-376)`.
        public var format: String
        /// 文档创建程序.
        public var program: String
        /// Pages, when known (a PDF's).
        public var pages: Int?
        /// Fonts the copy shows in a substitute (named → used), when `--allow-substitute-fonts` let it be made.
        public var substitutions: [FontSubstitution] = []
        /// The fonts the copy embeds (a PDF's), so the record says what the page was drawn with.
        public var embeddedFonts: [String] = []
    }

    public static let namespace = "urn:x-gongwen:archive-record:1"
    public static let fileName = "元数据.xml"

    public var issuance: IssuanceRecord
    public var copies: [Copy]

    public init(issuance: IssuanceRecord, copies: [Copy]) {
        self.issuance = issuance
        self.copies = copies
    }

    /// The record as UTF-8 XML.
    public func xml() -> Data {
        let record = issuance
        var writer = XMLWriter()
        writer.declaration()
        writer.open("归档元数据", ["xmlns": Self.namespace, "版本": "1"])
        writer.open("电子公文元数据", ["依据": "GB/T 33480-2016"])
        // 公文标识: the issuer and its 文号 identify a 公文 uniquely (a 文号 is never reused by its issuer).
        writer.element("公文标识", text: "\(record.author)·\(record.documentNumber)")
        writer.element("文种", text: record.documentType)
        optional("份号", record.copyNumber, &writer)
        optional("密级和保密期限", record.classification, &writer)
        optional("紧急程度", record.urgency, &writer)
        writer.element("发文机关标志", text: record.issuerMark)
        writer.element("发文字号", text: record.documentNumber)
        optional("签发人", record.signer, &writer)
        writer.element("标题", text: record.title)
        writer.element("主送机关", text: record.recipients)
        if !record.attachments.isEmpty {
            writer.open("附件说明")
            for (index, attachment) in record.attachments.enumerated() {
                writer.element("附件", ["序号": String(index + 1)], text: attachment)
            }
            writer.close("附件说明")
        }
        writer.element("发文机关署名", text: record.issuer)
        writer.element("成文日期", text: record.issueDate.iso)
        optional("附注", record.note, &writer)
        optional("抄送机关", record.copyTo, &writer)
        writer.element("印发机关", text: record.printedBy)
        writer.element("印发日期", text: record.printDate.iso)
        writer.close("电子公文元数据")

        writer.open("文书类电子文件元数据", ["依据": "DA/T 46-2009"])
        writer.element("题名", text: record.title)
        writer.element("文件编号", text: record.documentNumber)
        writer.element("责任者", text: record.author)
        // 日期 as eight digits, as the 归档文件目录 writes it (DA/T 22).
        writer.element("日期", text: record.issueDate.iso.replacingOccurrences(of: "-", with: ""))
        writer.element("文种", text: record.documentType)
        writer.element("密级", text: record.classification.isEmpty ? "公开" : record.classification)
        writer.element("保管期限", ["代码": record.retention.code], text: record.retention.rawValue)
        if let pages = copies.compactMap(\.pages).first { writer.element("页数", text: String(pages)) }
        for copy in copies {
            writer.open("文档", ["类型": copy.role])
            writer.element("计算机文件名", text: copy.fileName)
            writer.element("计算机文件大小", text: String(copy.size))
            writer.element("格式信息", text: copy.format)
            writer.element("文档创建程序", text: copy.program)
            writer.element("哈希值", ["算法": "SHA-256"], text: copy.sha256)
            for substitution in copy.substitutions {
                writer.empty("字体替代", ["原字体": substitution.requested, "实际字体": substitution.used])
            }
            for font in copy.embeddedFonts { writer.element("嵌入字体", text: font) }
            writer.close("文档")
        }
        writer.close("文书类电子文件元数据")
        writer.close("归档元数据")
        return Data(Self.indented(String(decoding: writer.buffer, as: UTF8.self)).utf8)
    }

    /// One element to a line, indented two spaces a level, for an archivist reading the record. Text and
    /// attribute values are escaped, so `><` only ever occurs between two tags.
    static func indented(_ xml: String) -> String {
        var lines: [String] = []
        var depth = 0
        var body = Substring(xml)
        if body.hasPrefix("<?"), let end = body.range(of: "?>") {
            lines.append(String(body[..<end.upperBound]))
            body = body[end.upperBound...].drop { $0.isWhitespace }
        }
        for (index, piece) in body.components(separatedBy: "><").enumerated() {
            let tag = (index == 0 ? "" : "<") + piece + (piece.hasSuffix(">") ? "" : ">")
            let closing = tag.hasPrefix("</")
            if closing { depth -= 1 }
            lines.append(String(repeating: "  ", count: max(0, depth)) + tag)
            let opening = !closing && !tag.hasPrefix("<?") && !tag.hasSuffix("/>") && !tag.contains("</")
            if opening { depth += 1 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func optional(_ name: String, _ value: String, _ writer: inout XMLWriter) {
        if !value.isEmpty { writer.element(name, text: value) }
    }
}

/// A font a document names that this machine shows in another one (fc-match).
public struct FontSubstitution: Sendable, Equatable {
    public var requested: String
    public var used: String

    public init(requested: String, used: String) {
        self.requested = requested
        self.used = used
    }
}
