#!/usr/bin/env bash
# Load run against the real service on loopback. Usage: bench/run.sh [obstacles] [duration] ["connection counts"] ["scenarios"]
# Seeds bench/data/<obstacles>/bench.db once (reused afterwards), starts the Release build on 127.0.0.1:5199,
# runs the wrk scenarios at each connection count (few connections measure latency, many measure throughput)
# and writes bench/results/<obstacles>-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-100000}
duration=${2:-20s}
connection_counts=${3:-"2 16"}
scenarios=${4:-"read list search amendments deadlines report report-month hotspots hotspots-period intake"}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
# Intake writes: it runs on a copy, so every run starts from the same seeded register (identical titles piling up in
# the seeded one made each intake run slower than the last).
case " ${scenarios} " in *" intake "*) scratch=1 ;; esac
source bench/service.sh

export BENCH_KEY="$key" BENCH_WRK="$(pwd)/bench/wrk" BENCH_IDS="${data}/obstacle-ids.txt"
export BENCH_REGULATION=$(head -n 1 "${data}/regulation-ids.txt")
export BENCH_AMENDMENTS="${data}/amendment-ids.txt" BENCH_UNITS="${data}/unit-ids.txt"

mkdir -p bench/results
out="bench/results/${obstacles}-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Load run: ${obstacles} obstacles, ${duration} per scenario, wrk -t2 on the same 2 cores as the service"
  echo
  echo "| scenario | connections | requests/s | p50 ms | p99 ms | max ms | errors | non-2xx |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$out"
# The ceiling: a bare Kestrel JSON endpoint on the same cores, measured in this run at each connection count, so the
# reads' requests/s are also given as a share of it.
ceiling_base="http://127.0.0.1:5198"
dotnet bench/ObstacleRegister.Bench.Ceiling/bin/Release/net10.0/ObstacleRegister.Bench.Ceiling.dll --urls "$ceiling_base" >/dev/null 2>&1 &
ceiling=$!
trap 'kill $service $ceiling 2>/dev/null || true; [ -z "${scratch:-}" ] || rm -f "${data}/scratch.db"*' EXIT
for _ in $(seq 1 60); do curl -sf "${ceiling_base}/json" >/dev/null && break; sleep 0.5; done
declare -A ceiling_rps
ratios=""
for connections in $connection_counts; do
  wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-5s}" -s bench/wrk/ceiling.lua "$ceiling_base" >/dev/null
  line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s bench/wrk/ceiling.lua "$ceiling_base" | grep '^RESULT')
  ceiling_rps[$connections]=$(echo "$line" | sed -E 's/.* rps=([0-9]+) .*/\1/')
  echo "ceiling c=$connections: $line"
  echo "$line" | sed -E "s/RESULT requests=[0-9]+ rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) max_ms=([0-9.]+) errors=([0-9]+) non2xx=([0-9]+)/| ceiling (bare Kestrel JSON) | ${connections} | \1 | \2 | \3 | \4 | \5 | \6 |/" >>"$out"
  for scenario in $scenarios; do
    # A warm-up pass first, not counted: the runtime compiles hot code again, optimized, after its first calls, and
    # a cold first pass measured start-up more than the steady state a running register is in.
    wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-5s}" -s "bench/wrk/${scenario}.lua" "$base" >/dev/null
    line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "bench/wrk/${scenario}.lua" "$base" | grep '^RESULT')
    echo "$scenario c=$connections: $line"
    echo "$line" | sed -E "s/RESULT requests=[0-9]+ rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) max_ms=([0-9.]+) errors=([0-9]+) non2xx=([0-9]+)/| ${scenario} | ${connections} | \1 | \2 | \3 | \4 | \5 | \6 |/" >>"$out"
    rps=$(echo "$line" | sed -E 's/.* rps=([0-9]+) .*/\1/')
    ratios="${ratios}| ${scenario} | ${connections} | $(( rps * 1000 / ${ceiling_rps[$connections]} / 10 )).$(( rps * 1000 / ${ceiling_rps[$connections]} % 10 ))% |\n"
  done
done
kill $ceiling 2>/dev/null || true
{
  echo
  echo "Requests/s as a share of the ceiling at the same connections:"
  echo
  echo "| scenario | connections | share of the ceiling |"
  echo "| --- | --- | --- |"
  printf "%b" "$ratios"
} >>"$out"
rss=$(awk '/VmRSS/ {print $2}' "/proc/${service}/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/${service}/status")
{
  echo
  echo "Resident memory after the run: $(( rss / 1024 )) MiB (peak $(( hwm / 1024 )) MiB). Database: $(du -m "$db" | cut -f1) MiB."
} >>"$out"
cat "$out"
