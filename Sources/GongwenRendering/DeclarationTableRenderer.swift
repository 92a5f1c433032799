import Foundation
import GongwenDocuments
import GongwenModel
import GongwenOOXML
import GongwenTemplates

/// One rendered file: its path under the output folder, its bytes, and what the manifest says of it.
public struct RenderedFile: Sendable, Equatable {
    /// The bytes, or a writer that puts them straight into their file as they are made (a zip package, a large
    /// HTML or CSV table: never whole in memory).
    public enum Content: Sendable {
        case bytes(Data)
        case streamed(@Sendable (any ZipSink) throws -> Void)
    }

    public var path: String
    public var content: Content
    public var kind: DocumentKind
    /// The 发文字号 the document carries, if any.
    public var documentNumber: String?
    public var title: String
    /// The fonts the file asks for (DOCX and XLSX name them; the build reports them).
    public var fonts: [String]
    /// For the DOCX of an issued document (a notice, the decision): what its archive record says of it. The
    /// archive step makes a package of each file that has one.
    public var issuance: IssuanceRecord?
    /// The issued document (or certificate) laid out by gongwen as OFD (GB/T 33190), for its archive package,
    /// with the same pages for a browser.
    public var fixedLayout: FixedLayoutCopy?
    /// For a record of a decision (评审结果汇总表, 项目筛选记录): the issued document it is the basis of, whose
    /// archive package keeps it (依据材料).
    public var basisOf: DocumentKey?

    public init(
        path: String, data: Data, kind: DocumentKind, documentNumber: String? = nil, title: String, fonts: [String] = []
    ) {
        self.path = path
        self.content = .bytes(data)
        self.kind = kind
        self.documentNumber = documentNumber
        self.title = title
        self.fonts = fonts
    }

    public init(
        path: String, package: @escaping @Sendable (any ZipSink) throws -> Void, kind: DocumentKind,
        documentNumber: String? = nil, title: String, fonts: [String] = []
    ) {
        self.path = path
        self.content = .streamed(package)
        self.kind = kind
        self.documentNumber = documentNumber
        self.title = title
        self.fonts = fonts
    }

    /// Bytes written straight into their file as they are made (a large HTML or CSV table).
    public init(
        path: String, stream: @escaping @Sendable (any ZipSink) throws -> Void, kind: DocumentKind,
        documentNumber: String? = nil, title: String, fonts: [String] = []
    ) {
        self.init(
            path: path, package: stream, kind: kind, documentNumber: documentNumber, title: title, fonts: fonts)
    }

    /// The bytes, made in memory for a package (for tests and callers that want them; a build streams).
    public var data: Data {
        switch content {
        case .bytes(let data):
            return data
        case .streamed(let write):
            let sink = MemorySink()
            do {
                try write(sink)
            } catch {
                return Data()
            }
            return sink.data
        }
    }

    public static func == (lhs: RenderedFile, rhs: RenderedFile) -> Bool {
        lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.documentNumber == rhs.documentNumber
            && lhs.title == rhs.title && lhs.fonts == rhs.fonts && lhs.data == rhs.data
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
        try jobs(data).renderAll()
    }

    /// The same files as independent jobs: the consolidated table's formats, one job per recommender, the
    /// blank form.
    public func jobs(_ data: CampaignData) -> [DocumentJob] {
        let layout = layout
        let officeFonts = officeFonts
        let grouped = data.declarationsByRecommender()
        // Made by the first of the HTML and DOCX jobs to need it, while the other cores start on other jobs.
        let consolidated = SharedValue { DeclarationTableContext.consolidated(data, grouped: grouped) }
        let tableTitle = DeclarationTableContext.outline(for: nil, in: data, groups: []).title
        let consolidatedTitle = tableTitle + "（汇总）"
        let rowCount = grouped.values.reduce(0) { $0 + $1.count }
        let folder = Self.folder
        var jobs = [
            DocumentJob("\(folder)/汇总.html", weight: rowCount) { render(consolidated.value, baseName: "汇总") },
            DocumentJob("\(folder)/汇总.xlsx", weight: rowCount) {
                [
                    RenderedFile(
                        path: "\(folder)/汇总.xlsx",
                        package: { sink in
                            try DeclarationTableXLSX(layout: layout).writeConsolidated(data, grouped: grouped, to: sink)
                        }, kind: .declarationTable, title: consolidatedTitle, fonts: officeFonts)
                ]
            },
            DocumentJob("\(folder)/汇总.docx", weight: rowCount) {
                let consolidated = consolidated.value
                return [
                    RenderedFile(
                        path: "\(folder)/汇总.docx",
                        package: { sink in
                            try DeclarationTableDOCX(layout: layout).write(
                                for: consolidated, campaign: data.campaign, to: sink)
                        }, kind: .declarationTable, title: consolidatedTitle, fonts: officeFonts)
                ]
            },
        ]
        for (index, recommender) in data.campaign.recommenders.enumerated() {
            guard grouped[recommender.id]?.isEmpty == false else { continue }
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            let baseName = "\(number)-" + FileNaming.safe(recommender.name)
            jobs.append(
                DocumentJob("\(folder)/\(baseName)", weight: 2 * (grouped[recommender.id]?.count ?? 0)) {
                    let context = DeclarationTableContext.make(for: recommender, in: data, grouped: grouped)
                    let title = "\(context.title)（\(context.recommender)）"
                    return render(context, baseName: baseName) + [
                        RenderedFile(
                            path: "\(folder)/\(baseName).xlsx",
                            data: try DeclarationTableXLSX(layout: layout).workbook(
                                for: context, campaign: data.campaign),
                            kind: .declarationTable, title: title, fonts: officeFonts),
                        RenderedFile(
                            path: "\(folder)/\(baseName).docx",
                            data: try DeclarationTableDOCX(layout: layout).document(
                                for: context, campaign: data.campaign),
                            kind: .declarationTable, title: title, fonts: officeFonts),
                    ]
                })
        }
        jobs.append(
            DocumentJob("\(folder)/空白申报表.xlsx") {
                [
                    RenderedFile(
                        path: "\(folder)/空白申报表.xlsx",
                        data: try DeclarationTableXLSX(layout: layout).blankForm(data.campaign),
                        kind: .declarationTable, title: tableTitle + "（空白表）", fonts: officeFonts)
                ]
            })
        return jobs
    }

    func render(_ context: DeclarationTableContext, baseName: String) -> [RenderedFile] {
        let title = context.isConsolidated ? "\(context.title)（汇总）" : "\(context.title)（\(context.recommender)）"
        let path = "\(Self.folder)/\(baseName)"
        guard context.isConsolidated else {
            return [
                RenderedFile(
                    path: path + ".html", data: html.renderData(context), kind: .declarationTable, title: title,
                    fonts: officeFonts),
                RenderedFile(
                    path: path + ".csv", data: Data(csv(context).utf8), kind: .declarationTable, title: title,
                    fonts: officeFonts),
            ]
        }
        // The consolidated table (50 MB of HTML at 100,000 declarations) is written into its files as it is
        // made, like the large workbooks.
        let html = html
        return [
            RenderedFile(
                path: path + ".html", stream: { sink in try html.write(context, to: sink) }, kind: .declarationTable,
                title: title, fonts: officeFonts),
            RenderedFile(
                path: path + ".csv",
                stream: { sink in
                    let (header, rows) = Self.csvTable(context)
                    try CSVWriter().write(header: header, rows: rows, to: sink)
                }, kind: .declarationTable, title: title, fonts: officeFonts),
        ]
    }

    /// The CSV has the form's columns; the consolidated one adds 推荐单位 after 序号, which makes it the same
    /// table `declarations.csv` is, so it can be read back as campaign data.
    func csv(_ context: DeclarationTableContext) -> String {
        let (header, rows) = Self.csvTable(context)
        return CSVWriter().document(header: header, rows: Array(rows))
    }

    /// The CSV's header and its rows, made one at a time as they are read.
    static func csvTable(_ context: DeclarationTableContext) -> (
        [String], LazyMapSequence<[DeclarationTableContext.Row], [String]>
    ) {
        var header = context.columns.map(\.title)
        if context.isConsolidated { header.insert(DeclarationField.recommender.title, at: 1) }
        let rows = context.groups.flatMap(\.rows).lazy.map { row in
            var cells = row.cells.map(\.text)
            if context.isConsolidated { cells.insert(row.recommender, at: 1) }
            return cells
        }
        return (header, rows)
    }
}
