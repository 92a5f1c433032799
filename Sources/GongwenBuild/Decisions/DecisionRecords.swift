import Foundation
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering

/// The records of the year's decisions, as the campaign folder keeps them (judging/ranking.csv, written by
/// `gongwen judging import`; selection.csv, by `gongwen plan import`), made into tables for the build to
/// render and archive with the documents they are the basis of. A campaign without them builds as before.
enum DecisionRecords {
    /// The tables, and the files read (for the manifest's inputs).
    static func tables(campaign folder: URL) -> (tables: [DecisionRecordTable], inputs: [String]) {
        var tables: [DecisionRecordTable] = []
        var inputs: [String] = []
        if let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(JudgingFiles.ranking).path),
            let (header, rows) = RecordTableFile.read(bytes)
        {
            let wide: Set<String> = ["项目名称", "申报单位名称", "推荐单位"]
            tables.append(
                DecisionRecordTable(
                    title: "评审结果汇总表", header: header, rows: rows, basisOf: AwardsContext.documentKey,
                    centred: Set(header.indices.filter { !wide.contains(header[$0]) })))
            inputs.append(JudgingFiles.ranking)
        }
        if let bytes = FileManager.default.contents(
            atPath: folder.appendingPathComponent(SelectionRecordFile.name).path),
            let (header, rows) = RecordTableFile.read(bytes)
        {
            let centred: Set<String> = ["计划编号", "统一社会信用代码", "结果"]
            tables.append(
                DecisionRecordTable(
                    title: "项目筛选记录", header: header, rows: rows, basisOf: PlanNoticeContext.documentKey,
                    centred: Set(header.indices.filter { centred.contains(header[$0]) })))
            inputs.append(SelectionRecordFile.name)
        }
        return (tables, inputs)
    }
}
