import GongwenDocuments
import GongwenModel

/// The type area of a page: portrait, or a landscape page turned a quarter for a wide table (the 订口 at the
/// top, the type area 225 × 156 mm).
struct TypeArea {
    var left: Double, top: Double, width: Double, height: Double
    var bottom: Double { top + height }

    static let portrait = TypeArea(left: 28, top: 37, width: 156, height: 225)
    static let landscape = TypeArea(left: 37, top: 28, width: 225, height: 156)
}

/// Attachment pages (GB/T 9704 §7.3.7): each starts a page, 附件N in 3号黑体 on the first line, its title in 2号
/// on the third, then its table in 五号: the header row repeated on every page, rows never split, cells wrapped
/// by ``LineBreaker``; a wide table on landscape pages.
extension NoticePageLayout {
    static let tableSize = GBT9704Page.mm(10.5)
    static var tableLine: Double { tableSize * 1.35 }
    static let cellPadding = 1.0

    /// The wrapped lines of each cell of `cells` for `widths`.
    static func wrap(_ cells: [String], widths: [Double]) -> [[String]] {
        zip(cells, widths).map { cell, width in
            cell.split(separator: "\n", omittingEmptySubsequences: false).flatMap { part in
                LineBreaker.lines(String(part), width: max(1, (width - 2 * cellPadding) / tableSize))
            }
        }
    }

    mutating func attachmentPages() {
        for index in Set(tables.keys).union(lists.keys).sorted() where index < text.attachments.count {
            if let list = lists[index] {
                listPage(index, list)
                continue
            }
            guard let table = tables[index] else { continue }
            let area = table.landscape ? TypeArea.landscape : TypeArea.portrait
            startPage(landscape: table.landscape)
            let pitch = GBT9704Page.linePitch
            let label = text.attachments.count > 1 ? "附件\(index + 1)" : "附件"
            current.runs.append(
                Self.run(
                    label, x: area.left, baseline: area.top + pitch / 2 + Self.size3 * 0.38, font: fonts.heiti,
                    size: Self.size3, pitch: GBT9704Page.characterPitch))
            var y = area.top + 2 * pitch
            for title in TitleLines.split(
                text.attachments[index], maximumWidth: table.landscape ? 28 : 20, extraTerms: [])
            {
                let width = Self.width(title, pitch: Self.size2)
                current.runs.append(
                    Self.run(
                        title, x: area.left + (area.width - width) / 2, baseline: y + pitch / 2 + Self.size2 * 0.38,
                        font: fonts.xiaobiaosong, size: Self.size2, pitch: Self.size2))
                y += pitch
            }
            y += pitch / 2
            let small = GBT9704Page.mm(12)
            for line in table.before.flatMap({ LineBreaker.lines($0, width: area.width / small) }) {
                current.runs.append(
                    Self.run(
                        line, x: area.left, baseline: y + small * 1.1, font: fonts.fangsong, size: small, pitch: small))
                y += small * 1.6
            }
            y = layTable(table, area: area, landscape: table.landscape, from: y)
            if !table.after.isEmpty { y += small }
            let after = table.after.flatMap { LineBreaker.lines($0, width: area.width / small) }
            for line in after {
                if y + small * 1.6 > area.bottom {
                    startPage(landscape: table.landscape)
                    y = area.top
                }
                current.runs.append(
                    Self.run(
                        line, x: area.left, baseline: y + small * 1.1, font: fonts.fangsong, size: small, pitch: small))
                y += small * 1.6
            }
            // What follows (another attachment, the 版记) continues from here on a portrait page.
            line = table.landscape ? Page.lines : Int(((y - area.top) / pitch).rounded(.up))
        }
    }

    /// Starts a new page, landscape or portrait.
    mutating func startPage(landscape: Bool) {
        pages.append(current)
        current = landscape ? LaidOutPage(width: 297, height: 210) : LaidOutPage()
        line = 0
    }

    /// Lays `table` out from `y`; returns the y under its last row.
    mutating func layTable(_ table: NoticeAttachmentTable, area: TypeArea, landscape: Bool, from start: Double)
        -> Double
    {
        let total = table.columns.map(\.width).reduce(0, +)
        let widths = table.columns.map { area.width * $0.width / total }
        var edges = [area.left]
        for width in widths { edges.append(edges[edges.count - 1] + width) }
        let header = Self.wrap(table.columns.map(\.title), widths: widths)
        let headerHeight = Self.height(header)
        var y = start
        var segmentTop = y
        func closeSegment(_ page: inout LaidOutPage, bottom: Double) {
            for edge in edges {
                page.rules.append(.init(x1: edge, y1: segmentTop, x2: edge, y2: bottom, width: 0.2))
            }
        }
        func drawRow(_ cells: [[String]], top: Double, height: Double, header: Bool, _ page: inout LaidOutPage) {
            page.rules.append(.init(x1: area.left, y1: top, x2: area.left + area.width, y2: top, width: 0.2))
            for (column, lines) in cells.enumerated() {
                let centred = header || !table.columns[column].leftAligned
                let textTop = top + (height - Double(lines.count) * Self.tableLine) / 2
                for (index, content) in lines.enumerated() where !content.isEmpty {
                    let width = Self.width(content, pitch: Self.tableSize)
                    let x =
                        centred
                        ? edges[column] + (widths[column] - width) / 2 : edges[column] + Self.cellPadding
                    page.runs.append(
                        Self.run(
                            content, x: x, baseline: textTop + Double(index) * Self.tableLine + Self.tableLine * 0.75,
                            font: header ? fonts.heiti : fonts.fangsong, size: Self.tableSize, pitch: Self.tableSize))
                }
            }
        }
        drawRow(header, top: y, height: headerHeight, header: true, &current)
        y += headerHeight
        for row in table.rows {
            let cells = Self.wrap(row, widths: widths)
            let height = max(Self.height(cells), 6)
            if y + height > area.bottom {
                // Rows never split: close this page's table, repeat the header on the next.
                current.rules.append(.init(x1: area.left, y1: y, x2: area.left + area.width, y2: y, width: 0.2))
                closeSegment(&current, bottom: y)
                startPage(landscape: landscape)
                y = area.top
                segmentTop = y
                drawRow(header, top: y, height: headerHeight, header: true, &current)
                y += headerHeight
            }
            drawRow(cells, top: y, height: height, header: false, &current)
            y += height
        }
        current.rules.append(.init(x1: area.left, y1: y, x2: area.left + area.width, y2: y, width: 0.2))
        closeSegment(&current, bottom: y)
        return y
    }

    static func height(_ cells: [[String]]) -> Double {
        Double(cells.map(\.count).max() ?? 1) * tableLine + 2 * cellPadding
    }
}
