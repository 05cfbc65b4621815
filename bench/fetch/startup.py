#!/usr/bin/env python3
# Start-up: one URL with curl and with ./threading4j (AOT cache on and off), timed as processes, interleaved.
# Needs the embedded delay server on 127.0.0.1:18998 (java -cp threading4j-cli/target/threading4j.jar
# io.github.threading4j.examples.server.DelayServer --port 18998). Run from the repository root:
#   python3 bench/fetch/startup.py RUNS
import subprocess, time, statistics, os, sys
url = "http://127.0.0.1:18998/delay/0/one?size=1024"
cmds = {
  "curl URL": ["curl", "-sS", "-o", "/dev/null", url],
  "./threading4j fetch URL": ["./threading4j", "fetch", url],
  "./threading4j fetch URL (no AOT cache)": ["./threading4j", "fetch", url],
  "java -jar threading4j.jar fetch URL": [os.environ.get("JAVA", "java"), "-jar", "threading4j-cli/target/threading4j.jar", "fetch", url],
}
res = {k: [] for k in cmds}
for rep in range(int(sys.argv[1])):
    for k, c in cmds.items():
        env = dict(os.environ)
        if "no AOT" in k: env["THREADING4J_NO_AOT"] = "1"
        t = time.perf_counter(); p = subprocess.run(c, capture_output=True, env=env); w = time.perf_counter() - t
        assert p.returncode == 0, (k, p)
        res[k].append(w)
print(f"# {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, load {open('/proc/loadavg').read().split()[0]}, medians of {sys.argv[1]} runs, interleaved")
for k, v in res.items():
    print(f"{k:42} {statistics.median(v):.3f} s  (min {min(v):.3f})")
