/// Checks a campaign's data and returns every finding with its place; it never stops at the first one and
/// never drops a row. Run it before any document is built: a build with errors writes nothing.
public struct CampaignValidator: Sendable {
    /// How strict to be where real data is known to deviate.
    public struct Policy: Sendable, Equatable {
        /// GB 32100 check-character mismatch. An error by default; a few registered codes fail it (standards.md
        /// §2 caveat), so the office can lower it to a warning.
        public var checksumMismatch: Diagnostic.Severity
        /// A declaration received (or a table dated) after the deadline. The plan says 4月22日前, so an error.
        public var lateDeclaration: Diagnostic.Severity

        public init(checksumMismatch: Diagnostic.Severity = .error, lateDeclaration: Diagnostic.Severity = .error) {
            self.checksumMismatch = checksumMismatch
            self.lateDeclaration = lateDeclaration
        }
    }

    public var policy: Policy
    /// The file name diagnostics about campaign settings point to.
    public var campaignFile: String
    /// Runs `body(i)` for every `i` in `0..<count`, in any order and on any thread; the build gives it all
    /// cores (DispatchQueue.concurrentPerform). The model itself starts no threads, so by default it loops.
    public var forEachInParallel: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void = { count, body in
        for index in 0..<count { body(index) }
    }

    public init(policy: Policy = Policy(), campaignFile: String = "campaign.yaml") {
        self.policy = policy
        self.campaignFile = campaignFile
    }

    /// Every finding, bounded per file and code (`DiagnosticLimit`) so that garbage cannot exhaust memory.
    public func validate(_ data: CampaignData) -> [Diagnostic] {
        var diagnostics = DiagnosticLimit()
        diagnostics += checkCampaign(data.campaign)
        diagnostics += checkYear(data.campaign)
        // A plan is issued by a numbered, dated notice (GB/T 9704 §7.2.5, §7.3.5).
        if !data.plan.isEmpty {
            for (table, label) in [("document_numbers", "发文字号"), ("issue_dates", "成文日期")] {
                let present =
                    table == "document_numbers"
                    ? data.campaign.documentNumber(of: .planNotice) != nil
                    : data.campaign.issueDate(of: .planNotice) != nil
                if !present {
                    diagnostics.append(
                        Diagnostic(
                            .error, "plan-notice.\(table)",
                            at: SourceLocation(file: campaignFile, field: "\(table).plan_notice"),
                            chinese: "有计划表但计划通知没有\(label)（\(table).plan_notice）",
                            english: "the plan needs its notice's \(table).plan_notice"))
                }
            }
        }
        // Each declaration's key is folded once (full-width forms, spaces, case) and shared by every check.
        let keys = projectKeys(data.declarations)
        checkDeclarations(data.declarations, keys: keys, in: data.campaign, into: &diagnostics)
        checkLengths(of: data, into: &diagnostics)
        let declared = Set(keys)
        diagnostics += checkPlan(data.plan, declared: declared)
        diagnostics += checkAwards(data.awards, data: data, declared: declared)
        return diagnostics.diagnostics
    }
}

extension CampaignValidator {
    func checkCampaign(_ campaign: Campaign) -> [Diagnostic] {
        var diagnostics = checkNameLengths(campaign)
        func at(_ field: String) -> SourceLocation { SourceLocation(file: campaignFile, field: field) }

        // 文号 are never reused within a campaign (GB/T 9704 §7.2.5: one number identifies one document).
        var documentBySerial: [Int: String] = [:]
        for (key, serial) in campaign.documentSerials.sorted(by: { $0.key < $1.key }) {
            if serial < 1 {
                diagnostics.append(
                    Diagnostic(
                        .error, "document-number.invalid", at: at("document_numbers.\(key)"),
                        chinese: "发文字号序号必须是正整数，现为 \(serial)",
                        english: "a document serial number must be a positive integer, found \(serial)"))
            }
            if let other = documentBySerial[serial] {
                let number = DocumentNumber(prefix: campaign.documentNumberPrefix, year: campaign.year, serial: serial)
                diagnostics.append(
                    Diagnostic(
                        .error, "document-number.reused", at: at("document_numbers.\(key)"),
                        chinese: "发文字号 \(number) 已用于 \(other)，同一活动中不得重复使用",
                        english: "document number \(number) is already used by \(other); numbers are never reused"))
            } else {
                documentBySerial[serial] = key
            }
        }

        var seenIDs: Set<String> = []
        var seenNames: Set<String> = []
        for (index, recommender) in campaign.recommenders.enumerated() {
            let place = at("recommenders[\(index + 1)]")
            if !seenIDs.insert(recommender.id).inserted {
                diagnostics.append(
                    Diagnostic(
                        .error, "recommender.duplicate-id", at: place,
                        chinese: "推荐单位编号 \(recommender.id) 重复", english: "recommender id \(recommender.id) repeats"))
            }
            if !seenNames.insert(recommender.name).inserted {
                diagnostics.append(
                    Diagnostic(
                        .error, "recommender.duplicate-name", at: place,
                        chinese: "推荐单位 \(recommender.name) 重复", english: "recommender \(recommender.name) repeats"))
            }
            if !recommender.phone.isEmpty, PhoneNumber(recommender.phone) == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, "phone.invalid", at: at("recommenders[\(index + 1)].phone"),
                        chinese: "联系人电话“\(recommender.phone)”不是有效的电话号码",
                        english: "contact phone \"\(recommender.phone)\" is not a valid phone number"))
            }
            if let date = recommender.date, date > campaign.declarationDeadline {
                diagnostics.append(
                    Diagnostic(
                        policy.lateDeclaration, "declaration.late", at: at("recommenders[\(index + 1)].date"),
                        chinese:
                            "\(recommender.name) 的申报表日期 \(date.chinese) 晚于截止日期 \(campaign.declarationDeadline.chinese)",
                        english:
                            "the table of \(recommender.name) is dated \(date.iso), after the deadline \(campaign.declarationDeadline.iso)"
                    ))
            }
        }
        if !EmailAddress.isValid(campaign.contact.email) {
            diagnostics.append(
                Diagnostic(
                    .error, "email.invalid", at: at("contact.email"),
                    chinese: "联系邮箱“\(campaign.contact.email)”格式不正确",
                    english: "contact e-mail \"\(campaign.contact.email)\" is not a valid address"))
        }
        if campaign.awardLevels.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, "award-level.none", at: at("award_levels"), chinese: "未设置奖项等级",
                    english: "no award levels are set"))
        }
        return diagnostics
    }

    /// Each declaration's project key, folded on as many threads as `forEachInParallel` gives.
    func projectKeys(_ declarations: [Declaration]) -> [ProjectKey] {
        let slots = ParallelSlots(count: declarations.count, initial: ProjectKey(creditCode: "", projectName: ""))
        forEachInParallel(declarations.count) { index in slots.set(index, declarations[index].projectKey) }
        return slots.values
    }
}

/// One slot per item, each written by exactly one task of `forEachInParallel` and read after all have ended.
/// The slots live in memory allocated once, so concurrent writes to different slots never touch the same
/// Swift variable (an array's buffer would be one, and exclusivity checking forbids that).
final class ParallelSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        storage[index] = value
    }

    var values: [Value] { Array(storage) }
}
