/// The documents gongwen produces, each with its folder under `Templates/` and its kind in the manifest.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    /// 附件2 申报表, per recommender and consolidated.
    case declarationTable = "declaration-table"
    /// 关于下达…重点项目计划的通知 (GB/T 9704), with the plan table attached.
    case planNotice = "plan-notice"
    /// The plan table on its own (XLSX, CSV, HTML).
    case planTable = "plan-table"
    /// 获奖证书, one per winner.
    case certificate
    /// 质量月表彰名单.
    case commendationList = "commendation-list"
    /// 关于表彰…的决定, the commendation with the list attached (GB/T 9704).
    case commendation
    /// Every other notice of the year (the 方案, training, results, judging, the recommendation to the city):
    /// one YAML file each under `Templates/notices/`, laid out by the notice engine.
    case notice = "notices"
    /// The office's local web page (`gongwen serve`).
    case webPage = "web"
    /// The import report (not a campaign document; its template lives beside the others).
    case importReport = "import-report"
    /// The year's decisions (selection and judging): the scoring rules judges' workbooks are made from.
    case judging
    /// manifest.json, the list of every file of a build (no template).
    case manifest
    /// An issued document's archive package (归档包): its DOCX, PDF/A copy, metadata record and SHA256SUMS
    /// (no template).
    case archivePackage = "archive-package"

    /// The folder under `Templates/` holding this document's templates.
    public var templateFolder: String { rawValue }

    /// The registry of templates: each file this document is made from, relative to `Templates/` (`*` stands
    /// for a notice's key). `templates check` checks each one, `templates export` writes them, and a test
    /// fails when a file under `Templates/` belongs to no document or a listed one is not checked.
    public var templateFiles: [String] {
        switch self {
        case .declarationTable: ["declaration-table/form.yaml", "declaration-table/html/table.html.mustache"]
        case .planNotice: ["plan-notice/notice.yaml", "plan-notice/html/notice.html.mustache"]
        case .planTable: ["plan-table/form.yaml", "plan-table/html/table.html.mustache"]
        case .certificate: ["certificate/certificate.yaml", "certificate/html/certificates.html.mustache"]
        case .commendationList: ["commendation-list/form.yaml", "commendation-list/html/list.html.mustache"]
        case .commendation: ["commendation/notice.yaml"]
        case .notice: ["notices/*.yaml", "notices/html/notice.html.mustache"]
        case .importReport: ["import-report/html/report.html.mustache"]
        case .webPage: ["web/html/page.html.mustache"]
        case .judging: ["judging/scoring.yaml"]
        case .manifest, .archivePackage: []
        }
    }

    /// Word and Excel files an office may put in its templates folder in place of gongwen's own layout.
    public var officeTemplateFiles: [String] {
        switch self {
        case .planNotice: ["plan-notice/docx/notice.docx"]
        case .planTable: ["plan-table/docx/table.docx", "plan-table/xlsx/table.xlsx"]
        default: []
        }
    }

    /// Whether `path` (relative to `Templates/`) is one of this document's template files.
    public func owns(_ path: String) -> Bool {
        (templateFiles + officeTemplateFiles).contains { pattern in
            guard let star = pattern.firstIndex(of: "*") else { return pattern == path }
            let prefix = pattern[..<star]
            let suffix = pattern[pattern.index(after: star)...]
            let middle = path.dropFirst(prefix.count).dropLast(suffix.count)
            return path.hasPrefix(prefix) && path.hasSuffix(suffix) && path.count >= pattern.count - 1
                && !middle.contains("/")
        }
    }

    /// What the document is called in the office.
    public var chineseName: String {
        switch self {
        case .declarationTable: "重点项目申报表（附件2）"
        case .planNotice: "重点项目计划通知"
        case .planTable: "重点项目计划表"
        case .certificate: "获奖证书"
        case .commendationList: "表彰名单"
        case .commendation: "表彰决定"
        case .notice: "公文"
        case .webPage: "网页"
        case .importReport: "导入报告"
        case .judging: "评分标准"
        case .manifest: "文件清单"
        case .archivePackage: "归档包"
        }
    }
}
