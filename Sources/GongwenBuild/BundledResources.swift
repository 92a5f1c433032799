import Foundation

/// Where the files that ship with gongwen are: the built-in templates and the sample campaign.
///
/// gongwen runs from its source checkout (`swift run gongwen`), so they are found relative to this source
/// file's path at compile time; `--templates` and a campaign argument point elsewhere.
public enum BundledResources {
    /// The package root: Sources/GongwenBuild/BundledResources.swift → three levels up.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let templates = packageRoot.appendingPathComponent("Templates")
    public static let sampleCampaign = packageRoot.appendingPathComponent("Campaigns/binhai-2019")
}
