#!/usr/bin/env python3
"""Nothing lost, tried as the machine tries it: kill -9 at random moments, and two runs at once.

    python3 Scripts/ci/nothing-lost.py GONGWEN_BINARY WORK_DIR [--kills 30] [--pairs 20] [--seed 1]

1. Builds killed: an output folder holds a good build; 30 times a build of another campaign into it is
   killed at a random moment. Afterwards the folder must hold a complete build, the old or the new one
   (every file matching manifest.json, nothing else in it).
2. Imports killed: 30 times an import into a campaign is killed at a random moment; declarations.csv must be
   byte for byte the old file or the new one.
3. Two builds into one folder, started together, 20 times: each exits 0 or says that another run holds the
   lock, and the folder ends consistent with its manifest.
4. Two imports into one campaign, started together, 12 times: both recommenders' rows are there afterwards.
5. A --pdf build killed while LibreOffice converts, 5 times (when soffice is installed): no soffice process
   of that build is left running.
6. Plan imports (a marked selection workbook) killed, 15 times: plan.csv and selection.csv are each the old
   file or the new one, and when one is new and the other old, the history holds the change as unfinished
   (`gongwen history` shows it, undoing it restores both).
Prints the counts; exits 1 on any failure.
"""
import hashlib, json, os, random, shutil, signal, subprocess, sys, time
from pathlib import Path

args = sys.argv[1:]
gongwen, work = Path(args[0]).resolve(), Path(args[1]).resolve()
def option(name, default):
    return int(args[args.index(name) + 1]) if name in args else default
kills, pairs, seed = option("--kills", 30), option("--pairs", 20), option("--seed", 1)
rng = random.Random(seed)
root = Path(__file__).resolve().parents[2]
sample, small = root / "Campaigns/binhai-2019", root / "Tests/Fixtures/campaigns/valid-small"
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
failures = []
env = dict(os.environ, GONGWEN_LOCK_WAIT="120")


def run(*argv):
    return subprocess.run([str(gongwen), *map(str, argv)], capture_output=True, text=True, env=env)


def state(folder):
    """'ok:<manifest sha>' when every file matches manifest.json and nothing else is there, else a reason."""
    if not folder.is_dir():
        return "missing"
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return "no manifest"
    listed = {entry["path"]: entry for entry in json.loads(manifest.read_text())["files"]}
    present = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
    present.discard("manifest.json")
    if present != set(listed):
        return f"files differ from manifest: {sorted(present ^ set(listed))[:5]}"
    for path, entry in listed.items():
        data = (folder / path).read_bytes()
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            return f"{path} does not match manifest.json"
    return "ok:" + hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]


def kill_at_random(argv, longest):
    process = subprocess.Popen([str(gongwen), *map(str, argv)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    time.sleep(rng.uniform(0, longest))
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


def timed(argv):
    start = time.monotonic()
    result = run(*argv)
    if result.returncode != 0:
        sys.exit(f"{argv}: {result.stderr}")
    return time.monotonic() - start


# 1. Builds killed at random moments.
output = work / "output"
references = {}
duration = 0.0
for name, campaign in (("sample", sample), ("small", small)):
    duration = max(duration, timed(["build", campaign, "-o", work / f"reference-{name}"]))
    references[state(work / f"reference-{name}")] = name
timed(["build", small, "-o", output])
outcomes = {"old": 0, "new": 0, "finished before the kill": 0}
for trial in range(kills):
    old = state(output)
    campaign = sample if references.get(old) == "small" else small
    if kill_at_random(["build", campaign, "-o", output], duration * 1.5):
        outcomes["finished before the kill"] += 1
    now = state(output)
    if now == old:
        outcomes["old"] += 1
    elif now in references and references[now] != references.get(old):
        outcomes["new"] += 1
    else:
        failures.append(f"build kill {trial}: the output is neither the old nor the new build ({now})")
if run("build", sample, "-o", output).returncode != 0 or state(output) not in references:
    failures.append("the build after the kills did not complete")
leftovers = [p.name for p in work.iterdir() if "staging" in p.name or "previous" in p.name]
if leftovers:
    failures.append(f"leftovers after a complete build: {leftovers}")
print(f"builds killed: {kills}; output afterwards: {outcomes['old']} old, {outcomes['new']} new "
      f"({outcomes['finished before the kill']} finished before the kill); mixtures: "
      f"{sum('build kill' in f for f in failures)}")


# 2. Imports killed at random moments.
def form(recommender, project, path):
    header = "序号,申报单位名称（与公章一致）,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱"
    text = (f"附件 2\r\n推荐单位(公章):{recommender}\r\n{header}\r\n"
            f"1,天津新公司有限公司,91120116MA05K3L296,制造业,经济技术开发区,{project},周明,13900001111,a@b.cn\r\n")
    path.write_bytes(("\ufeff" + text).encode())
    return path

campaign = work / "import-campaign"
shutil.copytree(small, campaign)
forms = [form("KFQ", f"项目{i}", work / f"form-{i}.csv") for i in range(2)]
declarations = campaign / "declarations.csv"
scratch = work / "scratch"
shutil.copytree(small, scratch)
def imported(before, which):
    """declarations.csv after importing forms[which] into `before`, without a kill."""
    (scratch / "declarations.csv").write_bytes(before)
    result = run("import", forms[which], "--campaign", scratch)
    if result.returncode != 0:
        sys.exit(f"import without a kill failed: {result.stderr}")
    return (scratch / "declarations.csv").read_bytes()
start = time.monotonic(); imported(declarations.read_bytes(), 0); import_time = time.monotonic() - start
counts = {"old": 0, "new": 0}
for trial in range(kills):
    before = declarations.read_bytes()
    which = trial % 2
    kill_at_random(["import", forms[which], "--campaign", campaign], import_time * 1.5)
    after = declarations.read_bytes()
    if after == before:
        counts["old"] += 1
    elif after == imported(before, which):
        counts["new"] += 1
    else:
        failures.append(f"import kill {trial}: declarations.csv is neither the old nor the new file")
print(f"imports killed: {kills}; declarations.csv afterwards: {counts['old']} old, {counts['new']} new; "
      f"partial: {sum('import kill' in f for f in failures)}")

# 3. Two builds at once into one folder.
together = {"both succeeded": 0, "one told the lock was held": 0}
for trial in range(pairs):
    folder = work / "together"
    processes = [subprocess.Popen([str(gongwen), "build", str(c), "-o", str(folder)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, env=env) for c in ((sample, sample) if trial % 2 == 0 else (sample, small))]
    results = [(p.wait(), p.stderr.read()) for p in processes]
    for code, error in results:
        if code != 0 and "另一个 gongwen" not in error:
            failures.append(f"builds together {trial}: exit {code}: {error.strip()[-300:]}")
    together["both succeeded" if all(c == 0 for c, _ in results) else "one told the lock was held"] += 1
    if not state(folder).startswith("ok:"):
        failures.append(f"builds together {trial}: {state(folder)}")
print(f"two builds at once, {pairs} times: {together['both succeeded']} both succeeded, "
      f"{together['one told the lock was held']} one told the lock was held; "
      f"inconsistent folders: {sum('builds together' in f for f in failures)}")

# 4. Two imports at once into one campaign.
lost = 0
bsq = form("BSQ", "缩短灭菌周期", work / "bsq.csv")
for trial in range(12):
    shutil.rmtree(campaign); shutil.copytree(small, campaign)
    processes = [subprocess.Popen([str(gongwen), "import", str(f), "--campaign", str(campaign)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                 for f in (forms[0], bsq)]
    codes = [p.wait() for p in processes]
    text = declarations.read_text(encoding="utf-8-sig")
    if codes != [0, 0] or "项目0" not in text or "缩短灭菌周期" not in text:
        lost += 1
        failures.append(f"imports together {trial}: exits {codes}, rows present: "
                        f"{'项目0' in text}, {'缩短灭菌周期' in text}")
print(f"two imports at once, 12 times: {lost} lost an import")

# 5. A --pdf build killed during LibreOffice's conversion leaves no LibreOffice behind.
def processes_of(build_pid):
    """Processes whose command line names this build's private LibreOffice profile."""
    found = subprocess.run(["pgrep", "-f", f"gongwen-pdf-{build_pid}-"], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]

if shutil.which("soffice"):
    orphans, during = 0, 0
    for trial in range(5):
        folder = work / f"pdf-{trial}"
        build = subprocess.Popen([str(gongwen), "build", str(sample), "-o", str(folder), "--pdf",
                                  "--allow-substitute-fonts"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and build.poll() is None and not processes_of(build.pid):
            time.sleep(0.1)
        time.sleep(rng.uniform(0.5, 3))
        during += bool(processes_of(build.pid))
        build.send_signal(signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and processes_of(build.pid):
            time.sleep(0.2)
        left = processes_of(build.pid)
        if left:
            orphans += 1
            failures.append(f"pdf kill {trial}: LibreOffice left running: {left}")
            for pid in left:
                os.kill(pid, signal.SIGKILL)
    print(f"--pdf builds killed: 5 ({during} while LibreOffice ran); LibreOffice left running after {orphans}")
    if during == 0:
        failures.append("pdf kill: no kill landed while LibreOffice ran")
else:
    print("--pdf builds killed: skipped (no soffice)")

# 6. Plan imports killed.
plan_campaign = work / "plan-campaign"
workbook = work / "selection.xlsx"
shutil.copytree(sample, plan_campaign)
result = run("plan", "draft", "--campaign", plan_campaign, "-o", workbook)
if result.returncode != 0:
    sys.exit(f"plan draft failed: {result.stderr}")
try:
    import openpyxl
    book = openpyxl.load_workbook(workbook)
    sheet = book.active
    header = next(r for r in range(1, 10) if "是否列入" in [c.value for c in sheet[r]])
    titles = [c.value for c in sheet[header]]
    marked = 0
    for row in sheet.iter_rows(min_row=header + 1):
        if row[titles.index("项目名称")].value and not row[titles.index("是否列入")].value:
            row[titles.index("是否列入")].value = "列入" if marked % 2 == 0 else "不列入"
            marked += 1
    book.save(workbook)
    files = ("plan.csv", "selection.csv")
    old = {name: (plan_campaign / name).read_bytes() if (plan_campaign / name).exists() else None for name in files}
    scratch_plan = work / "plan-scratch"
    shutil.copytree(plan_campaign, scratch_plan)
    start = time.monotonic()
    if run("plan", "import", workbook, "--campaign", scratch_plan).returncode != 0:
        sys.exit("plan import without a kill failed")
    plan_time = time.monotonic() - start
    new = {name: (scratch_plan / name).read_bytes() for name in files}
    plan_counts = {"old": 0, "new": 0, "unfinished, undone": 0}
    for trial in range(15):
        kill_at_random(["plan", "import", workbook, "--campaign", plan_campaign], plan_time * 1.5)
        now = {name: (plan_campaign / name).read_bytes() if (plan_campaign / name).exists() else None for name in files}
        if now == old:
            plan_counts["old"] += 1
        elif now == new:
            plan_counts["new"] += 1
        elif all(now[n] in (old[n], new[n]) for n in files):
            listing = run("history", "list", "--campaign", plan_campaign).stdout
            if "未完成" not in listing:
                failures.append(f"plan kill {trial}: a half-made change is not shown as unfinished")
            number = listing.split()[0]
            if run("history", "undo", number, "--campaign", plan_campaign).returncode != 0:
                failures.append(f"plan kill {trial}: the unfinished change cannot be undone")
            plan_counts["unfinished, undone"] += 1
        else:
            failures.append(f"plan kill {trial}: plan.csv or selection.csv is neither the old nor the new file")
        # Back to the old data for the next trial (through the history, as the office would).
        while True:
            now = {name: (plan_campaign / name).read_bytes() if (plan_campaign / name).exists() else None
                   for name in files}
            if now == old:
                break
            listing = run("history", "list", "--campaign", plan_campaign).stdout.splitlines()
            undoable = [line.split()[0] for line in listing if line[:1].isdigit() and "已撤销" not in line
                        and " undo" not in line]
            if not undoable or run("history", "undo", undoable[0], "--campaign", plan_campaign).returncode != 0:
                failures.append(f"plan kill {trial}: the data could not be put back through the history")
                break
    print(f"plan imports killed: 15; afterwards {plan_counts}; "
          f"failures: {sum('plan kill' in f for f in failures)}")
except ImportError:
    print("plan imports killed: skipped (no openpyxl)")

for failure in failures:
    print("FAIL", failure)
groups = ("build kill", "import kill", "builds together", "imports together", "pdf kill", "plan kill")
failed = sum(any(f.startswith(group) for f in failures) for group in groups)
print(f"nothing-lost: {len(groups) - failed} passed, {failed} failed")
sys.exit(1 if failures else 0)
