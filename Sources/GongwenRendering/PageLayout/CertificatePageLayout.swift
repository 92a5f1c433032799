import GongwenModel

/// A certificate laid out by gongwen for its OFD copy, as the DOCX sets it: the number at the top right, the
/// heading in 42 pt spaced half a character, the recipient, the sentence and 特发此证 in 18 pt two characters
/// in, room for the seal, the issuer and the date at the right; the block centred on the page.
public enum CertificatePageLayout {
    public static func page(_ text: CertificateTemplate.Text, template: CertificateTemplate) -> LaidOutPage {
        let paper = template.page
        var page = LaidOutPage(width: paper.width, height: paper.height)
        let body = GBT9704Page.mm(18)
        let line = GBT9704Page.mm(32)
        let left = paper.left
        let width = paper.width - paper.left - paper.right
        var y = paper.top + GBT9704Page.mm(text.topSpace)
        func run(_ string: String, x: Double, baseline: Double, font: String, size: Double, pitch: Double) {
            page.runs.append(
                NoticePageLayout.run(string, x: x, baseline: baseline, font: font, size: size, pitch: pitch))
        }
        let small = GBT9704Page.mm(12)
        run(
            text.number, x: left + width - NoticePageLayout.width(text.number, pitch: small), baseline: y + small,
            font: template.fonts.body, size: small, pitch: small)
        y += GBT9704Page.mm(18) + GBT9704Page.mm(12)
        let heading = GBT9704Page.mm(42)
        let headingWidth = NoticePageLayout.width(text.heading, pitch: heading * 1.5) - heading * 0.5
        run(
            text.heading, x: left + (width - headingWidth) / 2, baseline: y + GBT9704Page.mm(60) / 2 + heading * 0.38,
            font: template.fonts.heading, size: heading, pitch: heading * 1.5)
        y += GBT9704Page.mm(60) + line
        func put(_ string: String, indent: Double) {
            for (index, content) in LineBreaker.lines(string, width: width / body, firstIndent: indent).enumerated() {
                run(
                    content, x: left + (index == 0 ? indent * body : 0), baseline: y + line / 2 + body * 0.38,
                    font: template.fonts.body, size: body, pitch: body)
                y += line
            }
        }
        put(text.recipient, indent: 0)
        put(text.sentence, indent: 2)
        put(text.closing, indent: 2)
        y += 2 * line
        for string in [text.issuer, text.date] {
            let stringWidth = NoticePageLayout.width(string, pitch: body)
            run(
                string, x: left + width - 2 * body - stringWidth, baseline: y + line / 2 + body * 0.38,
                font: template.fonts.body, size: body, pitch: body)
            y += line
        }
        return page.drawingLatin(in: "Times New Roman")
    }
}
