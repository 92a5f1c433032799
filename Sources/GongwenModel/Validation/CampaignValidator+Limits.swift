extension CampaignValidator {
    /// The most characters an Excel cell holds (Excel specifications and limits: 32,767). A longer value cannot be
    /// written into the workbooks a build makes, so `check` reports it rather than `build` failing on it.
    public static let maximumFieldLength = 32_767

    /// The years a campaign can plausibly have: a 文号 reads 〔2019〕, never 〔9223372036854775807〕.
    public static let plausibleYears = 2000...2100

    /// A value over the cell limit, reported at its place with a short prefix so the row can be found.
    func checkLength(_ value: String, at location: SourceLocation) -> Diagnostic? {
        // UTF-16 never has more units than UTF-8 has bytes, and the byte count costs nothing.
        guard value.utf8.count > Self.maximumFieldLength else { return nil }
        let length = value.utf16.count
        guard length > Self.maximumFieldLength else { return nil }
        let prefix = String(value.prefix(20))
        return Diagnostic(
            .error, "field.too-long", at: location,
            chinese: "“\(prefix)…”共 \(length) 个字符，超过表格单元格上限 \(Self.maximumFieldLength)",
            english:
                "\"\(prefix)…\" has \(length) characters, more than a spreadsheet cell's \(Self.maximumFieldLength)")
    }

    /// The most characters a name that goes into a document's title, its red mark or its 署名 may have: the
    /// campaign's title, area, organiser and co-organiser, the 署名. A 公文 title is set 20 characters to a line
    /// (GB/T 9704 §7.3.1); 200 is ten lines, far past any real title, and refusing more here keeps `build` —
    /// which balances title lines and fits names into cells — in proportion to the data (issue 21: a
    /// 3.5-million-character title passed `check` and then held `build` for hours).
    public static let maximumNameLength = 200

    /// The campaign's names within ``maximumNameLength``.
    func checkNameLengths(_ campaign: Campaign) -> [Diagnostic] {
        let names: [(String, String, String)] = [
            ("title", "活动名称", campaign.title), ("area", "地区", campaign.area),
            ("organizer.name", "组织单位", campaign.organizer.name),
            ("organizer.short_name", "组织单位简称", campaign.organizer.shortName),
            ("co_organizer", "协办单位", campaign.coOrganizer), ("signatory", "署名", campaign.signatory),
            ("document_number_prefix", "发文机关代字", campaign.documentNumberPrefix),
        ]
        return names.compactMap { field, title, value in
            let length = value.count
            guard value.utf8.count > Self.maximumNameLength, length > Self.maximumNameLength else { return nil }
            let prefix = String(value.prefix(20))
            return Diagnostic(
                .error, "campaign.name-too-long", at: SourceLocation(file: campaignFile, field: field),
                chinese: "\(title)“\(prefix)…”共 \(length) 个字符，超过 \(Self.maximumNameLength) 个字符的上限（标题每行 20 字）",
                english:
                    "\(field) \"\(prefix)…\" has \(length) characters, more than the \(Self.maximumNameLength) allowed")
        }
    }

    /// The campaign's year is plausible and its dates lie inside it.
    func checkYear(_ campaign: Campaign) -> [Diagnostic] {
        guard Self.plausibleYears.contains(campaign.year) else {
            return [
                Diagnostic(
                    .error, "campaign.year", at: SourceLocation(file: campaignFile, field: "year"),
                    chinese:
                        "活动年度 \(campaign.year) 不合理（应在 \(Self.plausibleYears.lowerBound)–\(Self.plausibleYears.upperBound) 之间）",
                    english:
                        "year \(campaign.year) is not plausible (expected \(Self.plausibleYears.lowerBound)-\(Self.plausibleYears.upperBound))"
                )
            ]
        }
        var dates: [(String, CalendarDate)] = [("declaration_deadline", campaign.declarationDeadline)]
        dates += campaign.issueDates.sorted { $0.key < $1.key }.map { ("issue_dates.\($0.key)", $0.value) }
        for (index, recommender) in campaign.recommenders.enumerated() {
            if let date = recommender.date { dates.append(("recommenders[\(index + 1)].date", date)) }
        }
        return dates.filter { $0.1.year != campaign.year }.map { field, date in
            Diagnostic(
                .error, "date.outside-year", at: SourceLocation(file: campaignFile, field: field),
                chinese: "日期 \(date.chinese) 不在活动年度 \(campaign.year) 年内",
                english: "date \(date.iso) is not in the campaign's year \(campaign.year)")
        }
    }

    /// Field lengths of the plan and the award list.
    func checkLengths(of data: CampaignData, into limit: inout DiagnosticLimit) {
        for entry in data.plan {
            for (key, title, value) in [
                ("planNumber", "计划编号", entry.planNumber), ("creditCode", "统一社会信用代码", entry.creditCode),
                ("projectName", "项目名称", entry.projectName),
            ] {
                if let found = checkLength(value, at: entry.origin.location(of: key, titled: title)) {
                    limit.append(found)
                }
            }
        }
        for award in data.awards {
            for (key, title, value) in [
                ("level", "等级", award.level), ("creditCode", "统一社会信用代码", award.creditCode),
                ("projectName", "项目名称", award.projectName), ("groupName", "小组名称", award.groupName),
                ("unit", "所在单位", award.unit), ("recommender", "推荐单位", award.recommender),
                ("certificateNumber", "证书编号", award.certificateNumber),
            ] {
                if let found = checkLength(value, at: award.origin.location(of: key, titled: title)) {
                    limit.append(found)
                }
            }
        }
    }
}
