/// What the office's local web page (`gongwen serve`, `Templates/web/`) shows. Every value comes from what
/// the commands compute; the pages only place it. Each has a `sample` for the template check.
public struct WebPage: Sendable, Equatable {
    /// One recommender's state on the overview.
    public struct Recommender: Sendable, Equatable {
        public var id: String
        public var name: String
        public var rows: Int
        public var errors: Int
        /// 已收到 / 未收到 / 逾期.
        public var status: String
        /// Rows of its last form that were refused and are still owed.
        public var refused = 0 {
            didSet { hasRefused = refused > 0 }
        }
        /// Its form with those rows marked can be downloaded.
        public private(set) var hasRefused = false
        /// The latest 收到日期 of its rows (empty when none is recorded).
        public var received = ""
        /// 填报人 and 联系人电话 from campaign.yaml, to chase a missing form.
        public var contact = ""
        /// No form and the deadline has passed, or a row received after it: highlighted.
        public var late = false

        public init(id: String, name: String, rows: Int, errors: Int, status: String) {
            self.id = id
            self.name = name
            self.rows = rows
            self.errors = errors
            self.status = status
        }
    }

    /// A problem of the data, as `gongwen check` prints it.
    public struct Problem: Sendable, Equatable {
        public var place: String
        public var code: String
        public var chinese: String
        public var english: String
        public var severity: String

        public init(place: String, code: String, chinese: String, english: String, severity: String) {
            self.place = place
            self.code = code
            self.chinese = chinese
            self.english = english
            self.severity = severity
        }
    }

    /// A file of the last build. Its link names it by its path in the output and the start of its SHA-256 as
    /// manifest.json records them, so a link kept from an earlier build never serves another file: a file
    /// rebuilt or gone since is said to be so.
    public struct File: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var documentNumber: String
        public var isHTML: Bool
        /// manifest.json's kind ("archive-package" for a copy kept in an archive package).
        public var kind: String

        /// The file's name within its folder.
        public var name: String
        /// `/file?sha256=…&path=…` (the path percent-encoded).
        public var link: String

        public init(path: String, sha256: String, documentNumber: String, isHTML: Bool, kind: String = "") {
            self.path = path
            self.kind = kind
            self.sha256 = sha256
            self.documentNumber = documentNumber
            self.isHTML = isHTML
            self.name = path.split(separator: "/").last.map(String.init) ?? path
            self.link = Self.link(path: path, sha256: sha256)
        }

        /// The characters of a path left as they are in a link's query (RFC 3986 unreserved).
        static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

        public static func link(path: String, sha256: String) -> String {
            "/file?sha256=\(sha256.prefix(16))&path=\(encoded(path))"
        }

        /// `text` percent-encoded for a link's query.
        public static func encoded(_ path: String) -> String {
            var encoded = ""
            for byte in path.utf8 {
                if unreserved.contains(byte) {
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    let hex = Array("0123456789ABCDEF")
                    encoded += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
                }
            }
            return encoded
        }
    }

    /// The files of one folder of the output, as the output folder groups them.
    public struct FileGroup: Sendable, Equatable {
        /// The folder's path ("" for the output folder itself).
        public var folder: String
        public var files: [File]
        /// `/zip?folder=…`: the folder's files as one zip.
        public var zipLink: String

        init(folder: String, files: [File]) {
            self.folder = folder
            self.files = files
            zipLink = "/zip?folder=" + File.encoded(folder)
        }
    }

    /// One issued document on the overview: its 文号, its title and the DOCX to download — or, for a document
    /// issued one copy per recipient (the call for results), its copies folded under one entry.
    public struct IssuedDocument: Sendable, Equatable {
        public var documentNumber: String
        public var title: String
        public var copies: [File]
        public var hasSeveralCopies: Bool
        public var copyCount: Int
        public var link: String

        /// The issued DOCX of `files` (archive copies left out: they are the same bytes), grouped by 文号, in
        /// the order they were issued (by the 文号's serial number, then as manifest.json lists them).
        public static func of(_ files: [File]) -> [IssuedDocument] {
            var order: [String] = []
            var copies: [String: [File]] = [:]
            for file in files
            where !file.documentNumber.isEmpty && file.path.hasSuffix(".docx") && file.kind != "archive-package" {
                if copies[file.documentNumber] == nil { order.append(file.documentNumber) }
                copies[file.documentNumber, default: []].append(file)
            }
            // The serial is the last run of digits before 号: 津滨质量组办〔2019〕12号 → 12.
            func serial(_ number: String) -> Int {
                Int(String(number.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }.reversed())) ?? Int.max
            }
            let issuedOrder = order.enumerated().sorted {
                (serial($0.element), $0.offset) < (serial($1.element), $1.offset)
            }
            return issuedOrder.map(\.element).map { number in
                let files = copies[number] ?? []
                let first = files[0]
                // Several copies sit in a folder named after the document; one copy is named after it.
                let folder = first.path.split(separator: "/").dropLast().last.map(String.init) ?? ""
                let name = files.count > 1 ? folder : String(first.name.dropLast(".docx".count))
                let title = name.hasPrefix(number) ? String(name.dropFirst(number.count).drop { $0 == " " }) : name
                return IssuedDocument(
                    documentNumber: number, title: title, copies: files, hasSeveralCopies: files.count > 1,
                    copyCount: files.count, link: first.link)
            }
        }
    }

    /// An import shown before it is made: per recommender what would change, and the choices.
    public struct Preview: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            /// `added`, `changed`, `kept`, `removed`.
            public var kind: String
            public var text: String

            public init(kind: String, text: String) {
                self.kind = kind
                self.text = text
            }
        }

        public struct Change: Sendable, Equatable {
            public var recommender: String
            public var summary: String
            public var rows: [Row]

            public init(recommender: String, summary: String, rows: [Row]) {
                self.recommender = recommender
                self.summary = summary
                self.rows = rows
            }
        }

        public var uploadID: String
        public var changes: [Change]
        /// Rows the forms do not have: removed only when the clerk chooses "replace".
        public var absentCount: Int
        public var canReplace: Bool
        /// Anything to import at all.
        public var canConfirm: Bool

        public init(uploadID: String, changes: [Change], absentCount: Int, canConfirm: Bool) {
            self.uploadID = uploadID
            self.changes = changes
            self.absentCount = absentCount
            self.canReplace = absentCount > 0
            self.canConfirm = canConfirm
        }
    }

    /// One recorded change to the campaign's data, with its undo.
    public struct HistoryEntry: Sendable, Equatable {
        public var number: Int
        public var time: String
        public var action: String
        public var uploads: String
        public var summary: [String]
        public var state: String
        public var canUndo: Bool

        public init(
            number: Int, time: String, action: String, uploads: String, summary: [String], state: String, canUndo: Bool
        ) {
            self.number = number
            self.time = time
            self.action = action
            self.uploads = uploads
            self.summary = summary
            self.state = state
            self.canUndo = canUndo
        }
    }

    /// The settings page's form: campaign.yaml's values the office completes during the year.
    public struct Settings: Sendable, Equatable {
        public struct Document: Sendable, Equatable {
            public var key: String
            public var label: String
            public var date: String
            public var serial: String

            public init(key: String, label: String, date: String, serial: String) {
                self.key = key
                self.label = label
                self.date = date
                self.serial = serial
            }
        }

        public struct Recommender: Sendable, Equatable {
            public var index: Int
            public var id: String
            public var name: String
            public var shortName: String
            public var kind: String
            public var preparer: String
            public var phone: String
            /// The empty row for a new recommender (the id of an existing one is not edited: rows refer to it).
            public var isNew: Bool

            public init(
                index: Int, id: String, name: String, shortName: String, kind: String, preparer: String, phone: String
            ) {
                self.index = index
                self.id = id
                self.isNew = id.isEmpty
                self.name = name
                self.shortName = shortName
                self.kind = kind
                self.preparer = preparer
                self.phone = phone
            }
        }

        public var deadline: String
        public var documents: [Document]
        public var recommenders: [Recommender]

        public init(deadline: String, documents: [Document], recommenders: [Recommender]) {
            self.deadline = deadline
            self.documents = documents
            self.recommenders = recommenders
        }
    }

    public var campaignTitle: String
    /// The per-session token every form carries (a POST without it is refused).
    public var formToken: String
    /// The page's own message: a heading and lines (the build's steps, what stopped it, an import's report).
    public var heading = ""
    public var lines: [String] = []
    public var deadline = ""
    public var daysLeft = ""
    public var recommenders: [Recommender] = []
    /// The season at a glance: forms in, not yet in, late.
    public var formsIn = 0
    public var formsMissing = 0
    public var formsLate = 0
    public var problems: [Problem] = []
    /// The last build's files, in manifest order; `fileGroups` follows them.
    public var files: [File] = [] {
        didSet {
            fileGroups = Self.groups(files)
            hasFiles = !files.isEmpty
        }
    }
    public private(set) var hasFiles = false
    public private(set) var fileGroups: [FileGroup] = []
    /// The documents issued by the last build, one entry per 文号.
    public var issued: [IssuedDocument] = []
    public var succeeded = false
    /// The page reloads itself each second (a build in progress).
    public var refresh = false
    /// A table of one thing's rows (a recommender's declarations): its header and rows.
    public var detailHeader: [String] = [] {
        didSet { hasDetail = !detailHeader.isEmpty }
    }
    public var detailRows: [[String]] = []
    public private(set) var hasDetail = false
    /// A build is running: the import form says so and waits (an upload chosen now would be refused).
    public var building = false
    /// An import report's HTML, shown as it is written (escaped by its own template).
    public var reportPath = ""
    /// An import waiting for the clerk's confirmation.
    public var preview: Preview? {
        didSet { hasPreview = preview != nil }
    }
    public private(set) var hasPreview = false
    /// The change just made, which the page offers to undo (0: none).
    public var undoNumber = 0 {
        didSet { canUndoImport = undoNumber > 0 }
    }
    public private(set) var canUndoImport = false
    /// The settings page's form.
    public var settings: Settings? {
        didSet { hasSettings = settings != nil }
    }
    public private(set) var hasSettings = false
    /// The recorded changes (the history page).
    public var history: [HistoryEntry] = [] {
        didSet { hasHistory = !history.isEmpty }
    }
    public private(set) var hasHistory = false
    /// The decisions page (``Decisions``).
    public var decisions: Decisions? {
        didSet { hasDecisions = decisions != nil }
    }
    public private(set) var hasDecisions = false
    public var decisionPreview: DecisionPreview? {
        didSet { hasDecisionPreview = decisionPreview != nil }
    }
    public private(set) var hasDecisionPreview = false

    public init(campaignTitle: String, formToken: String) {
        self.campaignTitle = campaignTitle
        self.formToken = formToken
    }

    /// `files` by folder, each folder once, in the order it first appears.
    static func groups(_ files: [File]) -> [FileGroup] {
        var groups: [FileGroup] = []
        var position: [String: Int] = [:]
        for file in files {
            let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
            if let index = position[folder] {
                groups[index].files.append(file)
            } else {
                position[folder] = groups.count
                groups.append(FileGroup(folder: folder, files: [file]))
            }
        }
        return groups
    }

    public static var sample: WebPage {
        var page = WebPage(campaignTitle: "活动", formToken: "t")
        page.heading = "h"
        page.lines = ["l"]
        page.deadline = "4月22日"
        page.daysLeft = "3"
        page.recommenders = [Recommender(id: "KFQ", name: "单位", rows: 1, errors: 0, status: "已收到")]
        page.problems = [Problem(place: "declarations.csv:3", code: "c", chinese: "中", english: "e", severity: "错误")]
        page.files = [File(path: "计划通知/a.docx", sha256: "0123456789abcdef", documentNumber: "1号", isHTML: false)]
        page.issued = IssuedDocument.of(page.files)
        page.succeeded = true
        page.refresh = true
        page.reportPath = "import-report.html"
        page.preview = Preview(
            uploadID: "0123",
            changes: [Preview.Change(recommender: "单位", summary: "s", rows: [Preview.Row(kind: "added", text: "t")])],
            absentCount: 1, canConfirm: true)
        page.undoNumber = 1
        page.detailHeader = ["行"]
        page.detailRows = [["2"]]
        page.building = true
        page.settings = Settings(
            deadline: "2020-04-22", documents: [Settings.Document(key: "call", label: "活动方案", date: "", serial: "")],
            recommenders: [
                Settings.Recommender(index: 0, id: "KFQ", name: "单位", shortName: "", kind: "", preparer: "", phone: "")
            ])
        page.history = [
            HistoryEntry(
                number: 1, time: "2019-04-20T10:00:00+08:00", action: "import", uploads: "a.xlsx", summary: ["s"],
                state: "done", canUndo: true)
        ]
        page.decisions = sampleDecisions
        page.decisionPreview = DecisionPreview(uploadID: "0123", kind: "plan", canConfirm: true)
        return page
    }
}
