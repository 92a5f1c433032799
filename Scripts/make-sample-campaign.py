#!/usr/bin/env python3
"""Writes the bundled sample campaign (Campaigns/binhai-2019): fictional but believable Binhai data.

Deterministic (fixed seed): running it again gives the same files. Companies, people, phones and e-mail
addresses are invented; credit codes are built with the GB 32100 / GB 11714 check characters from
../shared/reference/standards.md, so every one of them is valid.
"""
import csv, io, random, sys
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "Campaigns/binhai-2019")
rng = random.Random(20190408)

CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"; VAL = {c: i for i, c in enumerate(CS)}
W18 = [pow(3, i, 31) for i in range(17)]
def usci_check(f17): return CS[(31 - sum(VAL[c] * w for c, w in zip(f17, W18)) % 31) % 31]
def org_check(f8):
    v = lambda c: int(c) if c.isdigit() else ord(c) - 55
    r = 11 - sum(v(c) * w for c, w in zip(f8, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)
def make_code(region):
    org8 = "MA0" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(5))
    f17 = "91" + region + org8 + org_check(org8)
    return f17 + usci_check(f17)

RECOMMENDERS = [
    ("KFQ", "天津经济技术开发区市场监督管理局", "开发区市场监管局", "功能区市场监管局", "经济技术开发区"),
    ("BSQ", "天津港保税区市场监督管理局", "保税区市场监管局", "功能区市场监管局", "保税区"),
    ("GXQ", "天津滨海高新技术产业开发区市场监督管理局", "高新区市场监管局", "功能区市场监管局", "高新区"),
    ("STC", "中新天津生态城市场监督管理局", "生态城市场监管局", "功能区市场监管局", "中新天津生态城"),
    ("DGS", "滨海新区市场监督管理局大港市场监管所", "大港市场监管所", "市场监管所", "大港地区"),
    ("HGS", "滨海新区市场监督管理局汉沽市场监管所", "汉沽市场监管所", "市场监管所", "汉沽地区"),
    ("XHS", "滨海新区市场监督管理局新河市场监管所", "新河市场监管所", "市场监管所", "塘沽地区"),
    ("BGJ", "天津滨港装备制造集团有限公司", "滨港装备集团", "集团公司", "临港经济区"),
    ("HSJ", "天津海晟化工集团有限公司", "海晟化工集团", "集团公司", "大港地区"),
    ("LGZ", "天津临港重型机械有限公司", "临港重机", "企业", "临港经济区"),
]
DISTRICTS = ["经济技术开发区", "保税区", "高新区", "东疆综合保税区", "中新天津生态城", "临港经济区",
             "塘沽地区", "汉沽地区", "大港地区"]
INDUSTRIES = ["制造业", "建筑业", "电力、热力、燃气及水生产和供应业", "交通运输、仓储和邮政业",
              "信息传输、软件和信息技术服务业", "科学研究和技术服务业", "批发和零售业", "采矿业",
              "水利、环境和公共设施管理业"]
STEMS = [("海川", "haichuan"), ("滨瑞", "binrui"), ("泰丰", "taifeng"), ("鑫源", "xinyuan"), ("博远", "boyuan"),
         ("华澳", "huaao"), ("津诚", "jincheng"), ("港达", "gangda"), ("瀚海", "hanhai"), ("恒力达", "henglida"),
         ("中盛", "zhongsheng"), ("远航", "yuanhang"), ("北辰星", "beichenxing"), ("蓝海", "lanhai"),
         ("新宇", "xinyu"), ("立信", "lixin"), ("宏泰", "hongtai"), ("正阳", "zhengyang"), ("金桥", "jinqiao"),
         ("云帆", "yunfan"), ("长兴", "changxing"), ("润泽", "runze"), ("安盛", "ansheng"), ("凯瑞", "kairui"),
         ("天元", "tianyuan"), ("盛世达", "shengshida"), ("宝隆", "baolong"), ("嘉禾", "jiahe")]
KINDS = {
    "制造业": [("精密机械", "降低{p}加工尺寸超差率", ["数控主轴", "齿轮箱壳体", "液压阀块", "曲轴"]),
             ("汽车零部件", "提高{p}一次交检合格率", ["制动盘", "转向节", "铝合金轮毂", "座椅骨架"]),
             ("电子科技", "降低{p}焊接不良率", ["SMT贴片板", "电源模块", "BMS控制板", "LED驱动板"]),
             ("新能源科技", "提升{p}一致性", ["锂电池极片涂布", "电芯容量", "光伏组件层压"]),
             ("化工", "降低{p}单位产品综合能耗", ["环氧乙烷装置", "聚氯乙烯生产线", "精馏工序"]),
             ("食品", "缩短{p}换型时间", ["乳品灌装线", "方便面包装线", "饮料吹灌旋一体机"]),
             ("船舶重工", "缩短{p}周期", ["船体分段合拢", "管系预制", "舾装调试"]),
             ("医疗器械", "降低{p}返工率", ["一次性输液器组装", "骨科植入物抛光", "注射器印刷"])],
    "建筑业": [("建设工程", "提高{p}一次验收合格率", ["装配式构件安装", "大体积混凝土浇筑", "钢结构焊缝"])],
    "电力、热力、燃气及水生产和供应业": [("能源", "降低{p}故障率", ["配网线路", "燃气调压箱", "供热换热站"])],
    "交通运输、仓储和邮政业": [("物流", "提高{p}准确率", ["集装箱堆场作业", "冷链仓储温控", "保税仓分拣"]),
                    ("港务", "缩短{p}时间", ["散货船装卸作业", "集装箱查验", "滚装船作业"])],
    "信息传输、软件和信息技术服务业": [("信息技术", "研制{p}", ["设备故障预测系统", "质量数据追溯平台", "智能视觉检测系统"])],
    "科学研究和技术服务业": [("检测技术", "研制{p}", ["新型防腐涂料快速检测装置", "焊缝超声自动检测工装", "水质在线监测装置"])],
    "批发和零售业": [("供应链", "降低{p}差错率", ["跨境电商订单", "医药配送拣货", "汽车平行进口报关"])],
    "采矿业": [("石油技术服务", "提高{p}", ["海上平台注水井分注合格率", "油井检泵作业效率"])],
    "水利、环境和公共设施管理业": [("环保科技", "减少{p}", ["涂装车间VOCs排放", "污水处理污泥产量", "危废焚烧飞灰"])],
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
         "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "立新", "春雷", "文博", "思远", "雨桐", "国庆", "红梅", "宏伟"]

def person(): return rng.choice(SURNAMES) + rng.choice(GIVEN)
def mobile(): return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
def landline(): return "022-" + rng.choice("2568") + "".join(rng.choice("0123456789") for _ in range(7))

def phone():
    r = rng.random()
    if r < 0.55: return mobile()
    if r < 0.8: return landline()
    if r < 0.9: return landline() + "转" + str(rng.randint(100, 8999))
    return rng.choice("2568") + "".join(rng.choice("0123456789") for _ in range(7))

companies, used_names = [], set()
while len(companies) < 48:
    industry = rng.choices(INDUSTRIES, weights=[12, 2, 1, 2, 1, 1, 1, 1, 1])[0]
    word, pattern, products = rng.choice(KINDS[industry])
    stem, py = rng.choice(STEMS)
    suffix = rng.choice(["有限公司", "股份有限公司", "有限责任公司"])
    name = f"天津{stem}{word}{suffix}"
    if name in used_names: continue
    used_names.add(name)
    region = "120116" if rng.random() < 0.85 else rng.choice(["120101", "120104", "120110", "120111"])
    companies.append(dict(name=name, code=make_code(region), industry=industry, word=word, pattern=pattern,
                          products=products, domain=f"{py}-tj.com" if rng.random() < 0.5 else f"tj{py}.com.cn"))

declarations = []
for i in range(66):
    rec = RECOMMENDERS[i % len(RECOMMENDERS)] if i < 40 else rng.choice(RECOMMENDERS)
    c = rng.choice(companies)
    for _ in range(20):
        project = c["pattern"].format(p=rng.choice(c["products"]))
        if not any(d["company"]["code"] == c["code"] and d["project"] == project for d in declarations): break
    else: continue
    district = rec[4] if rng.random() < 0.7 else rng.choice(DISTRICTS)
    lead = person()
    declarations.append(dict(rec=rec, company=c, project=project, district=district, lead=lead,
                             phone=phone(), email=rng.choice(["qc", "zhiliang", "jishu", "xiangmu", "quality"]) +
                             str(rng.randint(1, 99)) + "@" + c["domain"]))
# Long names, so the forms and certificates are tried on what real data holds.
declarations[5]["project"] = "基于六西格玛方法降低高强度船用钢板分段焊接变形量及提高一次合格率的质量攻关"
declarations = sorted(declarations, key=lambda d: [r[0] for r in RECOMMENDERS].index(d["rec"][0]))

def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header); w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")

OUT.mkdir(parents=True, exist_ok=True)
rows, serial = [], {}
for d in declarations:
    serial[d["rec"][0]] = serial.get(d["rec"][0], 0) + 1
    received = f"2019-04-{rng.randint(15, 22):02d}"
    rows.append([serial[d["rec"][0]], d["rec"][1], d["company"]["name"], d["company"]["code"], d["company"]["industry"],
                 d["district"], d["project"], d["lead"], d["phone"], d["email"], received])
write_csv(OUT / "declarations.csv", ["序号", "推荐单位", "申报单位名称", "统一社会信用代码", "行业", "所在区", "项目名称",
                                     "项目负责人", "联系方式", "电子邮箱", "收到日期"], rows)

long_project = next(i for i, d in enumerate(declarations) if len(d["project"]) > 30)
planned = sorted(rng.sample(range(len(declarations)), k=round(len(declarations) * 2 / 3)))
if long_project not in planned:  # the longest name is planned and awarded: certificates are tried on it
    planned = sorted(planned[1:] + [long_project])
plan_rows = [[f"BHZLGG-2019-{n + 1:03d}", declarations[i]["company"]["name"], declarations[i]["company"]["code"],
              declarations[i]["project"]] for n, i in enumerate(planned)]
write_csv(OUT / "plan.csv", ["计划编号", "申报单位名称", "统一社会信用代码", "项目名称"], plan_rows)

award_rows = []
results = [i for i in rng.sample(planned, k=25) if i != long_project][:23] + [long_project]
for level, count in [("一等奖", 3), ("二等奖", 5), ("三等奖", 7), ("优秀奖", 9)]:
    for _ in range(count):
        d = declarations[results.pop()]
        award_rows.append(["项目成果", level, d["company"]["code"], d["project"], "", d["company"]["name"], ""])
groups = rng.sample(planned, k=12)
for level, count in [("一等奖", 2), ("二等奖", 3), ("三等奖", 3), ("优秀奖", 4)]:
    for _ in range(count):
        d = declarations[groups.pop()]
        short = d["company"]["name"].removeprefix("天津")[:4]
        name = f"{short}质量攻关QC小组" if level != "一等奖" else f"{short}“降缺陷、提效率、保交付”质量攻关QC小组"
        award_rows.append(["小组", level, d["company"]["code"], d["project"], name, d["company"]["name"], ""])
for rec in rng.sample(RECOMMENDERS, k=4):
    award_rows.append(["优秀推荐单位", "", "", "", "", "", rec[1]])
write_csv(OUT / "awards.csv", ["类别", "等级", "统一社会信用代码", "项目名称", "小组名称", "所在单位", "推荐单位"], award_rows)

def yaml_list(items, indent="  "): return "\n".join(f"{indent}- {x}" for x in items)
recs = []
for rid, name, short, kind, _ in RECOMMENDERS:
    recs.append(f"""  - id: {rid}
    name: {name}
    short_name: {short}
    kind: {kind}
    head: {person()}
    preparer: {person()}
    phone: "{landline() if rng.random() < 0.6 else mobile()}"
    date: 2019-04-{rng.randint(16, 22):02d}""")
(OUT / "campaign.yaml").write_text(f"""# 2019年滨海新区质量攻关活动: the bundled sample campaign (fictional data).
# Regenerate with Scripts/make-sample-campaign.py. Dates are written 2019-04-22; 文号 serials have no padding.
title: 2019年滨海新区质量攻关活动
year: 2019
area: 滨海新区
organizer:
  name: 滨海新区质量工作领导小组办公室
  short_name: 区质量工作领导小组办公室
  host: 区市场监管局
co_organizer: 天津市滨海新区质量协会
document_number_prefix: 津滨质量组办
contact:
  email: scjzjc@tjbh.gov.cn
  phone: "65306324"
declaration_deadline: 2019-04-22
# 成文日期 of each document the office issues (a notice of Templates/notices/ is made once it has both a date and a 文号).
issue_dates:
  call: 2019-04-08
  plan_notice: 2019-04-30
  training: 2019-05-13
  results: 2019-08-05
  judging: 2019-09-02
  commendation: 2019-09-20
  recommendation: 2019-10-15
# 发文字号 serials: 津滨质量组办〔2019〕N号. Never reuse one within the campaign.
document_numbers:
  call: 3
  plan_notice: 5
  training: 6
  results: 9
  judging: 10
  commendation: 12
  recommendation: 14
signatory: 滨海新区质量工作领导小组办公室
award_levels:
{yaml_list(["一等奖", "二等奖", "三等奖", "优秀奖"])}
# The year's two decisions. 计划编号 (gongwen plan import): {{year}}, and {{n:3}} the project's number in the plan,
# padded to three digits; a number once given is kept and never given again.
plan_number: "BHZLGG-{{year}}-{{n:3}}"
# 评委 (gongwen judging forms: one scoring workbook each; the rules are Templates/judging/scoring.yaml).
judges:
  - 张明远
  - 李慧敏
  - 王建国
  - 赵立新
  - 陈思远
# Shares of the ranked projects each level may have (gongwen judging import proposes levels by them), and how
# many 优秀推荐单位 to propose.
award_quotas:
  一等奖: 10%
  二等奖: 20%
  三等奖: 30%
recommender_awards: 3
# Earlier years' campaign folders to check originality against (方案: 不得与历年项目雷同), e.g.
# history: [../binhai-2018]. gongwen init writes it for the next year.
# 行业: GB/T 4754-2017 sections.
industries:
{yaml_list(['"' + x + '"' for x in INDUSTRIES])}
districts:
{yaml_list(DISTRICTS)}
recommenders:
{chr(10).join(recs)}
files:
  declarations: declarations.csv
  plan: plan.csv
  awards: awards.csv
""", encoding="utf-8")
print(f"{len(declarations)} declarations, {len(plan_rows)} planned, {len(award_rows)} awards -> {OUT}")
