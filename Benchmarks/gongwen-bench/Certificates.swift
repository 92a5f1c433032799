import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenRendering
import GongwenTemplates

/// Writes one certificate DOCX per winner for the first COUNT rows of IN.tsv that carry an award (the
/// docxtpl peer takes the same rows), through the product's own template and packaging.
func benchmarkCertificates(_ arguments: [String]) -> Never {
    let count = arguments.count > 4 ? Int(arguments[4]) ?? 10_000 : 10_000
    let folder = URL(fileURLWithPath: arguments[3])
    let start = Date()
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let template = try CertificateTemplate.load(from: TemplateFolder(root: BundledResources.templates))
        let docx = try CertificateDOCX(template: template, date: (2019, 9, 20), creator: "滨海新区质量工作领导小组办公室")
        guard let lines = LineReader(path: arguments[2]) else { fail("cannot open \(arguments[2])") }
        // TSV fields: seq company credit_code industry district project_name leader phone email recommender award
        var winners: [(company: String, code: String, project: String, recommender: String, level: String)] = []
        for line in lines where winners.count < count {
            let f = line.utf8.split(separator: 9, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard f.count >= 11, !f[10].isEmpty else { continue }
            winners.append((f[1], f[2], f[5], f[9], f[10]))
        }
        let numbers = CertificateNumbering.numbers(
            for: winners.map { ("projectResult|\($0.code)|\($0.project)", AwardCategory.projectResult) }, prefix: "BH",
            year: 2019)
        for winner in winners {
            let certificate = Certificate(
                number: numbers["projectResult|\(winner.code)|\(winner.project)"] ?? "", category: .projectResult,
                level: winner.level, recipient: winner.company, unit: winner.company, projectName: winner.project,
                recommender: winner.recommender)
            let text = template.text(
                for: certificate, campaignTitle: "2019年滨海新区质量攻关活动", year: 2019, issuer: "滨海新区质量工作领导小组办公室",
                date: "2019年9月20日")
            try docx.package([text]).write(to: folder.appendingPathComponent(AwardsRenderer.fileName(certificate)))
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            "{\"task\":\"certificates\",\"documents\":\(winners.count),\"seconds\":\(String(format: "%.3f", seconds)),"
                + "\"documents_per_second\":\(Int(Double(winners.count) / seconds))}")
        exit(0)
    } catch {
        fail("gongwen-bench: \(error)")
    }
}
