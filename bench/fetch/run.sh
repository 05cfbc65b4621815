#!/usr/bin/env bash
# Copied from the project's fetch benchmark anchor (bench/fetch/run.sh of the benchmark material
# threading4j was measured against); fetchbench.py here adds the `threading4j` rows.
# The fetch benchmark: the tutorials' Python fetchers, curl --parallel, xargs + curl, wget, aria2c,
# wget2 and the raw JDK (HttpClient + virtual threads) side by side on the same URL lists, served
# with set latencies by a delay server on 127.0.0.1. Prints one table; see README.md.
#
#   ./run.sh            3 repetitions (tools interleaved), about 4-5 minutes on 2 cores
#   ./run.sh --quick    1 repetition, smaller lists, under a minute on a quiet machine
#   ./run.sh [--quick] [--reps N] [--only TOOL,TOOL] [--workloads W,W] [--md] [--deadline S]
#   ./run.sh --install [...]   first installs the optional tools with apt-get (Debian; needs root)
#
# Needs python3, curl and a JDK 21+ (JAVA_HOME, or one installed beside the default java).
# Optional rows appear when their tool is installed: wget, aria2c, wget2, Python's requests and
# aiohttp; wrk measures the server's ceiling for the throughput row's ideal.
# Everything runs on loopback; the server stops by itself after the deadline even if this dies.
# (threading4j's copy adds --install, and the choice of a Python that has aiohttp, below.)
set -uo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--install" ]]; then
    shift
    apt-get install -y -q aria2 wget2 wrk python3-aiohttp python3-requests >/dev/null \
        || { echo "run.sh: apt-get install failed" >&2; exit 2; }
fi
# The Python rows want requests and aiohttp: PYTHON if set, else python3 on the PATH, else the
# system's (where Debian's python3-aiohttp installs) when only it has them.
if [[ -z "${PYTHON:-}" ]]; then
    PYTHON=python3
    if ! python3 -c 'import aiohttp, requests' 2>/dev/null && [[ -x /usr/bin/python3 ]] \
            && /usr/bin/python3 -c 'import aiohttp, requests' 2>/dev/null; then
        PYTHON=/usr/bin/python3
    fi
fi

# --- a JDK 21 or newer ------------------------------------------------------------------------
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
find_java() {
    local candidates=() best="" best_major=0 c m default
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
    if default=$(command -v java); then
        candidates+=("$default")
        # other JDKs installed beside the default one (e.g. the distribution's JVM folder)
        local jvm_dir; jvm_dir=$(dirname "$(dirname "$(dirname "$(readlink -f "$default")")")")
        for c in "$jvm_dir"/*/bin/java; do [[ -x "$c" ]] && candidates+=("$c"); done
    fi
    for c in "${candidates[@]}"; do
        [[ -x "$c" && -x "$(dirname "$c")/javac" ]] || continue
        m=$(java_major "$c"); m=${m%%.*}
        [[ "$m" =~ ^[0-9]+$ ]] || continue
        if (( m >= 21 && m > best_major )); then best=$c; best_major=$m; fi
    done
    [[ -n "$best" ]] && echo "$best"
}
JAVA=$(find_java) || { echo "run.sh: no JDK 21+ found (set JAVA_HOME)" >&2; exit 2; }
command -v "$PYTHON" >/dev/null || { echo "run.sh: $PYTHON not found" >&2; exit 2; }
command -v curl >/dev/null || { echo "run.sh: curl not found" >&2; exit 2; }
if ! curl --help all 2>/dev/null | grep -q -- '--parallel-max'; then
    echo "run.sh: this curl has no --parallel (7.66+ needed): $(curl --version | head -1)" >&2; exit 2
fi

# threading4j's jar (and its AOT cache) built before anything is timed
"../../threading4j" --version >/dev/null || { echo "run.sh: ./threading4j did not build" >&2; exit 2; }

BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
"$(dirname "$JAVA")/javac" -d "$BUILD/classes" java/*.java || { echo "run.sh: javac failed" >&2; exit 2; }

"$PYTHON" fetchbench.py --java "$JAVA" --classes "$BUILD/classes" "$@"
