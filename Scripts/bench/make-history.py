#!/usr/bin/env python3
"""Earlier years for the originality benchmark: YEARS copies of a generated campaign, each with its own
project names, and this year's names rewritten the same way, so that the check meets names as varied as real
ones (gen_campaign.py's names differ only in their 课题 number, which the check would never compare).

  make-history.py CAMPAIGN YEARS

Rewrites CAMPAIGN's declarations.csv and plan.csv/awards.csv names in place, writes CAMPAIGN/../history-YYYY
for the YEARS years before, and appends `history:` to CAMPAIGN/campaign.yaml. A name is a verb, a product of
two to four characters drawn from 400 common ones, a process and a measure; 1 in 200 of this year's projects
is an earlier project renamed (关于…的…项目, a year added) — the finds the check should make. Deterministic.
"""
import csv, os, random, re, shutil, sys

campaign, years = sys.argv[1], int(sys.argv[2])
rng = random.Random(2019)
POOL = ("钢板焊缝轴承齿轮泵阀管道电缆模具叶片轮毂机床电机曲轴壳体涂层铸件锻件线束端子芯片电容电阻晶圆玻璃陶瓷塑料橡胶纸箱薄膜纤维布料"
        "混凝土桩基梁柱隧道桥梁路面管廊屋面幕墙门窗电梯锅炉汽轮机变压器开关柜储罐塔器换热器压缩机风机泵站滤池污泥药剂催化剂树脂涂料"
        "面粉饮料乳品肉制品罐头酱油啤酒药片胶囊注射液输液器导管支架试剂仪表传感器芯片服务器软件网络基站光缆终端票据订单仓储码头集装箱"
        "船体分段舾装主机锚链吊装叉车货架托盘冷库车辆轮胎刹车座椅仪表盘灯具线缆电池电芯极片隔膜电解液正极负极外壳端盖密封圈紧固件弹簧")
CHARS = list(dict.fromkeys(POOL))
VERBS = ["提高", "降低", "缩短", "减少", "提升", "优化", "研制", "改进"]
PROCESS = ["加工", "装配", "焊接", "检测", "包装", "调试", "涂装", "注塑", "冲压", "热处理", "配送", "安装", "维修", "清洗", "分拣"]
MEASURE = ["一次合格率", "返工率", "不良率", "周期", "能耗", "故障率", "损耗", "投诉率", "交付准时率", "尺寸超差率", "报废率", "停机时间"]


def name():
    product = "".join(rng.choice(CHARS) for _ in range(rng.randint(2, 4)))
    return f"{rng.choice(VERBS)}{product}{rng.choice(PROCESS)}{rng.choice(MEASURE)}"


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


header, rows = read(os.path.join(campaign, "declarations.csv"))
column = header.index("项目名称")
parent = os.path.dirname(os.path.abspath(campaign))
earlier_names = []
folders = []
for back in range(years, 0, -1):
    year = 2019 - back
    folder = os.path.join(parent, f"history-{year}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    yaml = open(os.path.join(campaign, "campaign.yaml"), encoding="utf-8").read()
    yaml = re.sub(r"(?m)^year: \d+", f"year: {year}", yaml).replace("2019", str(year))
    yaml = re.sub(r"(?m)^  (plan|awards): .*\n", "", yaml)
    yaml = re.sub(r"(?m)^history:.*\n", "", yaml)
    open(os.path.join(folder, "campaign.yaml"), "w", encoding="utf-8").write(yaml)
    names = [name() for _ in rows]
    earlier_names += names
    write(os.path.join(folder, "declarations.csv"), header,
          [row[:column] + [names[i]] + row[column + 1:] for i, row in enumerate(rows)])
    folders.append(os.path.relpath(folder, os.path.abspath(campaign)))

renamed = {}
for row in rows:
    old = row[column]
    if rng.randrange(200) == 0:
        row[column] = f"关于{rng.choice(earlier_names)}的项目"
    else:
        row[column] = name()
    renamed[old] = row[column]
write(os.path.join(campaign, "declarations.csv"), header, rows)
for table in ["plan.csv", "awards.csv"]:
    path = os.path.join(campaign, table)
    if not os.path.exists(path):
        continue
    h, rs = read(path)
    c = h.index("项目名称")
    for r in rs:
        r[c] = renamed.get(r[c], r[c])
    write(path, h, rs)
with open(os.path.join(campaign, "campaign.yaml"), "a", encoding="utf-8") as handle:
    handle.write("history:\n" + "".join(f"  - {f}\n" for f in folders))
print(f"{len(rows)} declarations; {years} earlier years of {len(rows)} each")
