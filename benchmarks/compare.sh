#!/usr/bin/env bash
# Side-by-side: grouped, weighted NPS (role+account-equal, by role) in nps4j and in pandas on the same data.
#
#   benchmarks/compare.sh [--rows N] [--runs R]      (default: 10000000 rows, 7 runs)
#
# Generates one seeded CSV (account,role,score; 10 000 accounts x 4 roles), loads it on both sides (not timed),
# times the scoring as the median of R runs after warm-up, single-threaded on both sides (pinned to one CPU
# with taskset when available), checks that both give the same NPS per role (to 1e-9) and prints, as its last
# line: speedup vs pandas: X.Xx (nps4j A ms, pandas B ms, N rows)
set -euo pipefail

rows=10000000
runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"

if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests install)
fi

if ! python3 -c 'import pandas' 2>/dev/null; then
  echo "installing Debian's python3-pandas ..." >&2
  apt-get install -y python3-pandas >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y python3-pandas >/dev/null; }
fi
# Debian's pandas lives in /usr/lib/python3/dist-packages: use the system interpreter if the default one lacks it.
py=python3
if ! $py -c 'import pandas' 2>/dev/null; then py=/usr/bin/python3; fi
$py -c 'import pandas' || { echo "pandas is not importable" >&2; exit 1; }

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/responses.csv"

echo "generating $rows rows ..." >&2
java -cp "$jar" io.github.nps4j.benchmarks.Compare generate "$data" --rows "$rows" --accounts 10000 --seed 42

echo "nps4j (1 thread) ..." >&2
"${pin[@]}" java -Xms3g -Xmx3g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -XX:CICompilerCount=2 \
  -cp "$jar" io.github.nps4j.benchmarks.Compare score "$data" --runs "$runs" --warmup 15 > "$work/java.out"

echo "pandas (1 thread) ..." >&2
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE slow a current numpy down where they are set: unset them for this command only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  "${pin[@]}" $py "$here/pandas_nps.py" "$data" --runs "$runs" --warmup 1 > "$work/pandas.out"

$py - "$work/java.out" "$work/pandas.out" <<'PY'
import sys
def read(path):
    nps, ms, rows = {}, None, None
    for line in open(path):
        parts = line.split()
        if parts and parts[0] == "NPS":
            nps[parts[1]] = float(parts[2])
        elif parts and parts[0] == "MS":
            ms = float(parts[1])
        elif parts and parts[0] == "ROWS":
            rows = int(parts[1])
    return nps, ms, rows
j, jms, jrows = read(sys.argv[1])
p, pms, prows = read(sys.argv[2])
print(f"{'role':<16}{'nps4j':>24}{'pandas':>24}")
for role in sorted(set(j) | set(p)):
    print(f"{role:<16}{j.get(role, float('nan')):>24.12f}{p.get(role, float('nan')):>24.12f}")
bad = [r for r in set(j) | set(p)
       if r not in j or r not in p or abs(j[r] - p[r]) > 1e-9 * max(1.0, abs(j[r]), abs(p[r]))]
if bad or jrows != prows or not j:
    print(f"MISMATCH: nps4j and pandas disagree on {sorted(bad)} (rows {jrows} vs {prows})", file=sys.stderr)
    sys.exit(1)
print("results agree to 1e-9")
print(f"speedup vs pandas: {pms / jms:.1f}x (nps4j {jms:.1f} ms, pandas {pms:.1f} ms, {jrows} rows)")
PY
