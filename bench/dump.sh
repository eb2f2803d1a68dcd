#!/usr/bin/env bash
# The open-data dumps at scale: bench/dump.sh [obstacles]. Starts the service on the seeded register (bench/service.sh),
# downloads /data/obstacles.csv, /data/amendments.csv and /data/regulations.csv one after another, and reports each
# one's time, size, rows and the service's resident memory before and at its highest while it streamed (sampled every
# 100 ms from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-1000000}
source bench/service.sh

rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/${service}/status"; }
for dump in obstacles amendments regulations; do
  before=$(rss)
  peak=$before
  start=$(date +%s.%N)
  curl -sf -o "${data}/${dump}.csv" "${base}/data/${dump}.csv" &
  download=$!
  while kill -0 "$download" 2>/dev/null; do
    now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.1
  done
  wait "$download"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  rows=$(( $(wc -l <"${data}/${dump}.csv") - 1 ))
  size=$(du -m "${data}/${dump}.csv" | cut -f1)
  echo "${dump}: ${rows} rows, ${size} MB in ${seconds} s; service RSS ${before} MB before, ${peak} MB at most while streaming"
done
