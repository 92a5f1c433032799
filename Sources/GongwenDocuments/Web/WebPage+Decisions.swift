extension WebPage {
    /// The decisions page: the plan's selection and the judging as they stand, with the workbooks to download.
    public struct Decisions: Sendable, Equatable {
        /// An originality finding, at its row.
        public struct Finding: Sendable, Equatable {
            public var place: String
            public var text: String

            public init(place: String, text: String) {
                self.place = place
                self.text = text
            }
        }

        public struct Judge: Sendable, Equatable {
            /// 1-based position in campaign.yaml's judges: the download names the judge by it.
            public var number: Int
            public var name: String
            public var returned: Bool

            public init(number: Int, name: String, returned: Bool) {
                self.number = number
                self.name = name
                self.returned = returned
            }
        }

        public struct Ranked: Sendable, Equatable {
            public var rank: String
            public var planNumber: String
            public var projectName: String
            public var result: String
            public var level: String

            public init(rank: String, planNumber: String, projectName: String, result: String, level: String) {
                self.rank = rank
                self.planNumber = planNumber
                self.projectName = projectName
                self.result = result
                self.level = level
            }
        }

        /// A project marked 不列入, with its reason (from the selection record).
        public struct NotSelected: Sendable, Equatable {
            public var projectName: String
            public var applicant: String
            public var reason: String

            public init(projectName: String, applicant: String, reason: String) {
                self.projectName = projectName
                self.applicant = applicant
                self.reason = reason
            }
        }

        public var declared = 0
        public var planned = 0
        public var notSelected = 0
        public var notSelectedList: [NotSelected] = [] {
            didSet { hasNotSelected = !notSelectedList.isEmpty }
        }
        public private(set) var hasNotSelected = false
        public var findings: [Finding] = [] {
            didSet { hasFindings = !findings.isEmpty }
        }
        public private(set) var hasFindings = false
        /// Findings not listed (the page lists the first ones; `gongwen check` lists all).
        public var moreFindings = 0
        public var judges: [Judge] = []
        /// Judges' workbooks can be made: the plan has projects and campaign.yaml names judges.
        public var canJudge = false
        public var ranking: [Ranked] = [] {
            didSet { hasRanking = !ranking.isEmpty }
        }
        public private(set) var hasRanking = false
        /// What adopting the proposal would do (shown before it is done), when there is a proposal.
        public var adoptSummary = "" {
            didSet { canAdopt = !adoptSummary.isEmpty }
        }
        public private(set) var canAdopt = false

        public init() {}
    }

    /// A selection or scoring upload waiting for the clerk's confirmation; its change is in the page's lines.
    public struct DecisionPreview: Sendable, Equatable {
        public var uploadID: String
        /// `plan` or `judging`: the confirmation's route, set by the server.
        public var kind: String
        public var canConfirm: Bool

        public init(uploadID: String, kind: String, canConfirm: Bool) {
            self.uploadID = uploadID
            self.kind = kind
            self.canConfirm = canConfirm
        }
    }

    static var sampleDecisions: Decisions {
        var decisions = Decisions()
        decisions.declared = 2
        decisions.planned = 1
        decisions.notSelected = 1
        decisions.notSelectedList = [Decisions.NotSelected(projectName: "项目", applicant: "公司", reason: "雷同")]
        decisions.findings = [Decisions.Finding(place: "declarations.csv:3", text: "与2018年“…”相似")]
        decisions.moreFindings = 1
        decisions.judges = [Decisions.Judge(number: 1, name: "张明远", returned: true)]
        decisions.canJudge = true
        decisions.ranking = [
            Decisions.Ranked(rank: "1", planNumber: "BH-001", projectName: "项目", result: "80", level: "一等奖")
        ]
        decisions.adoptSummary = "获奖名单：…"
        return decisions
    }
}
