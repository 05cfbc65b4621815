#!/usr/bin/env python3
# Copied from the project's fetch benchmark anchor (bench/fetch/ of the benchmark material threading4j
# was measured against), unchanged except for the `threading4j` rows (THREADING4J, make_tools) that run
# this repository's ./threading4j launcher.
"""The fetch benchmark's driver (run.sh starts it): starts the delay server on loopback, writes
the URL lists, runs every tool on every workload REPS times (tools interleaved, their order
rotated each repetition), checks what each one got, and prints one table.

    python3 fetchbench.py --java JAVA --classes DIR [--quick] [--reps N] [--deadline S]
                          [--only TOOL,TOOL] [--workloads W,W] [--md]

Every tool runs as a separate process, as a user would run it; its wall time is the process's
(start-up included), its CPU time and peak RSS come from wait4(). The delay server counts what it
saw (requests, connections opened, peak requests in flight, most requests that arrived within any
one second), reset before each run. Raw results: results/latest.jsonl; the table is also written to
results/latest.txt (and results/latest.md with --md).
"""
import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# the repository's launcher: builds the jar if needed, runs it on a JDK 21+ (with its AOT cache on 25+)
THREADING4J = os.path.join(HERE, "..", "..", "threading4j")
CURL_W = "%{http_code} %{size_download} %{exitcode} %{url}\\n"


# ---------------------------------------------------------------------------------------------
# tools: how each is run, and how its output is read
# ---------------------------------------------------------------------------------------------

def have(cmd):
    return shutil.which(cmd) is not None


def py_has(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


class Tool:
    """name: short label; about: what it is; seq: runs one URL at a time; rate: how it caps the
    request rate (None: it has no way to); needs: why it is absent, or None when it can run;
    slices: {workload: (full, quick)} the first K URLs only, for tools that pay a process per URL
    or are slow enough that the whole list would not fit the time (their req/s still compares);
    quick: whether it runs in --quick mode; once: whether it runs in the first repetition only;
    extra: whether it runs only when --only names it."""

    def __init__(self, name, about, build, parse, seq=False, rate=None, needs=None, workloads=None,
                 slices=None, quick=True, once=False, extra=False):
        self.name, self.about, self.build, self.parse = name, about, build, parse
        self.seq, self.rate, self.needs, self.workloads = seq, rate, needs, workloads
        self.slices, self.quick, self.once = slices or {}, quick, once or seq or bool(rate)
        self.extra = extra  # runs only when named in --only


def parse_result_line(out, err, fail_marker):
    """Our programs' RESULT line; failures reported = lines carrying fail_marker."""
    m = re.search(r"^RESULT ok=(\d+) failed=(\d+) bytes=(\d+) seconds=([\d.]+)", out, re.M)
    if not m:
        return None
    reported = sum(1 for line in (out + err).splitlines() if fail_marker in line)
    starts = re.search(r"^RESULT .* peak_1s_starts=(\d+)", out, re.M)
    return {"ok": int(m[1]), "failed": int(m[2]), "bytes": int(m[3]), "reported": reported, "inner": float(m[4]),
            "peak_1s_starts": int(starts[1]) if starts else None}


def parse_threading4j(out, err, _files):
    """threading4j fetch: JSON lines on stdout, one per URL (failures carry a non-null "error"), then the
    RESULT line that --result-line adds."""
    got = parse_result_line(out, err, "\u0000")
    if got is None:
        return None
    got["reported"] = sum(1 for line in out.splitlines() if line.startswith("{") and '"error":null' not in line)
    return got


def parse_curl(out, err, _files):
    ok = failed = nbytes = 0
    for line in out.splitlines():
        p = line.split(" ", 3)
        if len(p) < 3 or not p[0].isdigit():
            continue
        code, size, exitcode = int(p[0]), int(p[1]), int(p[2])
        if exitcode == 0 and 200 <= code < 300:
            ok += 1
            nbytes += size
        else:
            failed += 1
    # what curl itself says about a failure: "curl: (N) ..." on stderr, one per failed transfer
    # (not anchored: in --parallel mode the message can follow the progress meter on its line)
    reported = len(re.findall(r"curl: \(\d+\)", err))
    return {"ok": ok, "failed": failed, "bytes": nbytes, "reported": reported}


def parse_wget(out_bytes, err):
    ok = len(re.findall(r"^\S+ \S+ URL:", err, re.M))
    reported = sum(1 for line in err.splitlines() if re.search(r"ERROR \d{3}|failed:|Read error|timed out", line))
    return {"ok": ok, "failed": None, "bytes": out_bytes, "reported": reported}


def files_in(d):
    n = size = 0
    for root, _, names in os.walk(d):
        for x in names:
            if x.endswith(".aria2"):
                continue
            n += 1
            size += os.path.getsize(os.path.join(root, x))
    return n, size


def parse_aria2(out, err, files):
    n, size = files_in(files)
    res = re.findall(r"^\w+\|(OK|ERR|INPR|RM) *\|", out + err, re.M)
    return {"ok": res.count("OK"), "failed": len(res) - res.count("OK"), "bytes": size, "files": n,
            "reported": len(res) - res.count("OK")}


def parse_wget2(out, err, files):
    n, size = files_in(files)
    reported = sum(1 for line in (out + err).splitlines()
                   if re.search(r"HTTP ERROR response|Failed to|[Tt]imed? ?out|Connection refused", line))
    return {"ok": n, "failed": None, "bytes": size, "files": n, "reported": reported}


def make_tools(java, classes):
    py = sys.executable
    tut = os.path.join(HERE, "python", "tutorial_fetch.py")
    aio = os.path.join(HERE, "python", "aiohttp_fetch.py")

    def tutorial(lib, seq=False, semaphore=False):
        def build(w, L, R, D):
            c = 1 if seq else w["concurrency"]
            argv = [py, tut, L, str(c), "--lib", lib, "--timeout", str(w["timeout_s"])]
            if semaphore:  # the seeds' APIClient(max_concurrent=10, rate_limit=R): Semaphore(R)
                argv += ["--semaphore", str(int(w["rate"]))]
            return argv, None
        return build

    def p_ours(marker):
        return lambda out, err, files: parse_result_line(out, err, marker)

    def curl_parallel(rate=False):
        def build(w, L, R, D):
            argv = ["curl", "--parallel", "--parallel-max", str(w["concurrency"]), "-sS", "--fail",
                    "--max-time", str(w["timeout_s"]), "-K", R, "-w", CURL_W.replace("\\n", "\n")]
            if rate:
                argv[1:1] = ["--rate", f"{int(w['rate'])}/s"]
            return argv, None
        return build

    def curl_seq_rate(w, L, R, D):
        return ["curl", "--rate", f"{int(w['rate'])}/s", "-sS", "--fail", "--max-time", str(w["timeout_s"]),
                "-K", R, "-w", CURL_W.replace("\\n", "\n")], None

    def xargs_curl(w, L, R, D):
        return ["xargs", "-P", str(w["concurrency"]), "-n", "1", "curl", "-sS", "--fail", "-o", "/dev/null",
                "--max-time", str(w["timeout_s"]), "-w", CURL_W.replace("\\n", "\n")], L

    def wget_seq(rate=False):
        def build(w, L, R, D):
            argv = ["wget", "-nv", "-O", "-", "--tries=1", f"--timeout={w['timeout_s']:g}", "-i", L]
            if rate:  # the closest wget has: a pause between requests, not a rate
                argv.insert(1, f"--wait={1 / w['rate']:g}")
            return argv, None
        return build

    def aria2(w, L, R, D):
        t = str(int(math.ceil(w["timeout_s"])))
        return ["aria2c", "-i", L, "-j", str(w["concurrency"]), "-d", D, f"--timeout={t}",
                f"--connect-timeout={t}", "--max-tries=1", "--allow-overwrite=true", "--auto-file-renaming=false",
                "--file-allocation=none", "--console-log-level=error", "--summary-interval=0",
                "--download-result=full", "--show-console-readout=false",
                f"--max-download-result={w['n'] + 10}"], None

    def wget2(w, L, R, D):
        return ["wget2", f"--max-threads={w['concurrency']}", "-i", L, "-P", D, "--tries=1",
                f"--timeout={w['timeout_s']:g}", "--progress=none"], None

    jvm_flags = os.environ.get("JDK_FLAGS", "").split()

    def jdk(rate=False, main="JdkFetch"):
        def build(w, L, R, D):
            argv = [java, *jvm_flags, "-cp", classes, main, L, str(w["concurrency"]), "--timeout-s", str(w["timeout_s"])]
            if rate:
                argv += ["--rate", str(w["rate"])]
            return argv, None
        return build

    def threading4j(rate=False):
        def build(w, L, R, D):
            argv = [THREADING4J, "fetch", "-i", L, "--max-in-flight", str(w["concurrency"]),
                    "--timeout", f"{w['timeout_s']:g}", "--result-line"]
            if rate:
                argv += ["--rate", f"{w['rate']:g}"]
            return argv, None
        return build

    no_aiohttp = None if py_has("aiohttp") else "aiohttp (pip install aiohttp)"
    no_requests = None if py_has("requests") else "requests (pip install requests)"
    mains = ("tutorial", "latency_1k", "latency_10k", "throughput", "errors")
    tools = [
        Tool("py-seq-urllib", "the tutorials' sequential 'before': a for loop over urlopen (seed 000's fetch_url)",
             tutorial("urllib", seq=True), p_ours(": Error - "), seq=True, workloads=("tutorial",)),
        Tool("py-seq-requests", "the same loop over requests.get (seed 003's fetch)",
             tutorial("requests", seq=True), p_ours(": Error - "), seq=True, needs=no_requests, workloads=("tutorial",),
             quick=False, extra=True),
        Tool("wget-seq", "wget -i LIST: one process, one URL at a time, keep-alive",
             wget_seq(), None, seq=True, needs=None if have("wget") else "wget",
             workloads=("tutorial", "errors"), quick=False),
        Tool("py-pool-urllib", "ThreadPoolExecutor(N) + urlopen + as_completed (seed 000)",
             tutorial("urllib"), p_ours(": Error - "), workloads=mains, slices={"latency_10k": (5000, 0)}),
        Tool("py-pool-requests", "ThreadPoolExecutor(N) + requests.get, no Session (seed 003)",
             tutorial("requests"), p_ours(": Error - "), needs=no_requests, workloads=mains,
             slices={"latency_10k": (2000, 0), "throughput": (2000, 300)}),
        Tool("py-aiohttp", "asyncio + aiohttp, one session, Semaphore(N) (a careful user's script)",
             lambda w, L, R, D: ([py, aio, L, str(w["concurrency"]), "--timeout", str(w["timeout_s"])], None),
             p_ours("FAIL "), needs=no_aiohttp, workloads=mains),
        Tool("curl-parallel", "curl --parallel --parallel-max N -K LIST.curlrc (one process)",
             curl_parallel(), parse_curl, needs=None if have("curl") else "curl", workloads=mains),
        Tool("xargs-curl", "xargs -P N -n 1 curl (a process per URL)",
             xargs_curl, parse_curl, needs=None if have("curl") else "curl", workloads=mains,
             slices={"latency_1k": (300, 100), "latency_10k": (300, 0), "throughput": (300, 100)}),
        Tool("aria2c", "aria2c -i LIST -j N (writes files)",
             aria2, parse_aria2, needs=None if have("aria2c") else "aria2c (apt-get install aria2)", workloads=mains,
             slices={"latency_10k": (2000, 0), "throughput": (2000, 300)}),
        Tool("wget2", "wget2 --max-threads=N -i LIST (writes files)",
             wget2, parse_wget2, needs=None if have("wget2") else "wget2 (apt-get install wget2)", workloads=mains,
             slices={"latency_10k": (5000, 0)}),
        Tool("jdk-floor", "JdkFetch: HttpClient + a virtual thread per URL + Semaphore(N) (the JDK floor)",
             jdk(), p_ours("FAIL "), workloads=mains),
        Tool("jdk-sockets", "SocketFetch: blocking java.net.Socket on virtual threads, a minimal HTTP/1.1 client "
                            "(the JVM's floor without java.net.http)",
             jdk(main="SocketFetch"), p_ours("FAIL "), workloads=mains),
        Tool("threading4j", "./threading4j fetch -i LIST --max-in-flight N (virtual threads, Apache HttpCore 5,"
                            " JSON lines on stdout)",
             threading4j(), parse_threading4j, workloads=mains),
        # the rate workload: the tools' own ways to cap the request rate
        Tool("threading4j --rate", "./threading4j fetch --rate 20 --max-in-flight N (token bucket, burst 1)",
             threading4j(rate=True), parse_threading4j, rate="--rate", workloads=("rate",)),
        Tool("curl-parallel --rate", "curl --rate 20/s --parallel --parallel-max N",
             curl_parallel(rate=True), parse_curl, rate="--rate", needs=None if have("curl") else "curl",
             workloads=("rate",)),
        Tool("curl --rate", "curl --rate 20/s, one transfer at a time",
             curl_seq_rate, parse_curl, rate="--rate", needs=None if have("curl") else "curl", workloads=("rate",)),
        Tool("wget --wait", "wget --wait=1/R -i LIST: a pause between requests (sequential)",
             wget_seq(rate=True), None, rate="--wait", seq=True, needs=None if have("wget") else "wget",
             workloads=("rate",), quick=False),
        Tool("py-apiclient", "the seeds' 'Concurrent API Client': ThreadPoolExecutor(10) + Semaphore(rate_limit=20)",
             tutorial("urllib", semaphore=True), p_ours(": Error - "), rate="Semaphore", workloads=("rate",)),
        Tool("jdk-floor --rate", "JdkFetch --rate 20: request i starts at i/20 s",
             jdk(rate=True), p_ours("FAIL "), rate="pacing", workloads=("rate",)),
    ]
    cannot_rate = {
        "xargs-curl": "no option: -P caps processes, not requests/s",
        "aria2c": "no option: caps are bytes/s (--max-overall-download-limit)",
        "wget2": "no option for requests/s (--wait pauses each thread)",
        "py-pool-urllib": "no option (the tutorials' answer is the Semaphore above)",
        "py-aiohttp": "no option in aiohttp (hand-written, or a package such as aiolimiter)",
    }
    return tools, cannot_rate


# ---------------------------------------------------------------------------------------------
# the delay server
# ---------------------------------------------------------------------------------------------

class Server:
    def __init__(self, java, classes, max_seconds):
        self.proc = subprocess.Popen([java, "-cp", classes, "DelayServer", "--port", "0",
                                      "--max-seconds", str(max_seconds)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        line = self.proc.stdout.readline()
        m = re.search(r"127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.stop()
            raise SystemExit(f"fetchbench: the delay server did not start: {line!r}")
        self.port = int(m[1])
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()

    def stats(self, reset=False):
        with urllib.request.urlopen(self.base + "/stats" + ("?reset=1" if reset else ""), timeout=10) as r:
            return json.loads(r.read())

    def quiesce(self, limit_s=4.0):
        """Waits until no request of an earlier run is still sleeping in the server, then resets."""
        end = time.monotonic() + limit_s
        while self.stats()["in_flight"] > 0 and time.monotonic() < end:
            time.sleep(0.05)
        self.stats(reset=True)

    def cpu_seconds(self):
        """User + system CPU time the server has used so far."""
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ---------------------------------------------------------------------------------------------
# one run of one tool on one workload
# ---------------------------------------------------------------------------------------------

def run_process(argv, stdin_path, out_path, err_path, limit_s, cwd):
    with open(out_path, "wb") as out, open(err_path, "wb") as err, \
            open(stdin_path or os.devnull, "rb") as inp:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=inp, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        killed = []

        def kill():
            killed.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(limit_s, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    return {"rc": p.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
            "rss_mib": ru.ru_maxrss / 1024, "killed": bool(killed)}


def sliced(wname, w, k, lists, ceiling):
    """The workload cut to its first k URLs (uniform workloads only): lists, expectations, ideal."""
    L = os.path.join(lists, wname + ".txt")
    R = os.path.join(lists, wname + ".curlrc")
    if not k or k >= w["n"]:
        w = dict(w)
    else:
        Lk, Rk = os.path.join(lists, f"{wname}.first{k}.txt"), os.path.join(lists, f"{wname}.first{k}.curlrc")
        if not os.path.exists(Lk):
            with open(L) as f, open(Lk, "w") as g:
                g.writelines(f.readlines()[:k])
            with open(R) as f, open(Rk, "w") as g:
                g.writelines(f.readlines()[:2 * k])
        L, R = Lk, Rk
        lat = w["latency_ms"] / 1000
        w = dict(w, n=k, expected_ok=k, expected_bytes=k * w["body_bytes"], server_requests=k,
                 ideal_s=round(lat * math.ceil(k / w["concurrency"]), 3), sequential_ideal_s=round(lat * k, 3))
    if w["latency_ms"] == 0 and not w["expected_failed"]:
        w["ideal_s"] = w["n"] / ceiling if ceiling else None
    return w, L, R


def one_run(tool, wname, w, L, R, server, tmp, rep, limit_s):
    D = tempfile.mkdtemp(prefix="files-", dir=tmp)
    argv, stdin = tool.build(w, L, R, D)
    server.quiesce()
    out_p, err_p = os.path.join(tmp, "out"), os.path.join(tmp, "err")
    r = run_process(argv, stdin, out_p, err_p, limit_s, D)
    st = server.stats()
    with open(err_p, errors="replace") as f:
        err = f.read()
    if tool.parse is None:  # wget: the bodies went to stdout
        got = parse_wget(os.path.getsize(out_p), err)
    else:
        with open(out_p, errors="replace") as f:
            out = f.read()
        got = tool.parse(out, err, D) or {"ok": 0, "failed": None, "bytes": 0, "reported": 0}
    shutil.rmtree(D, ignore_errors=True)

    problems, notes = [], []
    if r["killed"]:
        problems.append(f"killed after {limit_s:.0f} s")
    if got["ok"] != w["expected_ok"]:
        problems.append(f"ok {got['ok']}/{w['expected_ok']}")
    if got["bytes"] != w["expected_bytes"]:
        problems.append(f"bytes {got['bytes']}/{w['expected_bytes']}")
    extra = st["requests"] - w["server_requests"]
    if extra > 0 and w["expected_failed"]:
        notes.append(f"{extra} retried")  # a request sent again after a reset: the tool's own choice
    elif extra:
        problems.append(f"server saw {st['requests']}/{w['server_requests']} requests")
    cap = 1 if tool.seq else w["concurrency"]
    # (with timeouts, the server still counts the requests that the client gave up on)
    if st["peak_in_flight"] > cap and not w["expected_failed"]:
        problems.append(f"{st['peak_in_flight']} in flight > {cap}")
    row = {"workload": wname, "tool": tool.name, "rep": rep, "n": w["n"], "ideal_s": w["ideal_s"], **r,
           "inner": got.get("inner"), "notes": notes, "peak_1s_starts": got.get("peak_1s_starts"),
           "ok": got["ok"], "bytes": got["bytes"], "reported": got["reported"],
           "requests": st["requests"], "conns": st["connections_opened"], "peak_in_flight": st["peak_in_flight"],
           "peak_1s": st["peak_1s"], "span_s": st["span_s"], "problems": problems}
    if w["expected_failed"]:
        row["failures_expected"] = w["expected_failed"]
    if w["rate"]:
        row["rate_cap"] = w["rate"]
    return row, err


# ---------------------------------------------------------------------------------------------
# the table
# ---------------------------------------------------------------------------------------------

def fmt_s(v):
    return "-" if v is None else (f"{v:.2f}" if v < 10 else f"{v:.1f}")


def build_table(rows, meta, tools, cannot_rate, ceiling):
    """The table as text lines and as Markdown lines."""
    by = {}
    for r in rows:
        by.setdefault(r["workload"], {}).setdefault(r["tool"], []).append(r)
    order = {t.name: i for i, t in enumerate(tools)}
    lines, md = [], []
    head = ["tool", "N", "wall s", "spread", "in-proc s", "req/s", "x ideal", "x best", "cpu s", "RSS MiB", "conns",
            "peak", "exit", "check"]
    for wname, w in meta.items():
        if wname not in by:
            continue
        ideal = w["ideal_s"]
        note = ""
        if w["latency_ms"] == 0 and not w["expected_failed"]:
            ideal = w["n"] / ceiling if ceiling else None
            note = (f"ideal = N / the server's ceiling ({ceiling:,.0f} req/s, wrk -c{w['concurrency']})"
                    if ceiling else "ideal: no latency to wait on; the bound is CPU (wrk, if installed, measures it)")
        elif w["rate"]:
            note = f"ideal = (N-1)/rate + latency; 'peak' = most requests in any 1 s (cap {w['rate']:g})"
        elif w["expected_failed"]:
            note = "ideal = max(timeout, work / concurrency); 'failures' = failures the tool itself reported"
        else:
            note = f"ideal = latency x ceil(N / {w['concurrency']}); one at a time: {w['sequential_ideal_s']:g} s"
        lines.append("")
        lines.append(f"## {wname}: {w['about']}   ideal {fmt_s(ideal)} s")
        lines.append(f"   {note}")
        md += ["", f"**{wname}**: {w['about']}; ideal {fmt_s(ideal)} s ({note})", ""]
        tbl = []
        # "x best" compares requests per second, so that a row run on the first K URLs compares too
        # (and in the rate workload, only among those that held the cap)
        rates = {t: rs[0]["n"] / statistics.median(x["wall"] for x in rs) for t, rs in by[wname].items()
                 if not any(x["problems"] for x in rs) and not any(t == x.name and x.seq for x in tools)
                 and not (w["rate"] and max(x["peak_1s"] for x in rs) > w["rate"] + 1)}
        best = max(rates.values()) if rates else None
        for tname in sorted(by[wname], key=lambda t: order.get(t, 99)):
            rs = by[wname][tname]
            n = rs[0]["n"]
            row_ideal = rs[0]["ideal_s"]
            wall = statistics.median(x["wall"] for x in rs)
            inner = [x["inner"] for x in rs if x.get("inner") is not None]
            spread = (max(x["wall"] for x in rs) - min(x["wall"] for x in rs)) / wall * 100 if wall else 0
            problems = sorted({p for x in rs for p in x["problems"]})
            rcs = sorted({x["rc"] for x in rs})
            peak = max(x["peak_1s"] for x in rs) if w["rate"] else max(x["peak_in_flight"] for x in rs)
            check = "ok" if not problems else "; ".join(problems)
            if w["expected_failed"]:
                rep = sorted({x["reported"] for x in rs})
                check = f"failures {'/'.join(map(str, rep))}/{w['expected_failed']}" + (
                    "" if not problems else "; " + "; ".join(problems))
                if rcs == [0]:
                    check += "; exit 0 hides them"
            if w["rate"]:
                held = peak <= w["rate"] + 1
                check = ("cap held" if held else f"cap broken ({peak}/s)") + (
                    "" if not problems else "; " + "; ".join(problems))
                starts = [x["peak_1s_starts"] for x in rs if x.get("peak_1s_starts")]
                if starts:
                    check += f"; started at most {max(starts)} in 1 s"
            notes = sorted({x for r in rs for x in r["notes"]})
            if notes:
                check += "; " + "; ".join(notes)
            tbl.append([tname + (" (seq)" if any(t.name == tname and t.seq for t in tools) else ""),
                        f"{n}" + ("*" if n < w["n"] else ""),
                        fmt_s(wall), f"{spread:.0f}%" if len(rs) > 1 else "1 run",
                        fmt_s(statistics.median(inner)) if inner else "-", f"{n / wall:,.0f}",
                        f"{wall / row_ideal:.2f}" if row_ideal else "-",
                        f"{best / (n / wall):.2f}" if best and tname in rates else "-",
                        fmt_s(statistics.median(x["cpu"] for x in rs)),
                        f"{max(x['rss_mib'] for x in rs):.0f}",
                        str(int(statistics.median(x["conns"] for x in rs))), str(peak),
                        "/".join(map(str, rcs)), check])
        if w["rate"]:
            for tname, why in cannot_rate.items():
                tbl.append([tname, "-", "", "", "", "", "", "", "", "", "", "", "", why])
        widths = [max(len(str(r[i])) for r in tbl + [head]) for i in range(len(head))]
        left = (0, len(head) - 1)
        lines.append("  ".join(h.ljust(widths[i]) if i in left else h.rjust(widths[i])
                               for i, h in enumerate(head)).rstrip())
        for r in tbl:
            lines.append("  ".join(str(c).ljust(widths[i]) if i in left else str(c).rjust(widths[i])
                                   for i, c in enumerate(r)).rstrip())
        md.append("| " + " | ".join(head) + " |")
        md.append("|" + "---|" * len(head))
        md += ["| " + " | ".join(str(c) for c in r) + " |" for r in tbl]
        if any(x["n"] < w["n"] for rs in by[wname].values() for x in rs):
            star = ("* the first N URLs only (a process per URL, or too slow for the whole list in the time);"
                    " x ideal and x best compare its req/s")
            lines.append("   " + star)
            md += ["", "\\" + star]
    return lines, md


# ---------------------------------------------------------------------------------------------

def version(argv):
    """The first line a command prints about its version, or "not installed"."""
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        text = (out.stdout + out.stderr).strip().splitlines()
        return text[0] if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"


def cpu_jiffies():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    busy = v[0] + v[1] + v[2] + v[5] + v[6]
    return busy, v[7] if len(v) > 7 else 0, sum(v[:8])


def machine(java):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    pymods = []
    for m in ("requests", "aiohttp"):
        v = subprocess.run([sys.executable, "-c", f"import {m}; print({m}.__version__)"], capture_output=True,
                           text=True).stdout.strip()
        pymods.append(f"{m} {v or 'not installed'}")
    return [
        f"date: {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}",
        f"machine: {os.cpu_count()} CPUs ({cpu}), {mem:.0f} GiB, Linux {platform.release()}",
        f"python: {platform.python_version()} ({', '.join(pymods)})",
        f"java: {version([java, '-version'])}",
        f"curl: {version(['curl', '--version'])}",
        f"wget: {version(['wget', '--version'])}; wget2: {version(['wget2', '--version'])}; "
        f"aria2c: {version(['aria2c', '--version'])}",
        f"load average at start: {' '.join(open('/proc/loadavg').read().split()[:3])}",
    ] + ([f"WARNING: the machine is busy (load {load:.1f} on {os.cpu_count()} CPUs): the figures will be slower and "
          "noisier than on a quiet machine"] if (load := float(open('/proc/loadavg').read().split()[0])) > 1.0 else [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--java", required=True)
    ap.add_argument("--classes", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--deadline", type=float, default=None, help="seconds; repetitions that would not fit are dropped")
    ap.add_argument("--only", default="", help="comma-separated tool names")
    ap.add_argument("--workloads", default="", help="comma-separated workload names")
    ap.add_argument("--md", action="store_true", help="also write the table as Markdown")
    a = ap.parse_args()
    reps = a.reps or (1 if a.quick else 3)
    deadline = a.deadline or (55 if a.quick else 290)
    start = time.monotonic()

    results = os.path.join(HERE, "results")
    os.makedirs(results, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="fetchbench-")
    server = Server(a.java, a.classes, max_seconds=int(deadline) + 120)
    try:
        lists = os.path.join(tmp, "lists")
        refused = f"http://127.0.0.1:{free_port()}"
        subprocess.run([sys.executable, os.path.join(HERE, "gen_urls.py"), "--base", server.base, "--refused", refused,
                        "--out", lists] + (["--quick"] if a.quick else []), check=True)
        with open(os.path.join(lists, "workloads.json")) as f:
            meta = json.load(f)
        if a.workloads:
            meta = {k: v for k, v in meta.items() if k in a.workloads.split(",")}
        tools, cannot_rate = make_tools(a.java, a.classes)
        skipped = [f"{t.name}: needs {t.needs}" for t in tools if t.needs]
        only = [x for x in a.only.split(",") if x]
        tools_run = [t for t in tools if not t.needs and (t.name in only if only else not t.extra)
                     and (t.quick or not a.quick or t.name in only)]

        facts = machine(a.java)
        if os.environ.get("JDK_FLAGS"):
            facts.append(f"JDK_FLAGS for JdkFetch and SocketFetch: {os.environ['JDK_FLAGS']}")
        # the server is a JVM too: warm it up (JIT) before anything is timed
        warm = os.path.join(lists, "throughput.curlrc")
        for _ in range(2):
            subprocess.run(["curl", "--parallel", "--parallel-max", "50", "-s", "-K", warm], capture_output=True,
                           timeout=60)
        ceiling = None
        if have("wrk") and "throughput" in meta:
            w = meta["throughput"]
            url = f"{server.base}/delay/0/ceiling?size={w['body_bytes']}"
            if not a.quick:  # the curl warm-up above is enough for --quick's rough figure
                subprocess.run(["wrk", "-t2", f"-c{w['concurrency']}", "-d1s", url], capture_output=True, timeout=30)
            out = subprocess.run(["wrk", "-t2", f"-c{w['concurrency']}", "-d1s" if a.quick else "-d2s", url],
                                 capture_output=True, text=True, timeout=30).stdout
            m = re.search(r"Requests/sec:\s*([\d.]+)", out)
            ceiling = float(m[1]) if m else None
        facts.append(f"server ceiling: {f'{ceiling:,.0f} req/s' if ceiling else 'not measured (wrk not installed)'}"
                     + " (wrk -t2 -c200, one URL, keep-alive, 1 KiB answers)" * bool(ceiling))
        for line in facts:
            print("# " + line, flush=True)
        if skipped:
            print("# skipped (not installed): " + "; ".join(skipped), flush=True)

        rows = []
        busy0, steal0, total0 = cpu_jiffies()
        server_cpu0 = server.cpu_seconds()
        raw = open(os.path.join(results, "latest.jsonl"), "w")
        first = {}  # (workload, tool) -> wall seconds of its first run, with the run's overhead
        LONG_S = 4.0  # a row whose first run took longer runs once: long runs vary little, and time is short
        ONCE = {"errors", "rate"}  # what they show (failures reported, exit codes, the cap) does not need medians
        again = lambda wname, t: not t.once and wname not in ONCE and first.get((wname, t.name), 0) <= LONG_S
        for rep in range(1, reps + 1):
            elapsed = time.monotonic() - start
            predicted = sum(v for (wname, tn), v in first.items()
                            if again(wname, next(t for t in tools_run if t.name == tn)))
            if rep > 1 and elapsed + predicted > deadline - 5:
                print(f"# stopped after {rep - 1} repetitions: another would pass the deadline ({deadline:.0f} s)")
                break
            t_rep = time.monotonic()
            print(f"repetition {rep}/{reps} ", end="", flush=True)
            for wname, w0 in meta.items():
                ts = [t for t in tools_run if wname in t.workloads and (rep == 1 or again(wname, t))]
                k = (rep - 1) % max(1, len(ts))
                for t in ts[k:] + ts[:k]:  # rotate the order each repetition
                    w, L, R = sliced(wname, w0, t.slices.get(wname, (0, 0))[1 if a.quick else 0], lists, ceiling)
                    limit = max(60.0, 20 * (w["sequential_ideal_s"] if t.seq else (w["ideal_s"] or 0)))
                    limit = min(limit, max(5.0, deadline + 60 - (time.monotonic() - start)))
                    t_run = time.monotonic()
                    row, err = one_run(t, wname, w, L, R, server, tmp, rep, limit)
                    first.setdefault((wname, t.name), time.monotonic() - t_run)
                    rows.append(row)
                    raw.write(json.dumps(row) + "\n")
                    raw.flush()
                    if row["problems"] and not w["expected_failed"]:
                        print(f"\n  ! {wname} {t.name}: {'; '.join(row['problems'])}\n    stderr: {err[-300:]!r}",
                              flush=True)
                    print(".", end="", flush=True)
            print(f" {time.monotonic() - t_rep:.0f}s", flush=True)
        raw.close()
        busy1, steal1, total1 = cpu_jiffies()
        dt = max(1, total1 - total0)
        hz = os.sysconf("SC_CLK_TCK")
        ours = sum(r["cpu"] for r in rows) + server.cpu_seconds() - server_cpu0
        others = max(0.0, (busy1 - busy0) / hz - ours)
        noise = (f"CPUs busy {100 * (busy1 - busy0) / dt:.0f}%: the tools and the server "
                 f"{100 * ours * hz / dt:.0f}%, everything else {100 * others * hz / dt:.1f}% (other processes on the "
                 f"machine, and the driver); steal {100 * (steal1 - steal0) / dt:.1f}%")

        lines, md = build_table(rows, meta, tools, cannot_rate, ceiling)
        tail = len(lines)
        lines.append("")
        lines.append("tools: " + "; ".join(f"{t.name} = {t.about}" for t in tools_run))
        lines.append("columns: wall s = median process wall time (start-up included); spread = (max-min)/median; "
                     "in-proc s = the time the program itself measured (no interpreter or JVM start-up); "
                     "req/s = N / wall; x ideal = wall / ideal; x best = the fastest correct concurrent tool's req/s "
                     "/ this one's; cpu s = "
                     "user+sys of the tool's processes; RSS = peak resident memory of its largest process; conns = "
                     "TCP connections the server accepted; peak = most requests in flight at once (rate: most "
                     "arriving within 1 s); exit = exit codes seen; check = every body received (count and bytes), "
                     "the server saw exactly N requests, the cap held")
        lines.append(f"during the run: {noise}; {len({r['rep'] for r in rows})} repetition(s), "
                     f"total {time.monotonic() - start:.0f} s")
        text = "\n".join("# " + f for f in facts) + "\n" + "\n".join(lines) + "\n"
        print("\n".join(lines))
        with open(os.path.join(results, "latest.txt"), "w") as f:
            f.write(text)
        if a.md:
            with open(os.path.join(results, "latest.md"), "w") as f:
                f.write("\n".join("- " + x for x in facts) + "\n" + "\n".join(md) + "\n\n"
                        + "\n\n".join(lines[tail + 1:]) + "\n")
        # a wrong result where nothing fails on purpose means the set-up is broken; in the errors
        # workload a tool that loses results is what is being measured, and the table says so
        bad = [r for r in rows if r["problems"] and not r.get("failures_expected")]
        if bad:
            print(f"fetchbench: {len(bad)} run(s) did not get what they should have (see the check column)")
        return 1 if bad else 0
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
