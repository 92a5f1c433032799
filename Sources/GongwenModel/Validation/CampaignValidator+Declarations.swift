extension CampaignValidator {
    func checkDeclarations(
        _ declarations: [Declaration], keys: [ProjectKey], in campaign: Campaign,
        into diagnostics: inout DiagnosticLimit
    ) {
        // The first row of each project, by index: a dictionary of whole declarations took 100 MB at 100,000.
        var firstByProject: [ProjectKey: Int] = [:]
        firstByProject.reserveCapacity(declarations.count)
        // The per-row checks of a chunk run in parallel; their findings are merged in row order, so the list
        // is the same as a serial run's. Chunks keep memory flat when every row of a million has findings.
        let chunkSize = 8_192
        var findings: [[Diagnostic]] = []
        for (index, (declaration, key)) in zip(declarations, keys).enumerated() {
            let offset = index % chunkSize
            if offset == 0 {
                let chunk = declarations[index..<min(index + chunkSize, declarations.count)]
                findings = fieldFindings(Array(chunk), in: campaign)
            }
            diagnostics += findings[offset]
            guard !key.creditCode.isEmpty, !key.projectName.isEmpty else { continue }
            if let firstIndex = firstByProject[key] {
                let first = declarations[firstIndex]
                let firstPlace = "\(first.origin.file) 第\(first.origin.row)行"
                diagnostics.append(
                    Diagnostic(
                        .error, "declaration.duplicate", at: declaration.origin.location(of: .projectName),
                        chinese:
                            "项目“\(declaration.projectName)”（\(declaration.creditCode)）重复申报，已见于 \(firstPlace)（推荐单位：\(first.recommender)）",
                        english:
                            "project \"\(declaration.projectName)\" of \(declaration.creditCode) is declared twice; first at \(first.origin.file) row \(first.origin.row) (recommender \(first.recommender))"
                    ))
            } else {
                firstByProject[key] = index
            }
        }
    }

    /// `checkFields` of each declaration, on as many threads as `forEachInParallel` gives.
    func fieldFindings(_ declarations: [Declaration], in campaign: Campaign) -> [[Diagnostic]] {
        let results = ParallelSlots<[Diagnostic]>(count: declarations.count, initial: [])
        forEachInParallel(declarations.count) { index in
            results.set(index, checkFields(of: declarations[index], in: campaign))
        }
        return results.values
    }

    /// Every per-row check of one declaration (not duplicates, which need the others).
    public func check(_ declaration: Declaration, in campaign: Campaign) -> [Diagnostic] {
        checkFields(of: declaration, in: campaign)
    }

    func checkFields(of declaration: Declaration, in campaign: Campaign) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(
            _ severity: Diagnostic.Severity, _ code: String, _ field: DeclarationField, _ chinese: String,
            _ english: String
        ) {
            diagnostics.append(
                Diagnostic(
                    severity, code, at: declaration.origin.location(of: field), chinese: chinese, english: english))
        }

        for field in DeclarationField.allCases {
            if let found = checkLength(declaration[field], at: declaration.origin.location(of: field)) {
                diagnostics.append(found)
            }
        }
        for field in DeclarationField.required where TextNormalization.trimmed(declaration[field]).isEmpty {
            report(.error, "field.required", field, "\(field.title)为必填项，不能为空", "\(field.english) is required")
        }

        if !declaration.creditCode.isEmpty {
            for problem in CreditCode.problems(in: declaration.creditCode) {
                let (severity, code, chinese, english) = describe(problem, code: declaration.creditCode)
                report(severity, code, .creditCode, chinese, english)
            }
        }
        if !declaration.phone.isEmpty, PhoneNumber.all(in: declaration.phone) == nil {
            report(
                .error, "phone.invalid", .phone,
                "联系方式“\(declaration.phone)”不是有效的电话号码（手机11位，座机如022-66707955，可带分机）",
                "\"\(declaration.phone)\" is not a phone number (11-digit mobile, or landline such as 022-66707955)")
        }
        if !declaration.email.isEmpty, !EmailAddress.isValid(declaration.email) {
            report(
                .error, "email.invalid", .email, "电子邮箱“\(declaration.email)”格式不正确",
                "e-mail \"\(declaration.email)\" is not a valid address")
        }
        let recommender = campaign.recommender(named: declaration.recommender)
        if !declaration.recommender.isEmpty, recommender == nil {
            report(
                .error, "recommender.unknown", .recommender,
                "推荐单位“\(declaration.recommender)”不在活动的推荐单位名单中",
                "recommender \"\(declaration.recommender)\" is not one of the campaign's recommenders")
        }
        if !campaign.industries.isEmpty, !declaration.industry.isEmpty,
            !campaign.industries.contains(declaration.industry)
        {
            report(
                .warning, "industry.unlisted", .industry, "行业“\(declaration.industry)”不在活动的行业列表中",
                "industry \"\(declaration.industry)\" is not in the campaign's list")
        }
        if !campaign.districts.isEmpty, !declaration.district.isEmpty,
            !campaign.districts.contains(declaration.district)
        {
            report(
                .warning, "district.unlisted", .district, "所在区“\(declaration.district)”不在活动的区域列表中",
                "district \"\(declaration.district)\" is not in the campaign's list")
        }
        if let received = declaration.received, received > campaign.declarationDeadline {
            report(
                policy.lateDeclaration, "declaration.late", .received,
                "收到日期 \(received.chinese) 晚于申报截止日期 \(campaign.declarationDeadline.chinese)",
                "received \(received.iso), after the deadline \(campaign.declarationDeadline.iso)")
        }
        return diagnostics
    }

    func describe(_ problem: CreditCode.Problem, code: String) -> (Diagnostic.Severity, String, String, String) {
        switch problem {
        case .wrongLength(let length):
            (
                .error, "credit-code.length", "统一社会信用代码应为18位，“\(code)”为\(length)位",
                "a credit code has 18 characters; \"\(code)\" has \(length)"
            )
        case .invalidCharacter(let character, let position):
            (
                .error, "credit-code.character",
                "统一社会信用代码第\(position)位“\(character)”不是允许的字符（数字或除I、O、Z、S、V外的大写字母）",
                "character \(position) \"\(character)\" is not allowed (digits and capitals except I O Z S V)"
            )
        case .regionNotNumeric:
            (
                .error, "credit-code.region", "统一社会信用代码第3–8位应为行政区划代码（6位数字）",
                "characters 3-8 must be a six-digit region code"
            )
        case .checksumMismatch(let expected, let found):
            (
                policy.checksumMismatch, "credit-code.checksum",
                "统一社会信用代码“\(code)”校验位不符：第18位为“\(found)”，按GB 32100应为“\(expected)”",
                "check character of \(code) is \(found), GB 32100 gives \(expected)"
            )
        }
    }
}
