import Foundation
import GongwenRendering

/// The font files an OFD copy embeds (`--embed-fonts`), found the way LibreOffice and a reader would find them:
/// fontconfig's `fc-match`. A font is embedded when fontconfig resolves its name to itself and its file has
/// TrueType outlines; otherwise it is listed as not embedded, with what this machine would show instead — and
/// with `--allow-substitute-fonts` that stand-in is embedded in its place (asked for with `:lang=zh-cn`, so a
/// Chinese font stands in for a Chinese one), and the OFD's DocInfo records the substitution.
struct FontEmbedding: Sendable {
    /// What to embed, by the name the pages use.
    var fonts: [String: OFDWriter.EmbeddedFont] = [:]
    /// Fonts not embedded, each with the family this machine would use and why it was not embedded.
    var notEmbedded: [(font: String, reason: String)] = []

    /// The files for `fonts` (each name with the characters drawn in it).
    static func locate(
        _ fonts: [(name: String, characters: Set<Unicode.Scalar>)], allowSubstitutes: Bool
    ) throws(GongwenError) -> FontEmbedding {
        guard let fontconfig = FontResolution.locate() else {
            throw GongwenError(
                .io, message: "未找到 fc-match（fontconfig），无法查找字体文件 / fc-match (fontconfig) was not found")
        }
        var result = FontEmbedding()
        for (name, characters) in fonts {
            do {
                guard let exact = try fontconfig.matches(name).first else {
                    throw TrueTypeSubset.Failure(description: "fc-match：没有结果 / no match for \(name)")
                }
                if exact.isFamily(name) {
                    result.fonts[name] = try load(exact)
                    continue
                }
                let shown = exact.families.first ?? "?"
                guard allowSubstitutes else {
                    result.notEmbedded.append((name, "本机未安装，将显示为 \(shown) / not installed (shown as \(shown))"))
                    continue
                }
                // The first stand-in fontconfig offers that has TrueType outlines and every character drawn.
                let chinese = name.unicodeScalars.contains { $0.value > 0x2E80 }
                var chosen: OFDWriter.EmbeddedFont?
                for candidate in try fontconfig.matches(name + (chinese ? ":lang=zh-cn" : ""), sorted: true).prefix(40)
                where candidate.format == "TrueType" {
                    guard var font = try? load(candidate),
                        (try? TrueTypeSubset.missing(characters, in: font.data, faceIndex: font.faceIndex))?.isEmpty
                            == true
                    else { continue }
                    font.substitute = candidate.families.first ?? "?"
                    chosen = font
                    break
                }
                guard let chosen else {
                    result.notEmbedded.append(
                        (name, "本机未安装，也没有可嵌入的替代字体 / not installed, and no TrueType stand-in has its characters"))
                    continue
                }
                result.fonts[name] = chosen
                let standIn = chosen.substitute ?? "?"
                result.notEmbedded.append((name, "以 \(standIn) 代替嵌入 / \(standIn) embedded in its place"))
            } catch {
                result.notEmbedded.append((name, "\(error)"))
            }
        }
        return result
    }

    /// The font's file, checked to hold TrueType outlines (a CFF font is named as such).
    static func load(_ match: FontResolution.Match) throws -> OFDWriter.EmbeddedFont {
        let data = try Data(contentsOf: URL(fileURLWithPath: match.file))
        do {
            try TrueTypeSubset.checkEmbeddable(data, faceIndex: match.index)
        } catch {
            throw TrueTypeSubset.Failure(description: "\((match.file as NSString).lastPathComponent)：\(error)")
        }
        return OFDWriter.EmbeddedFont(data: data, faceIndex: match.index)
    }
}
