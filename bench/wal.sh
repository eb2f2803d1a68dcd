#!/usr/bin/env bash
# The write-ahead log's bound. Usage: bench/wal.sh [obstacles] [burst seconds] [writers] [readers]
# On a copy of the seeded register, <writers> connections post intakes without pause while <readers> connections read
# obstacles (readers keep old log frames in use, which is what defeats a passive checkpoint), for <burst seconds>;
# then nothing for 10 s. The -wal file's size is sampled every 0.2 s throughout: prints the largest during the burst,
# and how long after the burst it took to come back to 4 MB or less.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-100000}
burst=${2:-60}
writers=${3:-4}
readers=${4:-4}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
scratch=1
source bench/service.sh
samples=$(mktemp)
trap 'kill $service $sampler 2>/dev/null || true; rm -f "$samples" "${data}/scratch.db"*' EXIT

export BENCH_KEY="$key" BENCH_WRK="$(pwd)/bench/wrk" BENCH_IDS="${data}/obstacle-ids.txt"
export BENCH_REGULATION=$(head -n 1 "${data}/regulation-ids.txt")

# One line per sample: milliseconds since the start, bytes of the log.
start=$(date +%s%3N)
( while :; do echo "$(( $(date +%s%3N) - start )) $(stat -c %s "${db}-wal" 2>/dev/null || echo 0)"; sleep 0.2; done ) >"$samples" &
sampler=$!

wrk -t1 -c"$writers" -d"${burst}s" --latency -s bench/wrk/intake.lua "$base" | grep '^RESULT' | sed 's/^/intake: /' &
intake=$!
wrk -t1 -c"$readers" -d"${burst}s" --latency -s bench/wrk/read.lua "$base" | grep '^RESULT' | sed 's/^/read:   /'
wait $intake
burst_end=$(( $(date +%s%3N) - start ))
sleep 10
kill $sampler 2>/dev/null || true

awk -v end="$burst_end" -v limit=$(( 4 * 1024 * 1024 )) '
  $1 <= end && $2 > max { max = $2 }
  $1 > end && back == "" && $2 <= limit { back = $1 - end }
  END {
    printf "write-ahead log: largest during the burst %.1f MB; back to <= 4 MB %s after it\n", max / 1048576,
      back == "" ? "not within 10 s" : sprintf("%.1f s", back / 1000)
  }' "$samples"
hwm=$(awk '/VmHWM/ {print $2}' "/proc/${service}/status")
echo "Peak resident memory of the service: $(( hwm / 1024 )) MiB"
