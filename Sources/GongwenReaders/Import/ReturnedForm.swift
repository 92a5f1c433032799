import Foundation
import GongwenModel

/// A change the importer made to a value, shown in the report beside the value it changed.
public struct ImportNotice: Sendable, Equatable {
    public var location: SourceLocation
    public var before: String
    public var after: String
    public var chinese: String
}

/// A returned 附件2 form, read: its recommender line, its rows of declarations (not yet checked) and the
/// normalisations made to them.
public struct ReturnedForm: Sendable {
    public var file: String
    /// The name on the form's `推荐单位(公章):` line, if it has one.
    public var recommenderLine: String?
    public var declarations: [Declaration]
    public var notices: [ImportNotice]
    /// Form-level problems (a missing column): the file's rows cannot be read without them.
    public var problems: [Diagnostic]
}

/// Reads returned forms (mapping stage): XLSX or CSV rows → declarations.
public enum ReturnedFormReader {
    /// The form's columns; 推荐单位 comes from the form's line, not a column.
    static let matcher = HeaderMatcher(
        columns: CampaignTables.declarationMatcher.columns.map { column in
            var column = column
            if column.key == DeclarationField.recommender.rawValue { column.required = false }
            return column
        })

    /// Reads `data` as the format its name says; a file that is not what its extension says is refused.
    public static func read(
        _ data: Data, file: String, limits: ImportLimits = ImportLimits()
    ) throws(ImportRefusal) -> ReturnedForm {
        guard data.count <= limits.fileBytes else {
            throw ImportRefusal(
                "文件超过\(limits.fileBytes >> 20) MB，已拒绝", "the file is over \(limits.fileBytes >> 20) MB; refused")
        }
        let lower = file.lowercased()
        let rows: [SheetRow]
        if lower.hasSuffix(".xlsx") {
            rows = try XLSXReader.firstSheet(data, limits: limits)
        } else if lower.hasSuffix(".csv") {
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw ImportRefusal("不是 CSV 文本文件（内容是二进制）", "not a CSV text file (the content is binary)")
            }
            guard let (text, encoding) = TextDecoding.decode(data) else {
                let (chinese, english) = TextDecoding.refusal(data)
                throw ImportRefusal(chinese, english)
            }
            // Zero bytes belong only to UTF-16/32; in an 8-bit encoding they mean a binary file.
            if [.utf8, .utf8WithBOM, .gb18030].contains(encoding), data.prefix(4096).contains(0) {
                throw ImportRefusal("不是 CSV 文本文件（内容是二进制）", "not a CSV text file (the content is binary)")
            }
            let records: [CSVParser.Record]
            do {
                records = try CSVParser().records(in: text)
            } catch {
                throw ImportRefusal(
                    "第\(error.line)行开始的引号没有闭合", "the quoted field starting on line \(error.line) is never closed")
            }
            guard records.count <= limits.rows else {
                throw ImportRefusal("行数超过上限（\(limits.rows)行）", "more than \(limits.rows) rows")
            }
            rows = records.enumerated().map { index, record in
                var cells: [Int: SheetCell] = [:]
                for (column, value) in record.fields.enumerated() where !value.isEmpty {
                    cells[column + 1] = SheetCell(text: value, isNumber: false)
                }
                return SheetRow(number: index + 1, cells: cells)
            }
            // Past Excel's 32,767 characters a value rejects its row (the import's checks); past the hard cap
            // it refuses the file.
            if let long = records.enumerated().first(where: {
                $0.element.fields.contains { $0.utf8.count > limits.cellHardCap && $0.count > limits.cellHardCap }
            }) {
                throw ImportRefusal(
                    "第\(long.offset + 1)行有单元格超过\(limits.cellHardCap)个字符，已拒绝",
                    "a cell in row \(long.offset + 1) exceeds \(limits.cellHardCap) characters; refused")
            }
        } else {
            throw ImportRefusal("只能导入 .xlsx 或 .csv 文件", "only .xlsx and .csv files can be imported")
        }
        return map(rows, file: file)
    }

    static func map(_ rows: [SheetRow], file: String) -> ReturnedForm {
        let required = matcher.columns.filter(\.required).count
        guard
            let headerIndex = rows.prefix(30).firstIndex(where: { row in
                let (indexes, _, _) = matcher.match(row.texts)
                return indexes.count * 2 >= required
            })
        else {
            return ReturnedForm(
                file: file, recommenderLine: nil, declarations: [], notices: [],
                problems: [
                    Diagnostic(
                        .error, "table.no-header", at: SourceLocation(file: file),
                        chinese: "找不到申报表的表头（序号、申报单位名称、统一社会信用代码……）",
                        english: "no header row of the declaration table was found")
                ])
        }
        let header = rows[headerIndex]
        let (indexes, missing, _) = matcher.match(header.texts)
        var problems: [Diagnostic] = missing.map { column in
            Diagnostic(
                .error, "table.missing-column",
                at: SourceLocation(file: file, row: header.number, field: column.titles[0]),
                chinese: "缺少“\(column.titles[0])”列（可能被改名或删除）",
                english: "the \"\(column.titles[0])\" column is missing (renamed or deleted?)")
        }
        let recommenderLine = rows[..<headerIndex].lazy.compactMap { row -> String? in
            let text = row.texts.joined().trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("推荐单位") else { return nil }
            let name = text.drop { $0 != ":" && $0 != "：" }.dropFirst()
            return TextNormalization.trimmed(String(name))
        }.first { !$0.isEmpty }
        guard problems.isEmpty else {
            return ReturnedForm(
                file: file, recommenderLine: recommenderLine, declarations: [], notices: [], problems: problems)
        }
        let columns = indexes.mapValues { $0 + 1 }
        var declarations: [Declaration] = []
        var notices: [ImportNotice] = []
        for row in rows[(headerIndex + 1)...] {
            let first = TextNormalization.trimmed(row.texts.first { !$0.isEmpty } ?? "")
            if first.hasPrefix("推荐部门负责人") || first.hasPrefix("注") || first.hasPrefix("填报人") { break }
            var values: [DeclarationField: String] = [:]
            for field in DeclarationField.allCases {
                guard let column = columns[field.rawValue], let cell = row.cells[column] else { continue }
                let location = SourceLocation(file: file, row: row.number, column: column, field: field.title)
                let (value, notice) = Normalizer.normalize(cell, field: field)
                values[field] = value
                if let notice {
                    notices.append(ImportNotice(location: location, before: cell.text, after: value, chinese: notice))
                }
            }
            guard DeclarationField.formColumns.dropFirst().contains(where: { !(values[$0] ?? "").isEmpty }) else {
                continue
            }
            declarations.append(
                Declaration(
                    serial: values[.serial] ?? "", applicant: values[.applicant] ?? "",
                    creditCode: values[.creditCode] ?? "", industry: values[.industry] ?? "",
                    district: values[.district] ?? "", projectName: values[.projectName] ?? "",
                    projectLead: values[.projectLead] ?? "", phone: values[.phone] ?? "", email: values[.email] ?? "",
                    recommender: values[.recommender] ?? "",
                    received: values[.received].flatMap(CalendarDate.init(parsing:)),
                    origin: RecordOrigin(file: file, row: row.number, columns: columns)))
        }
        return ReturnedForm(
            file: file, recommenderLine: recommenderLine, declarations: declarations, notices: notices, problems: [])
    }
}

/// The visible normalisation of imported values (issue: "kept visible"): each change comes with a note.
enum Normalizer {
    static func normalize(_ cell: SheetCell, field: DeclarationField) -> (String, String?) {
        var value = TextNormalization.trimmed(cell.text)
        var notes: [String] = []
        if value != cell.text { notes.append("去除首尾空白") }
        switch field {
        case .creditCode:
            let folded = TextNormalization.halfWidth(value).filter { !$0.isWhitespace }
            if folded != value { notes.append("全角字符转为半角并去除空格") }
            if folded.uppercased() != folded { notes.append("字母转为大写") }
            value = folded.uppercased()
        case .phone:
            let folded = TextNormalization.halfWidth(value)
            if folded != value { notes.append("全角数字转为半角") }
            value = folded
            if cell.isNumber { notes.append("数字格式的电话还原为文字 \(value)") }
        case .email:
            let folded = TextNormalization.halfWidth(value)
            if folded != value { notes.append("全角字符转为半角") }
            value = folded
        case .received where cell.isNumber:
            // A date cell comes back as its serial number (days since 1899-12-30).
            if let serial = Double(value), let day = XLSXReader.date(fromSerial: serial),
                let date = CalendarDate(year: day.year, month: day.month, day: day.day)
            {
                value = date.iso
                notes.append("日期序列号 \(cell.text) 转为 \(date.iso)")
            }
        default:
            break
        }
        return (value, notes.isEmpty ? nil : notes.joined(separator: "；"))
    }
}
