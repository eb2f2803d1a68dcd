#!/usr/bin/env bash
# Open data at scale: bench/opendata.sh [obstacles]. Starts the service on the seeded register (bench/service.sh),
# downloads /data/obstacles.csv, /data/amendments.csv and /data/regulations.csv one after another, and reports each
# one's time, size, rows and the service's resident memory before and at its highest while it streamed (sampled every
# 100 ms from /proc); then times the open-data pages and feeds of the most cited regulation (20 requests each, after one
# to warm up; public answers computed every time unless BENCH_ANSWER_CACHE is set).
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

sql() { sqlite3 -readonly "$db" "$1"; }
hot=$(sql "SELECT regulation_id FROM obstacle_regulation GROUP BY regulation_id ORDER BY COUNT(*) DESC LIMIT 1")
obstacle=$(sql "SELECT id FROM obstacle WHERE status = 'resolved' ORDER BY seq DESC LIMIT 1")
amendment=$(sql "SELECT id FROM amendment WHERE regulation_id = '${hot}' LIMIT 1")
drafting=$(sql "SELECT drafting_unit_id FROM amendment LIMIT 1")
for path in "/regulations/${hot}" "/amendments/${amendment}" "/obstacles/${obstacle}" "/feeds/all.atom" "/feeds/regulations/${hot}.atom" \
  "/feeds/units/${drafting}.atom" "/data" "/data/catalog.jsonld"; do
  curl -sf -o /dev/null "${base}${path}" || { echo "${path}: failed" >&2; continue; }
  times=$(for _ in $(seq 1 20); do curl -sf -o /dev/null -w '%{time_total}\n' "${base}${path}"; done | sort -n)
  echo "${path%%/0*}…: median $(echo "$times" | sed -n 10p) s, slowest $(echo "$times" | tail -1) s"
done
