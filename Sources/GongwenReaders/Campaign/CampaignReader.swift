import Foundation
import GongwenModel
import Yams

/// Reads a campaign folder: `campaign.yaml` and the tables it names (declarations, plan, awards).
///
/// Returns the data plus every diagnostic met while reading; prints nothing. When `campaign.yaml` cannot be
/// read there is no campaign, and the result's data is nil.
public struct CampaignReader: Sendable {
    public struct Result: Sendable {
        public var data: CampaignData?
        public var diagnostics: [Diagnostic]
        /// Every input file read, relative to the campaign folder (so a manifest never holds a machine's paths).
        public var inputFiles: [String]
        /// The declarations table's file name, relative to the campaign folder (the importer rewrites it).
        public var declarationsFile = CampaignReader.defaultFiles.declarations
        /// The plan's and the award list's files, relative to the campaign folder (an import with `--replace`
        /// edits them when it removes a project they name).
        public var planFile = CampaignReader.defaultFiles.plan
        public var awardsFile = CampaignReader.defaultFiles.awards
        /// campaign.yaml's `templates:` folder, resolved against the campaign folder.
        public var templatesFolder: URL?
        /// Tables that could not be read at all (encoding, an unclosed quote, a missing column…). Checking the
        /// rest against them would only bury the cause under follow-on errors, so a build stops after reading.
        public var unreadableTables: [String] = []
        /// The plan or award list that does not exist yet (early in the campaign's year).
        public var notYet: [NotYet] = []
    }

    /// A table whose file is not there yet: `plan` or `awards`, and its file name.
    public struct NotYet: Sendable, Equatable {
        public var table: String
        public var file: String
    }

    /// Codes that mean a table was not read at all, as opposed to a problem in one of its rows.
    public static let unreadableCodes: Set<String> = [
        "file.missing", "file.encoding", "file.outside-campaign", "csv.unterminated-quote", "table.missing-column",
        "table.empty",
    ]

    /// The folder's file names when campaign.yaml does not name them.
    public static let defaultFiles = (
        campaign: "campaign.yaml", declarations: "declarations.csv", plan: "plan.csv", awards: "awards.csv"
    )

    public init() {}

    /// The name diagnostics give `file` of `folder`: the folder as the user gave it, then the file.
    public static func displayName(of file: String, in folder: URL) -> String {
        folder.relativePath == "." ? file : folder.relativePath + "/" + file
    }

    /// The campaign in `folder`; with `campaignYAML`, as it would read with that campaign.yaml instead of the
    /// one on disk (a settings change checked before it is saved).
    public func read(folder: URL, campaignYAML: Data? = nil) -> Result {
        let campaignURL = folder.appendingPathComponent(Self.defaultFiles.campaign)
        let campaignName = Self.displayName(of: Self.defaultFiles.campaign, in: folder)
        guard let yamlData = campaignYAML ?? (try? Data(contentsOf: campaignURL)) else {
            return Result(
                data: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "file.missing", at: SourceLocation(file: campaignName),
                        chinese: "找不到活动配置文件 campaign.yaml", english: "campaign.yaml not found or unreadable")
                ], inputFiles: [])
        }
        let (file, yamlDiagnostics) = decode(yamlData, name: campaignName)
        guard let file else {
            return Result(data: nil, diagnostics: yamlDiagnostics, inputFiles: [Self.defaultFiles.campaign])
        }
        var diagnostics = yamlDiagnostics
        let campaign = makeCampaign(file, name: campaignName, diagnostics: &diagnostics)
        var inputs = [Self.defaultFiles.campaign]
        var unreadable: [String] = []
        var notYet: [NotYet] = []

        /// The bytes of one table, or nil with a diagnostic when it is outside the folder or missing.
        func load(_ configured: String?, _ fallback: String, required: Bool, kind: String = "")
            -> (String, String, Data)?
        {
            let relative = configured ?? fallback
            let name = Self.displayName(of: relative, in: folder)
            guard Self.isInside(relative, folder: folder) else {
                unreadable.append(relative)
                diagnostics.append(
                    Diagnostic(
                        .error, "file.outside-campaign", at: SourceLocation(file: campaignName, field: "files"),
                        chinese: "数据文件“\(relative)”不在活动文件夹内；数据文件须放在活动文件夹里",
                        english: "data file \"\(relative)\" lies outside the campaign folder; keep data files inside it"
                    ))
                return nil
            }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(relative)) else {
                // The plan and the awards come later in the year: until their file exists, their documents
                // are not made yet (the build says so), which is no error.
                if !required, !FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path) {
                    notYet.append(NotYet(table: kind, file: relative))
                    return nil
                }
                if required || configured != nil {
                    unreadable.append(relative)
                    diagnostics.append(
                        Diagnostic(
                            .error, "file.missing", at: SourceLocation(file: name),
                            chinese: "找不到文件 \(relative)", english: "\(relative) not found or unreadable"))
                }
                return nil
            }
            inputs.append(relative)
            return (relative, name, data)
        }
        let loaded = [
            load(file.files?.declarations, Self.defaultFiles.declarations, required: true),
            load(file.files?.plan, Self.defaultFiles.plan, required: false, kind: "plan"),
            load(file.files?.awards, Self.defaultFiles.awards, required: false, kind: "awards"),
        ]
        // The three tables are parsed at once (the declarations take most of a large campaign's reading); their
        // findings are merged in the tables' order, as a serial read would list them.
        let parsed = ParsedTables()
        DispatchQueue.concurrentPerform(iterations: loaded.count) { index in
            guard let (_, name, data) = loaded[index] else { return }
            switch index {
            case 0: parsed.declarations = CampaignTables.declarations(from: data, file: name)
            case 1: parsed.plan = CampaignTables.plan(from: data, file: name)
            default: parsed.awards = CampaignTables.awards(from: data, file: name)
            }
        }
        for (index, found) in [parsed.declarations.1, parsed.plan.1, parsed.awards.1].enumerated() {
            diagnostics += found
            if let relative = loaded[index]?.0,
                found.contains(where: { $0.severity == .error && Self.unreadableCodes.contains($0.code) })
            {
                unreadable.append(relative)
            }
        }
        let declarations = parsed.declarations.0
        let plan = parsed.plan.0
        let awards = parsed.awards.0
        guard let campaign else { return Result(data: nil, diagnostics: diagnostics, inputFiles: inputs) }
        let data = CampaignData(campaign: campaign, declarations: declarations, plan: plan, awards: awards)
        var result = Result(data: data, diagnostics: diagnostics, inputFiles: inputs)
        result.unreadableTables = unreadable
        result.notYet = notYet
        result.declarationsFile = file.files?.declarations ?? Self.defaultFiles.declarations
        result.planFile = file.files?.plan ?? Self.defaultFiles.plan
        result.awardsFile = file.files?.awards ?? Self.defaultFiles.awards
        result.templatesFolder = file.templates.map { folder.appendingPathComponent($0) }
        return result
    }

    /// Whether `relative` names a file inside `folder`: no absolute path, no `..` out of it, no symbolic link
    /// leading elsewhere. The import writes the declarations file back, so it must never reach outside.
    static func isInside(_ relative: String, folder: URL) -> Bool {
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else { return false }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let target = folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath().path
        return target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    func decode(_ data: Data, name: String) -> (CampaignFile?, [Diagnostic]) {
        guard let text = String(data: data, encoding: .utf8) else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "file.encoding", at: SourceLocation(file: name), chinese: "campaign.yaml 必须是 UTF-8 编码",
                        english: "campaign.yaml must be UTF-8")
                ]
            )
        }
        let meaningful = text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---" && trimmed != "..."
        }
        guard meaningful else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "yaml.empty", at: SourceLocation(file: name),
                        chinese: "campaign.yaml 是空的：应写明活动名称、年度、主办单位、推荐单位等（可参照示例活动）",
                        english:
                            "campaign.yaml is empty: it names the campaign, year, organiser, recommenders… (see the sample)"
                    )
                ]
            )
        }
        do {
            let decoder = YAMLDecoder()
            return (try decoder.decode(CampaignFile.self, from: text, userInfo: [:]), [])
        } catch let error as YamlError {
            return (nil, [yamlDiagnostic(error, name: name)])
        } catch let error as DecodingError {
            // Yams reports a syntax error as dataCorrupted with the YamlError (and its line) underneath.
            if case .dataCorrupted(let context) = error, let underlying = context.underlyingError as? YamlError {
                return (nil, [yamlDiagnostic(underlying, name: name)])
            }
            return (nil, [decodingDiagnostic(error, name: name)])
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "yaml.invalid", at: SourceLocation(file: name), chinese: "无法读取：\(error)",
                        english: "cannot read: \(error)")
                ]
            )
        }
    }
}

/// The three tables' results, each written by one task of the concurrent read and read after all end.
private final class ParsedTables: @unchecked Sendable {
    var declarations: ([Declaration], [Diagnostic]) = ([], [])
    var plan: ([PlanEntry], [Diagnostic]) = ([], [])
    var awards: ([Award], [Diagnostic]) = ([], [])
}
