import GongwenModel

/// What an issued document (a notice, the decision) says about itself, as an archive records it: the core
/// elements of GB/T 33480-2016 党政机关电子公文元数据规范 that the document has, and the archival ones DA/T
/// 46-2009 adds (保管期限). Made by the renderer from the same text the document prints, so the record and
/// the page cannot disagree; the build adds each copy's file name, size and SHA-256.
public struct IssuanceRecord: Sendable, Equatable {
    /// The document's key in campaign.yaml (`plan_notice`, `commendation`): its 文号 and 成文日期 live there.
    public var key: DocumentKey
    /// 文种 (GB/T 9704 §8; GB/T 33480 文种): 通知, 决定, 函, 报告 …
    public var documentType: String
    /// 份号, 密级和保密期限, 紧急程度: empty when the document has none (a public notice has none).
    public var copyNumber = ""
    public var classification = ""
    public var urgency = ""
    /// 发文机关标志, e.g. 滨海新区质量工作领导小组办公室文件.
    public var issuerMark: String
    /// 发文字号, 津滨质量组办〔2019〕5号.
    public var documentNumber: String
    /// 签发人 (上行文 only).
    public var signer = ""
    public var title: String
    /// 主送机关.
    public var recipients: String
    /// 附件说明: each attachment's name, in order.
    public var attachments: [String]
    /// 发文机关署名.
    public var issuer: String
    /// 成文日期.
    public var issueDate: CalendarDate
    /// 附注, e.g. （此件主动公开）.
    public var note: String
    /// 抄送机关.
    public var copyTo: String
    /// 印发机关 and 印发日期 (the 版记; gongwen prints the 成文日期 there).
    public var printedBy: String
    public var printDate: CalendarDate
    /// 责任者 (DA/T 46): the organisation responsible, the issuer.
    public var author: String
    /// 保管期限 (DA/T 22-2015): from campaign.yaml, or the default of the 文种.
    public var retention: Retention

    public init(
        key: DocumentKey, documentType: String, issuerMark: String, documentNumber: String, title: String,
        recipients: String, attachments: [String], issuer: String, issueDate: CalendarDate, note: String,
        copyTo: String, printedBy: String, author: String, retention: Retention
    ) {
        self.key = key
        self.documentType = documentType
        self.issuerMark = issuerMark
        self.documentNumber = documentNumber
        self.title = title
        self.recipients = recipients
        self.attachments = attachments
        self.issuer = issuer
        self.issueDate = issueDate
        self.note = note
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.printDate = issueDate
        self.author = author
        self.retention = retention
    }

    /// The 文种 a title ends with (关于…的通知 → 通知); GB/T 9704 §7.3.1 puts it last in every title.
    public static func documentType(ofTitle title: String) -> String {
        let types = ["通知", "决定", "通报", "报告", "请示", "批复", "意见", "函", "纪要", "公告", "通告", "命令", "议案", "决议", "公报", "方案"]
        return types.first { title.hasSuffix($0) } ?? ""
    }
}
