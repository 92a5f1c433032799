import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// What a build knows as it goes: its inputs, the campaign once read, the findings, and the files rendered.
public struct BuildContext: Sendable {
    public var campaignFolder: URL
    /// The office's templates (built-in ones fill in whatever it lacks).
    public var templatesFolder: URL
    /// Whether `templatesFolder` was chosen on the command line; if not, campaign.yaml's `templates:` wins.
    public var templatesChosen = true
    public var outputFolder: URL
    public var policy: CampaignValidator.Policy
    /// The order of winners within a level on the commendation list.
    public var order: AwardsContext.Order = .stroke
    /// `--pdf`: a PDF/A-2b copy in each archive package (also when campaign.yaml says `archive: pdf`).
    public var pdfCopies = false
    /// `--ofd`: an OFD copy in each archive package (also when campaign.yaml says `archive: ofd`).
    public var ofdCopies = false
    /// `--allow-substitute-fonts`: make the PDF even where a font the document names is not installed (and,
    /// with `--embed-fonts`, embed the stand-in in the OFD).
    public var allowSubstituteFonts = false
    /// `--embed-fonts`: each OFD copy embeds a subset of every font file found (an archival copy's fonts).
    public var embedFonts = false
    /// Set by the archive step with `--embed-fonts`: the fonts not embedded as themselves, and why.
    public var fontsNotEmbedded: [String] = []

    /// Set by the read step.
    public var data: CampaignData?
    public var inputFiles: [String] = []
    /// Tables that do not exist yet (plan.csv before the plan, awards.csv before the judging): the documents
    /// made from them are skipped, and the CLI says so.
    public var notYet: [CampaignReader.NotYet] = []
    /// Notices (`Templates/notices/<key>.yaml`) campaign.yaml does not number and date yet: skipped, by key.
    public var noticesNotYet: [String] = []
    /// Every diagnostic so far; warnings stay here after a successful build, for the CLI to print once.
    public var diagnostics: [Diagnostic] = []
    /// Set by the render steps, in the order the manifest lists them: what was written, without the bytes.
    public var files: [WrittenFile] = []
    /// The new output as it is written (set by the lock step, swapped in by the write step).
    public var staging: StagingFolder?
    /// Told each rendering job's name and seconds when it ends.
    public var observeJob: (@Sendable (String, Double) -> Void)?
    /// How many documents are rendered at once (every core by default; 1 gives the same bytes, serially).
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// The output folder's lock, held from the first step to the end of the build.
    public var outputLock: RunLock?
    /// Called between writing files, so a test can interrupt a build mid-write. Nil in real builds.
    public var writeInterruption: (@Sendable (Int) throws -> Void)?

    public init(
        campaignFolder: URL, templatesFolder: URL, outputFolder: URL,
        policy: CampaignValidator.Policy = CampaignValidator.Policy()
    ) {
        self.campaignFolder = campaignFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.policy = policy
    }

    /// The staging folder; a step that writes before the lock step ran is a programming error.
    func requireStaging() throws(GongwenError) -> StagingFolder {
        guard let staging else {
            throw GongwenError(.io, message: "没有暂存文件夹 / no staging folder: the build must start with lockOutput")
        }
        return staging
    }

    /// The campaign data; a step that needs it before the read step ran is a programming error.
    func requireData() throws(GongwenError) -> CampaignData {
        guard let data else { throw GongwenError(.invalidData, message: "没有活动数据 / no campaign data was read") }
        return data
    }
}
