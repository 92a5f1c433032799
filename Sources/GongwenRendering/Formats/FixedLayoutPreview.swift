import Foundation
import GongwenModel
import GongwenOOXML

/// An issued document's fixed-layout copy: the pages gongwen laid out, to be written as OFD (by the archive
/// step, which knows the font files to embed), and the same pages as a web page.
public struct FixedLayoutCopy: Sendable, Equatable {
    /// The OFD writer holding the pages and DocInfo.
    public var writer: OFDWriter
    /// The title of the pages' preview for a browser (``FixedLayoutPreview``), or nil where none is made
    /// (certificates). The preview is drawn from the writer's pages as it is written into its file: the plan
    /// notice's, 2,000 pages at 100,000 declarations, was 300 MB as one string.
    public var previewTitle: String?

    public init(writer: OFDWriter, previewTitle: String? = nil) {
        self.writer = writer
        self.previewTitle = previewTitle
    }

    /// The OFD package (GB/T 33190-2016), with `embedding`'s fonts embedded as subsets.
    public func ofd(embedding: [String: OFDWriter.EmbeddedFont] = [:]) throws -> Data {
        try writer.package(embedding: embedding)
    }

    /// The preview, written into `sink` a page at a time; nothing when there is none.
    public func writePreview(to sink: any ZipSink) throws {
        guard let previewTitle else { return }
        try FixedLayoutPreview.write(writer.pages, title: previewTitle) { text in
            try Array(text.utf8).withUnsafeBytes { try sink.write($0) }
        }
    }
}

/// The pages gongwen laid out for the OFD, drawn as one SVG per page in an HTML file, so the OFD's layout can
/// be seen in any browser, printed, and measured against the DOCX's render without an OFD reader.
///
/// Every character is placed where the OFD places it: the page model's left edge, baseline and advances become
/// an SVG `x` list (one x per character), so a reader's fallback font changes the glyphs' look but never a
/// line or a page break. Sizes are millimetres (the SVG's user unit is 1 mm on a 210 × 297 viewBox); the
/// page prints at A4 with no margins of its own (`@page { size: A4; margin: 0 }`, landscape pages rotated by
/// their own page size). Deterministic: numbers with three decimals, no clock.
public enum FixedLayoutPreview {
    /// The CSS font list for a font a 公文 names: the name itself first, then its usual stand-ins.
    static func fontFamily(_ name: String) -> String {
        let fallback: [String]
        if name.contains("仿宋") {
            fallback = ["FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "serif"]
        } else if name.contains("小标宋") {
            fallback = ["FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "serif"]
        } else if name.contains("黑体") {
            fallback = ["SimHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "sans-serif"]
        } else if name.contains("楷体") {
            fallback = ["KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "serif"]
        } else {
            fallback = ["Liberation Serif", "serif"]
        }
        return ([name] + fallback).map { $0.hasSuffix("serif") ? $0 : "'\($0)'" }.joined(separator: ", ")
    }

    public static func html(_ pages: [LaidOutPage], title: String) -> Data {
        var bytes: [UInt8] = []
        try? write(pages, title: title) { bytes += $0.utf8 }
        return Data(bytes)
    }

    /// The same HTML handed to `emit` a page at a time.
    public static func write(_ pages: [LaidOutPage], title: String, to emit: (String) throws -> Void) throws {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))（版式预览 / OFD layout preview）</title>
            <style>
              body { margin: 0; background: #888; }
              svg { display: block; margin: 8mm auto; background: #fff; box-shadow: 0 0 2mm #444; }
              @page { size: A4; margin: 0; }
              @page landscape { size: A4 landscape; margin: 0; }
              .landscape { page: landscape; }
              @media print { body { background: none; } svg { margin: 0; box-shadow: none; break-after: page; } }
            </style>
            </head>
            <body>

            """
        // A page names a few fonts thousands of times: each one's CSS list made once.
        var families: [String: String] = [:]
        for (index, page) in pages.enumerated() {
            let width = number(page.width)
            let height = number(page.height)
            let landscape = page.width > page.height ? " class=\"landscape\"" : ""
            out += """
                <svg xmlns="http://www.w3.org/2000/svg"\(landscape) width="\(width)mm" height="\(height)mm" \
                viewBox="0 0 \(width) \(height)" aria-label="第 \(index + 1) 页">

                """
            for rule in page.rules {
                out += """
                    <line x1="\(number(rule.x1))" y1="\(number(rule.y1))" x2="\(number(rule.x2))" \
                    y2="\(number(rule.y2))" stroke="\(rule.red ? "#f00" : "#000")" stroke-width="\(number(rule.width))"/>

                    """
            }
            for run in page.runs {
                var position = run.x
                var xs: [String] = []
                for (offset, _) in run.text.unicodeScalars.enumerated() {
                    xs.append(number(position))
                    if offset < run.advances.count { position += run.advances[offset] }
                }
                let red = run.red ? " fill=\"#f00\"" : ""
                let family: String
                if let known = families[run.font] {
                    family = known
                } else {
                    family = escape(fontFamily(run.font))
                    families[run.font] = family
                }
                out += """
                    <text x="\(xs.joined(separator: " "))" y="\(number(run.baseline))" \
                    font-family="\(family)" font-size="\(number(run.size))"\(red)>\
                    \(escape(run.text))</text>

                    """
            }
            out += "</svg>\n"
            try emit(out)
            out = ""
        }
        out += "</body>\n</html>\n"
        try emit(out)
    }

    static func number(_ value: Double) -> String { OFDWriter.number(value) }

    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: returned as it is, without walking its characters.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
