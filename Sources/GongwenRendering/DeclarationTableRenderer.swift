import Foundation
import GongwenDocuments
import GongwenModel

/// One rendered file: its path under the output folder, its bytes, and what the manifest says of it.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var data: Data
    public var kind: DocumentKind
    /// The 发文字号 the document carries, if any.
    public var documentNumber: String?
    public var title: String
    /// The fonts the file asks for (DOCX and XLSX name them; the build reports them).
    public var fonts: [String]

    public init(
        path: String, data: Data, kind: DocumentKind, documentNumber: String? = nil, title: String, fonts: [String] = []
    ) {
        self.path = path
        self.data = data
        self.kind = kind
        self.documentNumber = documentNumber
        self.title = title
        self.fonts = fonts
    }
}

/// The 附件2 declaration tables as HTML (from the template) and CSV (written by code).
public struct DeclarationTableRenderer: Sendable {
    let html: LoadedTemplate
    let layout: FormLayout

    /// The folder every declaration table goes to, under the output folder.
    public static let folder = "申报表"

    public init(templates: TemplateFolder) throws(TemplateError) {
        html = try templates.load(document: .declarationTable, format: "html", name: "table.html")
        layout = try FormLayout.load(document: .declarationTable, from: templates)
    }

    /// The fonts the XLSX and DOCX forms name.
    var officeFonts: [String] { [layout.fonts.title, layout.fonts.body, layout.fonts.heading] }

    /// The consolidated table, one table per recommender that has declarations, and the blank form.
    public func render(_ data: CampaignData) throws -> [RenderedFile] {
        let xlsx = DeclarationTableXLSX(layout: layout)
        let docx = DeclarationTableDOCX(layout: layout)
        let consolidated = DeclarationTableContext.consolidated(data)
        let consolidatedTitle = consolidated.title + "（汇总）"
        var files = render(consolidated, baseName: "汇总")
        files += [
            RenderedFile(
                path: "\(Self.folder)/汇总.xlsx", data: try xlsx.consolidatedWorkbook(data), kind: .declarationTable,
                title: consolidatedTitle, fonts: officeFonts),
            RenderedFile(
                path: "\(Self.folder)/汇总.docx", data: try docx.document(for: consolidated, campaign: data.campaign),
                kind: .declarationTable, title: consolidatedTitle, fonts: officeFonts),
        ]
        for (index, recommender) in data.campaign.recommenders.enumerated() {
            let context = DeclarationTableContext.make(for: recommender, in: data)
            guard context.rowCount > 0 else { continue }
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            let baseName = "\(number)-" + FileNaming.safe(recommender.name)
            files += render(context, baseName: baseName)
            let title = "\(context.title)（\(context.recommender)）"
            files += [
                RenderedFile(
                    path: "\(Self.folder)/\(baseName).xlsx",
                    data: try xlsx.workbook(for: context, campaign: data.campaign),
                    kind: .declarationTable, title: title, fonts: officeFonts),
                RenderedFile(
                    path: "\(Self.folder)/\(baseName).docx",
                    data: try docx.document(for: context, campaign: data.campaign),
                    kind: .declarationTable, title: title, fonts: officeFonts),
            ]
        }
        files.append(
            RenderedFile(
                path: "\(Self.folder)/空白申报表.xlsx", data: try xlsx.blankForm(data.campaign), kind: .declarationTable,
                title: consolidated.title + "（空白表）", fonts: officeFonts))
        return files
    }

    func render(_ context: DeclarationTableContext, baseName: String) -> [RenderedFile] {
        let title = context.isConsolidated ? "\(context.title)（汇总）" : "\(context.title)（\(context.recommender)）"
        let path = "\(Self.folder)/\(baseName)"
        return [
            RenderedFile(
                path: path + ".html", data: Data(html.render(context).utf8), kind: .declarationTable, title: title,
                fonts: officeFonts),
            RenderedFile(
                path: path + ".csv", data: Data(csv(context).utf8), kind: .declarationTable, title: title,
                fonts: officeFonts),
        ]
    }

    /// The CSV has the form's columns; the consolidated one adds 推荐单位 after 序号, which makes it the same
    /// table `declarations.csv` is, so it can be read back as campaign data.
    func csv(_ context: DeclarationTableContext) -> String {
        var header = context.columns.map(\.title)
        let rows = context.groups.flatMap(\.rows).map { row in
            var cells = row.cells.map(\.text)
            if context.isConsolidated { cells.insert(row.recommender, at: 1) }
            return cells
        }
        if context.isConsolidated { header.insert(DeclarationField.recommender.title, at: 1) }
        return CSVWriter().document(header: header, rows: rows)
    }
}
