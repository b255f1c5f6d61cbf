#!/usr/bin/env bash
# Side-by-side: `nps score` (what a user runs: JVM start, strict checks of every row, NPS by role with
# role+account-equal weights) against DuckDB reading and aggregating the same responses.csv with one thread.
#
#   benchmarks/compare-duckdb.sh [--rows N] [--runs R] [--heap H] [--dir D] [--launcher]
#        (default: 5000000 rows, 5 runs, -Xmx1g, data in ${TMPDIR:-/tmp}/nps4j-duckdb-N; --launcher runs
#        examples/bin/nps, which keeps a start-up cache per command (class-data sharing; an ahead-of-time cache on
#        Java 25+), instead of java -jar nps.jar; the java on the PATH runs both sides)
#
# Generates the seeded contract CSVs once (10 000 accounts x 4 roles), runs each side once to warm up and then R
# times, pinned to one CPU with taskset when available (both sides inherit it), checks that both give the same NPS
# per role (to 1e-9) and prints, as its last line:
#   nps4j / DuckDB time: X.XXx (nps4j A ms, DuckDB B ms, N rows)
# nps4j is timed end to end as a child process (JVM start included); DuckDB in-process from the query to its result
# (JVM start and driver loading excluded: the comparison favours DuckDB).
set -euo pipefail

rows=5000000
runs=5
heap=1g
dir=""
launcher=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --launcher) launcher=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
bench="$here/target/benchmarks.jar"
nps="$root/examples/target/nps.jar"
if [ "$launcher" = 1 ]; then nps="$root/examples/bin/nps"; fi
dir="${dir:-${TMPDIR:-/tmp}/nps4j-duckdb-$rows}"

if [ ! -f "$bench" ] || [ ! -f "$root/examples/target/nps.jar" ]; then
  echo "building $bench and $root/examples/target/nps.jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl examples,benchmarks -am)
fi

if [ ! -f "$dir/responses.csv" ]; then
  echo "generating $rows responses in $dir ..." >&2
  java -cp "$bench" io.github.nps4j.benchmarks.DuckDbCompare generate "$dir" "$rows"
fi

if [ "$launcher" = 1 ]; then
  # the launcher's first run of a command writes its start-up cache (on Java 25+ in the background, after the run):
  # make it before timing, so that no run pays for it or shares the CPU with it
  echo "priming examples/bin/nps's start-up cache ..." >&2
  "$nps" score --responses "$dir/responses.csv" --by role --weight role+account-equal --format csv >/dev/null
  sleep 10
fi

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
echo "load before: $(uptime)" >&2
"${pin[@]}" java -cp "$bench" io.github.nps4j.benchmarks.DuckDbCompare compare "$dir" "$runs" "$nps" "$heap"
echo "load after: $(uptime)" >&2
