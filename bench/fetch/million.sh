#!/usr/bin/env bash
# One million URLs streamed from standard input through `./threading4j fetch -` with a 256 MiB heap,
# against the embedded delay server on 127.0.0.1 (1 KiB answers, no latency), 200 in flight. Prints the
# fetcher's summary, its RESULT line, its resident memory sampled every 5 s (flat = bounded memory)
# and its peak RSS.
#
#   bench/fetch/million.sh [N]        (N URLs, default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
./threading4j --version >/dev/null                       # build first, untimed
JAR=threading4j-cli/target/threading4j.jar
JAVA=$(command -v java)
[[ -n "${JAVA_HOME:-}" ]] && JAVA="$JAVA_HOME/bin/java"
for j in /usr/lib/jvm/*/bin/java; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$j")")/release" 2>/dev/null || true)
    [[ -n "$v" && "$v" -ge 21 ]] && JAVA=$j
done
OUT=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$OUT"' EXIT
"$JAVA" -cp "$JAR" io.github.threading4j.examples.server.DelayServer --port 0 --max-seconds 7200 > "$OUT/server" &
SERVER=$!
until grep -q listening "$OUT/server" 2>/dev/null; do sleep 0.2; done
BASE=$(sed -n 's|.*\(http://127.0.0.1:[0-9]*\)/.*|\1|p' "$OUT/server")
python3 -c "
import sys
w = sys.stdout.write
for i in range($N):
    w('$BASE/delay/0/m%07d?size=1024\n' % i)
" | THREADING4J_JAVA_OPTS="-Xmx256m" /usr/bin/time -v ./threading4j fetch - -m 200 -o /dev/null --result-line \
    > "$OUT/result" 2> "$OUT/err" &
FETCH=$!
sleep 2
PID=$(pgrep -f "threading4j.jar fetch - -m 200" | head -1 || true)
echo "rss samples (MiB, every 5 s):"
while kill -0 "$FETCH" 2>/dev/null; do
    if [[ -n "$PID" && -r /proc/$PID/status ]]; then
        awk '/VmRSS/ {printf "%d ", $2/1024}' "/proc/$PID/status"
    fi
    sleep 5
done
echo
wait "$FETCH" || true
grep -v "^\s*$" "$OUT/err" | grep -E "fetched|by |latency|received|Maximum resident|Elapsed" || cat "$OUT/err"
cat "$OUT/result"
