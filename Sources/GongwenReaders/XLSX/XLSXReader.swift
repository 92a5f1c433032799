import Foundation

/// One cell as read: its text, and whether Excel stored it as a number (a phone typed into a General cell
/// comes back as 13812345678, which the importer reports).
public struct SheetCell: Sendable, Equatable {
    public var text: String
    public var isNumber: Bool
}

/// One row of a sheet as Excel numbers it, with its non-empty cells by 1-based column.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [Int: SheetCell]

    /// The cells from column 1 to the last non-empty one, empty strings between.
    public var texts: [String] {
        guard let last = cells.keys.max() else { return [] }
        return (1...last).map { cells[$0]?.text ?? "" }
    }
}

/// Reads the first worksheet of an XLSX file (codec stage): workbook → relationships → shared strings →
/// sheet, streaming each part through libxml2's reader. A second sheet (notes, drop-down lists) is ignored.
public enum XLSXReader {
    public static func firstSheet(_ data: Data, limits: ImportLimits = ImportLimits()) throws(ImportRefusal)
        -> [SheetRow]
    {
        var archive = try SafeArchive(data: data, limits: limits)
        guard let workbook = try archive.part("xl/workbook.xml") else {
            throw ImportRefusal("不是 Excel 工作簿（缺少 xl/workbook.xml）", "not an Excel workbook (no xl/workbook.xml)")
        }
        var sheetID: String?
        try XMLStream.read(workbook, part: "xl/workbook.xml") { event throws(ImportRefusal) in
            if case .start("sheet", let attributes, _) = event, sheetID == nil { sheetID = attributes["id"] }
        }
        var target = "worksheets/sheet1.xml"
        if let sheetID, let rels = try archive.part("xl/_rels/workbook.xml.rels") {
            try XMLStream.read(rels, part: "xl/_rels/workbook.xml.rels") { event throws(ImportRefusal) in
                if case .start("Relationship", let attributes, _) = event, attributes["Id"] == sheetID,
                    let value = attributes["Target"]
                {
                    target = value
                }
            }
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings = try sharedStrings(&archive, limits: limits)
        guard let sheet = try archive.part(path) else {
            throw ImportRefusal("工作簿中找不到第一个工作表（\(path)）", "the workbook's first sheet (\(path)) is missing")
        }
        return try rows(sheet, part: path, strings: strings, limits: limits)
    }

    static func sharedStrings(_ archive: inout SafeArchive, limits: ImportLimits) throws(ImportRefusal) -> [String] {
        guard let data = try archive.part("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        try XMLStream.read(data, part: "xl/sharedStrings.xml") { event throws(ImportRefusal) in
            switch event {
            case .start("si", _, _): current = ""
            case .end("si"): strings.append(decodeEscapes(current))
            case .start("rPh", _, _): phonetic += 1  // pronunciation guides are not the text
            case .end("rPh"): phonetic -= 1
            case .start("t", _, _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText:
                current += text
                if current.utf8.count > limits.cellHardCap, current.count > limits.cellHardCap {
                    throw ImportRefusal(
                        "共享字符串超过\(limits.cellHardCap)个字符",
                        "a shared string exceeds \(limits.cellHardCap) characters")
                }
            default: break
            }
        }
        return strings
    }

    static func rows(_ data: Data, part: String, strings: [String], limits: ImportLimits) throws(ImportRefusal)
        -> [SheetRow]
    {
        var rows: [SheetRow] = []
        var row: SheetRow?
        var reference = ""
        var type = ""
        var value = ""
        var inline = ""
        var inValue = false
        var inInline = false
        var nextRow = 1
        try XMLStream.read(data, part: part) { event throws(ImportRefusal) in
            switch event {
            case .start("row", let attributes, _):
                let number = attributes["r"].flatMap { Int($0) } ?? nextRow
                guard number <= limits.rows else {
                    throw ImportRefusal(
                        "行数超过 Excel 上限（\(limits.rows)行），已拒绝", "more rows than Excel allows (\(limits.rows)); refused")
                }
                row = SheetRow(number: number, cells: [:])
                nextRow = number + 1
            case .end("row"):
                if let row, !row.cells.isEmpty { rows.append(row) }
                row = nil
            case .start("c", let attributes, _):
                reference = attributes["r"] ?? ""
                type = attributes["t"] ?? "n"
                value = ""
                inline = ""
            case .start("v", _, _): inValue = true
            case .end("v"): inValue = false
            case .start("is", _, _): inInline = true
            case .end("is"): inInline = false
            case .text(let text):
                if inValue { value += text } else if inInline { inline += text }
                if value.utf8.count + inline.utf8.count > limits.cellHardCap,
                    value.count + inline.count > limits.cellHardCap
                {
                    throw ImportRefusal(
                        "单元格 \(reference) 超过\(limits.cellHardCap)个字符，已拒绝",
                        "cell \(reference) exceeds \(limits.cellHardCap) characters; refused")
                }
            case .end("c"):
                guard row != nil else { break }
                let cell: SheetCell
                switch type {
                case "s":
                    cell = SheetCell(
                        text: Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "",
                        isNumber: false)
                case "inlineStr": cell = SheetCell(text: decodeEscapes(inline), isNumber: false)
                case "str", "e", "d": cell = SheetCell(text: decodeEscapes(value), isNumber: false)
                case "b": cell = SheetCell(text: value == "1" ? "TRUE" : "FALSE", isNumber: false)
                default: cell = SheetCell(text: plainNumber(value), isNumber: !value.isEmpty)
                }
                let column = columnNumber(reference) ?? ((row?.cells.keys.max() ?? 0) + 1)
                if !cell.text.isEmpty { row?.cells[column] = cell }
            default: break
            }
        }
        return rows
    }

    /// A number as its digits when it is whole: `1.3812345678E10` → `13812345678`, never scientific.
    static func plainNumber(_ text: String) -> String {
        guard let number = Double(text), number.isFinite else { return text }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return text
    }

    /// 1-based column of a cell reference (`AB12` → 28).
    static func columnNumber(_ reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value - 64)
        }
        return number > 0 ? number : nil
    }

    /// ECMA-376 ST_Xstring: `_xHHHH_` is the character U+HHHH (`_x005F_` an underscore).
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "_", let end = text.index(index, offsetBy: 6, limitedBy: text.endIndex),
                end < text.endIndex,
                text[text.index(after: index)] == "x", text[end] == "_",
                let code = UInt32(text[text.index(index, offsetBy: 2)..<end], radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                index = text.index(after: end)
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return result
    }

    /// An Excel serial date (1900 system) as a day: 43577 → 2019-04-22.
    public static func date(fromSerial serial: Double) -> CalendarDateParts? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Excel counts a 1900-02-29 that never was (serial 60), as Lotus 1-2-3 did: from serial 61 on, days are
        // counted from 1899-12-30; before it, from 1899-12-31.
        let whole = Int(serial.rounded(.down))
        guard whole != 60 else { return nil }
        var days = (whole < 60 ? whole + 1 : whole) + 693_594 - 1
        let (y400, r400) = (days / 146_097, days % 146_097)
        days = r400
        var year = y400 * 400 + 1
        let y100 = min(days / 36_524, 3)
        days -= y100 * 36_524
        year += y100 * 100
        let y4 = days / 1_461
        days -= y4 * 1_461
        year += y4 * 4
        let y1 = min(days / 365, 3)
        days -= y1 * 365
        year += y1
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        while days >= lengths[month] {
            days -= lengths[month]
            month += 1
        }
        return CalendarDateParts(year: year, month: month + 1, day: days + 1)
    }
}

/// A year, month and day (kept apart from the model's CalendarDate so this codec stays model-free).
public struct CalendarDateParts: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
