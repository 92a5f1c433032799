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
        /// campaign.yaml's `templates:` folder, resolved against the campaign folder.
        public var templatesFolder: URL?
    }

    /// The folder's file names when campaign.yaml does not name them.
    public static let defaultFiles = (
        campaign: "campaign.yaml", declarations: "declarations.csv", plan: "plan.csv", awards: "awards.csv"
    )

    public init() {}

    /// The name diagnostics give `file` of `folder`: the folder as the user gave it, then the file.
    public static func displayName(of file: String, in folder: URL) -> String {
        folder.relativePath == "." ? file : folder.relativePath + "/" + file
    }

    public func read(folder: URL) -> Result {
        let campaignURL = folder.appendingPathComponent(Self.defaultFiles.campaign)
        let campaignName = Self.displayName(of: Self.defaultFiles.campaign, in: folder)
        guard let yamlData = try? Data(contentsOf: campaignURL) else {
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

        func table<T>(
            _ configured: String?, _ fallback: String, required: Bool,
            _ read: (Data, String) -> ([T], [Diagnostic])
        ) -> [T] {
            let relative = configured ?? fallback
            let name = Self.displayName(of: relative, in: folder)
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(relative)) else {
                if required || configured != nil {
                    diagnostics.append(
                        Diagnostic(
                            .error, "file.missing", at: SourceLocation(file: name),
                            chinese: "找不到文件 \(relative)", english: "\(relative) not found or unreadable"))
                }
                return []
            }
            inputs.append(relative)
            let (values, found) = read(data, name)
            diagnostics += found
            return values
        }
        let declarations = table(
            file.files?.declarations, Self.defaultFiles.declarations, required: true, CampaignTables.declarations)
        let plan = table(file.files?.plan, Self.defaultFiles.plan, required: false, CampaignTables.plan)
        let awards = table(file.files?.awards, Self.defaultFiles.awards, required: false, CampaignTables.awards)
        guard let campaign else { return Result(data: nil, diagnostics: diagnostics, inputFiles: inputs) }
        let data = CampaignData(campaign: campaign, declarations: declarations, plan: plan, awards: awards)
        var result = Result(data: data, diagnostics: diagnostics, inputFiles: inputs)
        result.declarationsFile = file.files?.declarations ?? Self.defaultFiles.declarations
        result.templatesFolder = file.templates.map { folder.appendingPathComponent($0) }
        return result
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
