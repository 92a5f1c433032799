#!/usr/bin/env python3
"""The office's web page in a real browser (headless Chromium driven by Selenium): start `gongwen-serve` on a
copy of the sample campaign with one more recommender, open the overview, upload a blank form filled in with
openpyxl (made by `gongwen blank-form`), check the preview (nothing written yet) and confirm it; send back one
corrected row and see the other row kept; undo that correction from the history page; build, download the
plan notice through the page and check its SHA-256 against manifest.json; the page at 390 px wide has no
sideways scroll; axe-core finds no critical or serious problem. Screenshots of each page go to OUT_DIR.

    python3 Scripts/ci/web-browser-test.py BIN_DIR CAMPAIGN OUT_DIR   (BIN_DIR holds gongwen and gongwen-serve)
"""
import hashlib, json, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import openpyxl
from selenium import webdriver
from selenium.webdriver.common.by import By

bin_dir, sample, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
gongwen, serve = str(bin_dir / "gongwen"), str(bin_dir / "gongwen-serve")
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
campaign = out / "campaign"
shutil.copytree(sample, campaign)
yaml = (campaign / "campaign.yaml").read_text(encoding="utf-8")
yaml = yaml.replace("recommenders:\n", "recommenders:\n  - id: WEB\n    name: 滨海新区网页测试推荐单位\n    kind: 测试\n", 1)
(campaign / "campaign.yaml").write_text(yaml, encoding="utf-8")

subprocess.run([gongwen, "blank-form", str(campaign), "-o", str(out / "blank.xlsx")], check=True, capture_output=True)
wb = openpyxl.load_workbook(out / "blank.xlsx")
ws = wb.worksheets[0]
ws["A3"] = "推荐单位(公章):滨海新区网页测试推荐单位"
rows = [
    [1, "天津网页测试甲有限公司", "91120116MA05K3L296", "制造业", "保税区", "降低网页测试甲返工率", "李四", "13812345678", "a@web-test.cn"],
    [2, "天津网页测试乙有限公司", "91120101MA0F88QNXG", "建筑业", "高新区", "提高网页测试乙合格率", "王五", "022-66201234", "b@web-test.cn"],
]
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        ws.cell(row=5 + r, column=c + 1, value=value)
wb.save(out / "filled.xlsx")
# The recommender sends back only its corrected second row (a new phone number).
wb = openpyxl.load_workbook(out / "blank.xlsx")
ws = wb.worksheets[0]
ws["A3"] = "推荐单位(公章):滨海新区网页测试推荐单位"
for c, value in enumerate([1, *rows[1][1:7], "022-66209999", rows[1][8]]):
    ws.cell(row=5, column=c + 1, value=value)
wb.save(out / "corrected.xlsx")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([serve, str(campaign), "--output", str(out / "output"), "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
failures, checks = [], 0

def wait_for(browser, condition, seconds=30):
    """Waits until `condition(browser)` holds (a click's page has loaded), at most `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition(browser): return True
        except Exception:
            pass
        time.sleep(0.1)
    return False

def heading_contains(text):
    return lambda b: text in b.find_element(By.ID, "heading").text
def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

try:
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except Exception:
            time.sleep(0.2)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1600"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    browser = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")), options=options)
    try:
        browser.get(base + "/")
        check("2019年滨海新区质量攻关活动" in browser.find_element(By.TAG_NAME, "h1").text, "overview: no campaign title")
        check("滨海新区网页测试推荐单位" in browser.page_source, "overview: the new recommender is not listed")
        browser.save_screenshot(str(out / "1-overview.png"))

        before = (campaign / "declarations.csv").read_bytes()
        browser.find_element(By.ID, "files").send_keys(str(out / "filled.xlsx"))
        browser.find_element(By.ID, "import").click()
        wait_for(browser, lambda b: b.find_elements(By.ID, "preview"))
        preview = browser.find_element(By.ID, "preview").text
        check("新增：降低网页测试甲返工率" in preview and "新增：提高网页测试乙合格率" in preview, f"preview: {preview!r}")
        check((campaign / "declarations.csv").read_bytes() == before, "preview: declarations.csv changed before confirming")
        browser.save_screenshot(str(out / "2-import-preview.png"))
        browser.find_element(By.ID, "confirm").click()
        wait_for(browser, heading_contains("已导入"))
        heading = browser.find_element(By.ID, "heading").text
        check("已导入" in heading, f"import: {heading!r}")
        browser.save_screenshot(str(out / "2a-import-report.png"))

        # One corrected row back: the other row stays; the change is shown field by field.
        browser.get(base + "/")
        browser.find_element(By.ID, "files").send_keys(str(out / "corrected.xlsx"))
        browser.find_element(By.ID, "import").click()
        wait_for(browser, lambda b: b.find_elements(By.ID, "preview"))
        preview = browser.find_element(By.ID, "preview").text
        check("联系方式“022-66201234”改为“022-66209999”" in preview, f"correction preview: {preview!r}")
        check("保留：降低网页测试甲返工率" in preview, f"correction preview keeps the other row: {preview!r}")
        browser.save_screenshot(str(out / "2b-correction-preview.png"))
        browser.find_element(By.ID, "confirm").click()
        wait_for(browser, heading_contains("已导入"))
        declarations = (campaign / "declarations.csv").read_text(encoding="utf-8-sig")
        check("022-66209999" in declarations and "降低网页测试甲返工率" in declarations, "correction: rows after it")
        # Undone from the history page: the file as it was before the correction.
        browser.get(base + "/history")
        browser.save_screenshot(str(out / "2c-history.png"))
        browser.find_elements(By.CSS_SELECTOR, "#history button")[0].click()
        wait_for(browser, heading_contains("已撤销"))
        declarations = (campaign / "declarations.csv").read_text(encoding="utf-8-sig")
        check("022-66201234" in declarations and "022-66209999" not in declarations, "undo: the correction stays")

        # A phone's width and 200 % zoom: no sideways scroll of the page itself.
        for width, name in ((390, "5-phone-390.png"), (640, "5-zoom-200.png")):
            browser.set_window_size(width, 1600)
            browser.get(base + "/")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            check(overflow <= 1, f"{width} px: the page scrolls sideways by {overflow} px")
            browser.save_screenshot(str(out / name))
        browser.set_window_size(1280, 1600)
        browser.get(base + "/")
        browser.save_screenshot(str(out / "5-desktop-1280.png"))
        # axe-core on every kind of page: no critical or serious finding.
        for path in ["/", "/history", "/settings", "/recommender?id=KFQ", "/check", "/decisions"]:
            browser.get(base + path)
            try:
                from axe_selenium_python import Axe
                axe = Axe(browser)
                axe.inject()
                results = axe.run()
                bad = [v for v in results["violations"] if v.get("impact") in ("critical", "serious")]
                for v in results["violations"]:
                    print(f"axe {path}: {v.get('impact')}: {v['id']}: {v['help']} ({len(v['nodes'])})")
                check(not bad, f"axe-core on {path}: {[v['id'] for v in bad]}")
            except ImportError:
                check(False, "axe-selenium-python is not installed")

        browser.get(base + "/")
        browser.find_element(By.ID, "build").click()
        # The progress page reloads itself each second until the build ends.
        heading = ""
        for _ in range(240):
            try:
                heading = browser.find_element(By.ID, "heading").text
            except Exception:
                heading = ""
            if "已生成" in heading or "失败" in heading: break
            if "正在生成" in heading and not (out / "2b-progress.png").exists():
                browser.save_screenshot(str(out / "2b-progress.png"))
            time.sleep(0.5)
        check("已生成" in heading, f"build: {heading!r}")
        browser.save_screenshot(str(out / "3-built.png"))

        for summary in browser.find_elements(By.CSS_SELECTOR, "#built-files summary"):
            summary.click()
        links = [a for a in browser.find_elements(By.CSS_SELECTOR, "a.file") if (a.get_attribute("data-path") or "").startswith("计划通知/") and a.text.endswith("通知.docx")]
        check(len(links) == 1, f"build: {len(links)} plan-notice links")
        href, path = links[0].get_attribute("href"), links[0].get_attribute("data-path")
        data = urllib.request.urlopen(href).read()
        manifest = json.loads((out / "output/manifest.json").read_text(encoding="utf-8"))
        entry = next(e for e in manifest["files"] if e["path"] == path)
        check(hashlib.sha256(data).hexdigest() == entry["sha256"], "download: SHA-256 differs from manifest.json")
        declarations = (campaign / "declarations.csv").read_text(encoding="utf-8-sig")
        check("天津网页测试乙有限公司" in declarations, "import: the rows are not in declarations.csv")
        browser.get(base + "/check")
        browser.save_screenshot(str(out / "4-check.png"))
    finally:
        browser.quit()
finally:
    server.terminate()
    server.wait(10)

# A new year started by `gongwen init`, completed on the settings page alone, then built from the page.
new_year = out / "2020"
subprocess.run([gongwen, "init", str(new_year), "--year", "2020", "--from", str(sample)], check=True, capture_output=True)
original_yaml = (new_year / "campaign.yaml").read_text(encoding="utf-8")
server = subprocess.Popen([serve, str(new_year), "--output", str(out / "output-2020"), "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except Exception:
            time.sleep(0.2)
    browser = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")), options=options)
    try:
        browser.get(base + "/")
        check("活动数据无法读取" in browser.page_source, "new year: the overview should say the campaign cannot be read yet")
        browser.get(base + "/settings")
        browser.find_element(By.ID, "deadline").send_keys("2020-04-22")
        browser.find_element(By.NAME, "date.call").send_keys("2020-04-08")
        browser.find_element(By.NAME, "serial.call").send_keys("1")
        browser.save_screenshot(str(out / "6-settings.png"))
        browser.find_element(By.ID, "save-settings").click()
        wait_for(browser, heading_contains("已保存"))
        check("已保存" in browser.find_element(By.ID, "heading").text, "settings: not saved")
        yaml = (new_year / "campaign.yaml").read_text(encoding="utf-8")
        kept = [line for line in original_yaml.splitlines() if line.startswith("#") and "待填写" not in line]
        check(all(line in yaml for line in kept), "settings: campaign.yaml lost its comments")
        browser.get(base + "/")
        check("活动数据无法读取" not in browser.page_source, "settings: the campaign still cannot be read")
        browser.find_element(By.ID, "build").click()
        wait_for(browser, lambda b: "已生成" in b.find_element(By.ID, "heading").text or "失败" in b.find_element(By.ID, "heading").text, 120)
        check("已生成" in browser.find_element(By.ID, "heading").text, "new year: the build from the page failed")
        browser.save_screenshot(str(out / "7-new-year-built.png"))
    finally:
        browser.quit()
finally:
    server.terminate()
    server.wait(10)

for failure in failures: print("FAIL:", failure)
print(f"web page in a browser: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
