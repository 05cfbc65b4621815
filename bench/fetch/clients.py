#!/usr/bin/env python3
"""Which HTTP client the fetcher should use: the same `./threading4j fetch` run with each client behind
its HttpGetter seam (-Dthreading4j.http=core|jdk), on loopback against the embedded delay server:
N URLs of 1 KiB answered at once (no latency), C in flight, reps interleaved. Prints, per client, the
medians of process wall time, requests per second (whole process, and inside the JVM), and CPU time
per request (user + sys of the fetcher's process, start-up included).

    python3 clients.py [--n 10000] [--concurrency 200] [--reps 3]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "..", "..", "threading4j")
JAR = os.path.join(HERE, "..", "..", "threading4j-cli", "target", "threading4j.jar")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--clients", default="core,jdk")
    a = ap.parse_args()
    subprocess.run([LAUNCHER, "--version"], check=True, capture_output=True)  # build first
    server = subprocess.Popen(["java" if not os.environ.get("JAVA") else os.environ["JAVA"], "-cp", JAR,
                               "io.github.threading4j.examples.server.DelayServer", "--port", "0",
                               "--max-seconds", "900"], stdout=subprocess.PIPE, text=True)
    base = re.search(r"(http://127\.0\.0\.1:\d+)/", server.stdout.readline())[1]
    tmp = tempfile.mkdtemp()
    lst = os.path.join(tmp, "urls.txt")
    with open(lst, "w") as f:
        for i in range(a.n):
            f.write(f"{base}/delay/0/c-{i:05d}?size=1024\n")
    try:
        for _ in range(2):  # warm the server's JIT
            run("core", lst, a.concurrency)
        rows = {c: [] for c in a.clients.split(",")}
        for rep in range(a.reps):
            for c in rows:
                urllib.request.urlopen(base + "/stats?reset=1").read()
                r = run(c, lst, a.concurrency)
                stats = urllib.request.urlopen(base + "/stats").read().decode()
                r["server_requests"] = int(re.search(r'"requests":(\d+)', stats)[1])
                rows[c].append(r)
                print(f"rep {rep + 1} {c}: {r}", file=sys.stderr)
        print(f"# {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}; {os.cpu_count()} CPUs; load average "
              f"{' '.join(open('/proc/loadavg').read().split()[:3])}; N={a.n} x 1 KiB, {a.concurrency} in flight, "
              f"{a.reps} reps, medians")
        print(f"{'client':8} {'wall s':>7} {'req/s':>7} {'in-JVM req/s':>13} {'CPU ms/req':>11} {'ok':>6}")
        for c, rs in rows.items():
            wall = statistics.median(x["wall"] for x in rs)
            inner = statistics.median(x["inner"] for x in rs)
            cpu = statistics.median(x["cpu"] for x in rs)
            ok = min(x["ok"] for x in rs)
            print(f"{c:8} {wall:7.2f} {a.n / wall:7.0f} {a.n / inner:13.0f} {1000 * cpu / a.n:11.3f} {ok:6d}")
    finally:
        server.terminate()


def run(client, lst, concurrency):
    env = dict(os.environ, THREADING4J_JAVA_OPTS=f"-Dthreading4j.http={client}")
    t0 = time.perf_counter()
    p = subprocess.Popen([LAUNCHER, "fetch", "-i", lst, "-m", str(concurrency), "--result-line", "-o", os.devnull],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    m = re.search(r"RESULT ok=(\d+) failed=(\d+) bytes=(\d+) seconds=([\d.]+)", out)
    return {"wall": round(wall, 3), "cpu": round(ru.ru_utime + ru.ru_stime, 3), "inner": float(m[4]),
            "ok": int(m[1]), "failed": int(m[2])}


if __name__ == "__main__":
    main()
