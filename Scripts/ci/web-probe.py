#!/usr/bin/env python3
"""The office's page probed as a hostile website or another program on this machine would probe it (issue 21),
against the real `gongwen-serve`, on loopback only, every loop bounded:

  1. a rebinding Host (evil.example:PORT) gets 421 with no page and no token; 127.0.0.1, localhost, [::1] are served;
  2. every answer carries CSP with frame-ancestors 'none', nosniff, no-referrer;
  3. three concurrent 200 MB token-less uploads are refused before their bodies are read: the server's peak
     memory (VmHWM) stays under 150 MB and each sender is cut off long before its end;
  4. 300 connections holding half a header are all closed within 15 s (the server's idle time is 10 s);
  5. a link kept from one build serves nothing after a rebuild changed its file (404 "已重新生成"), never
     another file; a manifest entry naming a file outside the output is neither listed nor served.

    python3 Scripts/ci/web-probe.py BIN_DIR CAMPAIGN OUT_DIR
"""
import json, re, shutil, socket, subprocess, sys, threading, time, urllib.error, urllib.request
from pathlib import Path

bin_dir, sample, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
campaign = out / "campaign"
shutil.copytree(sample, campaign)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([str(bin_dir / "gongwen-serve"), str(campaign), "--output", str(out / "output"),
                           "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
failures, checks = [], 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL:", message, flush=True)


def raw(request: bytes, limit=1 << 20, timeout=30) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as c:
        c.sendall(request)
        data = b""
        while len(data) < limit:
            try:
                piece = c.recv(65536)
            except socket.timeout:
                break
            if not piece:
                break
            data += piece
        return data


def get(path, host=None):
    host = host or f"127.0.0.1:{port}"
    return raw(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())


def peak_rss_mb():
    status = Path(f"/proc/{server.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


try:
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except Exception:
            time.sleep(0.2)
    page = get("/").decode("utf-8", "replace")
    token = re.search(r"/import\?token=([0-9a-f]+)", page).group(1)

    # 1. Rebinding.
    for host in [f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}"]:
        answer = get("/", host).decode("utf-8", "replace")
        check(answer.startswith("HTTP/1.1 421"), f"Host {host}: {answer[:40]!r}")
        check(token not in answer, f"Host {host}: the token was sent")
        # The decisions' workbooks name projects and judges: a rebinding site gets neither.
        for path in ["/decisions", "/plan/draft", "/judging/form?judge=1"]:
            check(get(path, host).startswith(b"HTTP/1.1 421"), f"Host {host}: {path} was served")
    check(get("/judging/form?judge=../campaign.yaml").startswith(b"HTTP/1.1 404"), "a judge by path was not refused")
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"]:
        check(get("/", host).startswith(b"HTTP/1.1 200"), f"Host {host} is not served")

    # 2. Headers on every answer.
    for path in ["/", "/check", "/nowhere", "/file?path=x&sha256=00000000", "/decisions", "/plan/draft",
                 "/judging/form?judge=1", "/judging/form?judge=../campaign.yaml"]:
        head = get(path).split(b"\r\n\r\n")[0].decode("utf-8", "replace")
        check("frame-ancestors 'none'" in head and "X-Content-Type-Options: nosniff" in head
              and "Referrer-Policy: no-referrer" in head, f"{path}: security headers missing")

    # 3. Token-less uploads, three at once, 200 MB each.
    base_rss = peak_rss_mb()
    sent = [0, 0, 0]

    def upload(index):
        size = 200 << 20
        with socket.create_connection(("127.0.0.1", port), timeout=20) as c:
            c.sendall((f"POST /import HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: multipart/form-data; "
                       f"boundary=x\r\nContent-Length: {size}\r\n\r\n").encode())
            piece = b"\0" * (1 << 20)
            try:
                while sent[index] < size:
                    c.sendall(piece)
                    sent[index] += len(piece)
            except OSError:
                pass
    threads = [threading.Thread(target=upload, args=(i,)) for i in range(3)]
    for t in threads: t.start()
    for t in threads: t.join(60)
    peak = peak_rss_mb()
    print(f"token-less uploads: sent {[s >> 20 for s in sent]} MB of 200 each; server peak {peak:.0f} MB "
          f"(before {base_rss:.0f} MB)", flush=True)
    check(peak < 150, f"server peak memory {peak:.0f} MB under three token-less uploads")
    check(all(s < 100 << 20 for s in sent), f"refused bodies were read: {sent}")

    # 3b. The decisions' changes: refused without the token, or with a forged one, before any body is read;
    # a confirmation never takes another kind's upload or a path.
    for path in ["/plan/import", "/plan/import/confirm?upload=" + "0" * 32, "/judging/import",
                 "/judging/import/confirm?upload=../../campaign.yaml", "/judging/adopt"]:
        for query in ["", ("&" if "?" in path else "?") + "token=forged"]:
            answer = raw((f"POST {path}{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: multipart/form-data; "
                          f"boundary=x\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n").encode(), timeout=5)
            check(answer.startswith(b"HTTP/1.1 403"), f"POST {path}{query}: {answer[:30]!r}")
    answer = raw((f"POST /judging/import/confirm?token={token}&upload=../../campaign.yaml HTTP/1.1\r\n"
                  f"Host: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").encode(), timeout=5)
    check(answer.startswith(b"HTTP/1.1 410"), f"a path as an upload id: {answer[:30]!r}")

    # 4. Half-open connections.
    started = time.time()
    held = []
    for _ in range(300):
        c = socket.create_connection(("127.0.0.1", port), timeout=20)
        c.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        held.append(c)
    closed = 0
    for c in held:
        try:
            c.settimeout(max(0.1, 15 - (time.time() - started)))
            if c.recv(1) == b"":
                closed += 1
        except (socket.timeout, OSError) as e:
            if not isinstance(e, socket.timeout):
                closed += 1
        c.close()
    print(f"half-open connections: {closed} of 300 closed within {time.time() - started:.1f} s", flush=True)
    check(closed == 300, f"only {closed} of 300 half-open connections closed within 15 s")

    # 5. Stale links and a forged manifest.
    def build():
        req = urllib.request.Request(f"http://127.0.0.1:{port}/build?token={token}", method="POST", data=b"")
        urllib.request.urlopen(req, timeout=30)
        for _ in range(600):
            page = get("/build/progress").decode("utf-8", "replace")
            if "已生成" in page or "失败" in page:
                return page
            time.sleep(0.5)
        return ""
    page = build()
    check("已生成" in page, "first build")
    link = re.search(r'href="(/file\?sha256=[0-9a-f]+&amp;path=[^"]+)" class="file" data-path="计划通知/[^"]*通知\.docx"', page)
    check(link is not None, "no plan notice link")
    old = link.group(1).replace("&amp;", "&")
    first = get(old)
    check(first.startswith(b"HTTP/1.1 200"), "the plan notice link does not serve")
    yaml = (campaign / "campaign.yaml").read_text(encoding="utf-8")
    # The plan notice re-dated: rebuilt with other bytes under the same path.
    (campaign / "campaign.yaml").write_text(yaml.replace("plan_notice: 2019-04-30", "plan_notice: 2019-05-06", 1), encoding="utf-8")
    check("已生成" in build(), "rebuild")
    stale = get(old)
    check(stale.startswith(b"HTTP/1.1 404") and "已重新生成".encode() in stale and b"PK\x03\x04" not in stale,
          f"a stale link answered {stale[:30]!r}")
    manifest_path = out / "output" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"].insert(0, {"path": "../../../../etc/hostname", "size": 1, "sha256": "0" * 64, "kind": "x"})
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    listed = get("/build").decode("utf-8", "replace")
    check("etc/hostname" not in listed, "a forged manifest entry is listed")
    forged = get("/file?sha256=" + "0" * 16 + "&path=..%2F..%2F..%2F..%2Fetc%2Fhostname")
    check(forged.startswith(b"HTTP/1.1 403"), f"a forged manifest entry answered {forged[:30]!r}")
finally:
    server.terminate()
    server.wait(10)

print(f"web probes: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
