/// The documents gongwen produces, each with its folder under `Templates/` and its kind in the manifest.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    /// 附件2 申报表, per recommender and consolidated.
    case declarationTable = "declaration-table"
    /// manifest.json, the list of every file of a build (no template).
    case manifest

    /// The folder under `Templates/` holding this document's templates.
    public var templateFolder: String { rawValue }

    /// What the document is called in the office.
    public var chineseName: String {
        switch self {
        case .declarationTable: "重点项目申报表（附件2）"
        case .manifest: "文件清单"
        }
    }
}
