import Foundation
import GongwenBuild
import GongwenDocuments
import GongwenModel
import GongwenReaders
import GongwenRendering
import GongwenTemplates

/// The plan notice of the sample campaign with its table grown to ROWS rows, laid out by gongwen and written
/// as OFD, RUNS times: the median and each run's seconds.
func benchmarkOFD(_ arguments: [String]) -> Never {
    let rows = Int(arguments[2]) ?? 1_000
    let runs = Int(arguments[3]) ?? 5
    do {
        guard let data = CampaignReader().read(folder: BundledResources.sampleCampaign).data,
            let context = PlanNoticeContext.make(data)
        else { fail("the sample campaign has no plan notice") }
        let templates = TemplateFolder(root: BundledResources.templates)
        let text = try NoticeText.load(document: .planNotice, from: templates, values: context.values)
        let cells = (0..<rows).map { index in
            var row = context.rows[index % context.rows.count].cells
            row[0] = String(index + 1)
            return row
        }
        let table = NoticeAttachmentTable(
            kind: .plan,
            columns: text.columns.enumerated().map {
                NoticeAttachmentTable.Column(title: $1.title, width: $1.width, leftAligned: [2, 3].contains($0))
            }, rows: cells, landscape: false)
        let issuance = text.issuance(
            key: .planNotice, documentNumber: context.values.documentNumber, issueDate: context.issueDate,
            author: context.values.organizerName, campaign: data.campaign)
        var seconds: [Double] = []
        var size = 0
        for _ in 0..<runs {
            let start = Date()
            let ofd = try text.fixedLayout(
                documentNumber: context.values.documentNumber, issueDate: context.values.issueDate, issuance: issuance,
                tables: [0: table])
            seconds.append(Date().timeIntervalSince(start))
            size = try ofd.ofd().count
        }
        let median = seconds.sorted()[seconds.count / 2]
        print(
            "{\"rows\": \(rows), \"bytes\": \(size), \"median_seconds\": \(String(format: "%.3f", median)), \"runs\": [\(seconds.map { String(format: "%.3f", $0) }.joined(separator: ", "))]}"
        )
        exit(0)
    } catch {
        fail("\(error)")
    }
}

/// COUNT certificates laid out by gongwen and written as OFD, one package each (in memory): seconds.
func benchmarkCertificateOFD(_ arguments: [String]) -> Never {
    let count = Int(arguments[2]) ?? 1_000
    do {
        let template = try CertificateTemplate.load(from: TemplateFolder(root: BundledResources.templates))
        guard let date = CalendarDate(year: 2019, month: 9, day: 20) else { fail("date") }
        let start = Date()
        var bytes = 0
        for index in 0..<count {
            let certificate = Certificate(
                number: "BH2019-CG-\(index)", category: .projectResult, level: "一等奖", recipient: "天津海川精密机械有限公司",
                unit: "天津海川精密机械有限公司", projectName: "降低曲轴加工尺寸超差率\(index)", recommender: "开发区市场监管局")
            let text = template.text(
                for: certificate, campaignTitle: "2019年滨海新区质量攻关活动", year: 2019, issuer: "滨海新区质量工作领导小组办公室",
                date: "2019年9月20日")
            bytes += try OFDWriter(
                pages: [CertificatePageLayout.page(text, template: template)],
                info: OFDWriter.Info(
                    title: "获奖证书", author: "滨海新区质量工作领导小组办公室", date: date,
                    customData: [("证书编号", certificate.number)], identity: certificate.number)
            ).package().count
        }
        let seconds = Date().timeIntervalSince(start)
        print("{\"certificates\": \(count), \"bytes\": \(bytes), \"seconds\": \(String(format: "%.3f", seconds))}")
        exit(0)
    } catch {
        fail("\(error)")
    }
}
