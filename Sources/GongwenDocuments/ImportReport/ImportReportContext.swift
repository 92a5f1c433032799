/// What the import report (`import-report.html`, from `Templates/import-report/html/report.html.mustache`)
/// shows: per returned file, the recommender, rows imported and not, the file's refusal if any, and one line
/// per rejected row, normalisation or removed reference.
public struct ImportReportContext: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var file: String
        /// 已导入 / 未导入 / 已拒绝 / 已规范 / 已移除.
        public var kind: String
        public var row: String
        public var column: String
        public var field: String
        public var chinese: String
        public var english: String

        public init(
            file: String, kind: String, row: String, column: String, field: String, chinese: String, english: String
        ) {
            self.file = file
            self.kind = kind
            self.row = row
            self.column = column
            self.field = field
            self.chinese = chinese
            self.english = english
        }
    }

    public struct FileSummary: Sendable, Equatable {
        public var file: String
        public var recommender: String
        public var accepted: Int
        public var rejected: Int
        public var refused: String
        public var lines: [Line]

        public init(
            file: String, recommender: String, accepted: Int, rejected: Int, refused: String, lines: [Line]
        ) {
            self.file = file
            self.recommender = recommender
            self.accepted = accepted
            self.rejected = rejected
            self.refused = refused
            self.lines = lines
        }
    }

    public var campaignTitle: String
    public var files: [FileSummary]

    public init(campaignTitle: String, files: [FileSummary]) {
        self.campaignTitle = campaignTitle
        self.files = files
    }

    /// A report with one file of each kind of line, for checking a template's names.
    public static let sample = ImportReportContext(
        campaignTitle: "活动",
        files: [
            FileSummary(
                file: "a.xlsx", recommender: "推荐单位", accepted: 1, rejected: 1, refused: "原因",
                lines: [
                    Line(
                        file: "a.xlsx", kind: "未导入", row: "5", column: "D", field: "行业", chinese: "说明", english: "note")
                ])
        ])
}
