import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// The forms gongwen sends back: for each recommender with refused rows still open (``RefusedRows``), its
/// 附件2 form with those rows filled in as they came, each wrong cell on light red with a note giving the
/// reason in plain Chinese — to correct and return; the import then merges the corrected rows.
public enum ReturnedForms {
    /// The file name a recommender's returned form is given: `退回修改-<name>.xlsx`.
    public static func fileName(for recommender: Recommender) -> String {
        "退回修改-" + FileNaming.safe(recommender.shortName ?? recommender.name) + ".xlsx"
    }

    /// The recommenders that have refused rows open, in campaign order.
    public static func open(in campaign: URL) throws(GongwenError) -> [Recommender] {
        let refused = RefusedRows(campaign: campaign).load()
        return try data(campaign).campaign.recommenders.filter { refused[$0.id] != nil }
    }

    /// `recommender`'s returned form (nil when it has nothing open).
    public static func make(campaign folder: URL, recommender id: String) throws(GongwenError) -> (Recommender, Data)? {
        let data = try data(folder)
        guard let recommender = data.campaign.recommenders.first(where: { $0.id == id }),
            let entry = RefusedRows(campaign: folder).load()[id]
        else { return nil }
        let rows = entry.rows.map { row in
            DeclarationTableXLSX.MarkedRow(
                values: Dictionary(
                    uniqueKeysWithValues: row.values.compactMap { key, value in
                        DeclarationField(rawValue: key).map { ($0, value) }
                    }),
                problems: row.problems.map { (DeclarationField(rawValue: $0.field), $0.chinese) })
        }
        do {
            let layout = try FormLayout.load(
                document: .declarationTable, from: TemplateFolder(root: BundledResources.templates))
            return (
                recommender,
                try DeclarationTableXLSX(layout: layout).returnedForm(
                    data.campaign, recommender: recommender, rows: rows)
            )
        } catch {
            throw GongwenError(.io, message: "退回表无法生成 / the returned form cannot be made: \(error)")
        }
    }

    /// Every open recommender's returned form written into `folder` (atomically each); the files written.
    public static func write(campaign: URL, to folder: URL) throws(GongwenError) -> [URL] {
        var written: [URL] = []
        for recommender in try open(in: campaign) {
            guard let (_, form) = try make(campaign: campaign, recommender: recommender.id) else { continue }
            let url = folder.appendingPathComponent(fileName(for: recommender))
            try AtomicFile.write(form, to: url)
            written.append(url)
        }
        return written
    }

    static func data(_ folder: URL) throws(GongwenError) -> CampaignData {
        let read = CampaignReader().read(folder: folder)
        guard let data = read.data else {
            throw GongwenError(
                .invalidData, path: folder.path, message: "活动数据无法读取 / the campaign cannot be read",
                diagnostics: read.diagnostics)
        }
        return data
    }
}
