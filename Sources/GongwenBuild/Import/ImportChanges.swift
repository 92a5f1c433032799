import GongwenModel

/// What an import does to one recommender's rows, shown before it is done (`--dry-run`, the page's preview)
/// and reported after.
///
/// A returned form is matched with the rows the recommender already has by project (统一社会信用代码 and
/// 项目名称, folded as duplicates are found): a project on the form and in the data is *changed* (field by field)
/// or unchanged; a project only on the form is *added*; a project only in the data is *absent* from the form.
/// Recommenders send back the one row they corrected as often as the whole table, so absent rows are kept —
/// unless the clerk confirms that the form replaces them all (`--replace`, the page's second step); then they
/// are *removed*, with the plan and award rows that name them.
public struct RecommenderChange: Sendable, Equatable {
    /// One field that differs between the row in the data and the row on the form.
    public struct FieldChange: Sendable, Equatable {
        public var field: DeclarationField
        public var before: String
        public var after: String
    }

    public struct Changed: Sendable, Equatable {
        public var before: Declaration
        public var after: Declaration
        public var fields: [FieldChange]
    }

    /// The recommender's id, and its name as campaign.yaml gives it (for reports and pages).
    public var recommender: String
    public var name: String
    public var added: [Declaration] = []
    public var changed: [Changed] = []
    public var unchanged = 0
    /// Rows in the data that the form does not have: kept, or removed with `replace`.
    public var absent: [Declaration] = []
    public var removesAbsent = false

    public var removed: [Declaration] { removesAbsent ? absent : [] }
    /// Whether the import writes anything for this recommender.
    public var changesData: Bool { !added.isEmpty || !changed.isEmpty || !removed.isEmpty }
    public var kept: [Declaration] { removesAbsent ? [] : absent }

    /// `existing` (the recommender's rows in the data) against `form` (the rows accepted from its form).
    static func compare(
        recommender: Recommender, existing: [Declaration], form: [Declaration], replace: Bool
    ) -> RecommenderChange {
        var change = RecommenderChange(recommender: recommender.id, name: recommender.name, removesAbsent: replace)
        var byKey: [ProjectKey: Declaration] = [:]
        for declaration in existing where byKey[declaration.projectKey] == nil {
            byKey[declaration.projectKey] = declaration
        }
        var matched: Set<ProjectKey> = []
        for row in form {
            guard let before = byKey[row.projectKey] else {
                change.added.append(row)
                continue
            }
            matched.insert(row.projectKey)
            // A correction keeps the date the project first came in (a fix sent after the deadline does not
            // make an on-time declaration late), its 序号 in the office's list (a form with the one corrected
            // row numbers it 1) and the recommender as the data names it.
            var after = row
            if let received = before.received { after.received = received }
            after.serial = before.serial
            after.recommender = before.recommender
            after.origin = before.origin
            let fields = DeclarationField.allCases.compactMap { field -> FieldChange? in
                before[field] == after[field]
                    ? nil : FieldChange(field: field, before: before[field], after: after[field])
            }
            if fields.isEmpty {
                change.unchanged += 1
            } else {
                change.changed.append(Changed(before: before, after: after, fields: fields))
            }
        }
        change.absent = existing.filter { !matched.contains($0.projectKey) }
        return change
    }

    /// One line a person reads: 新增 2 行，修改 1 行（项目名称、联系方式），未变 3 行，表中未列 2 行（保留）.
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("新增 \(added.count) 行") }
        if !changed.isEmpty {
            let fields = Set(changed.flatMap { $0.fields.map(\.field) })
            let names = DeclarationField.allCases.filter { fields.contains($0) }.map(\.title).joined(separator: "、")
            parts.append("修改 \(changed.count) 行（\(names)）")
        }
        if unchanged > 0 { parts.append("未变 \(unchanged) 行") }
        if !absent.isEmpty {
            parts.append(removesAbsent ? "删除表中未列的 \(absent.count) 行" : "表中未列的 \(absent.count) 行保留未删")
        }
        let english =
            "added \(added.count), changed \(changed.count), unchanged \(unchanged), "
            + (removesAbsent ? "removed \(absent.count)" : "kept \(absent.count) not on the form")
        return (parts.isEmpty ? "无变化" : parts.joined(separator: "，")) + " / " + english
    }
}
