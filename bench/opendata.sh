#!/usr/bin/env bash
# Open data at scale: bench/opendata.sh [obstacles]. Starts the service on the seeded register (bench/service.sh),
# downloads /data/obstacles.csv, /data/amendments.csv and /data/regulations.csv one after another, and reports each
# one's time, size, rows and the service's resident memory before and at its highest while it streamed (sampled every
# 100 ms from /proc); then times the open-data pages and feeds of the most cited regulation (20 requests each, after one
# to warm up; public answers computed every time unless BENCH_ANSWER_CACHE is set). Requests carry the run's key: the
# answers are the same for everyone, and a keyed caller is not held to the public rate limit.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-1000000}

# The seeder writes no change log; the feeds read it. Derive one from the seeded histories once (every obstacle and
# amendment event as the change it would have logged, in time order), so the feeds are timed on a log of millions.
data="$(pwd)/bench/data/${obstacles}"
if [ -f "${data}/bench.db" ] && [ "$(sqlite3 "${data}/bench.db" 'SELECT COUNT(*) FROM change_log')" -lt 1000 ]; then
  sqlite3 "${data}/bench.db" <<'SQL'
.timeout 60000
INSERT INTO change_log (id, type, resource, resource_id, unit_id, at)
SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
       type, resource, resource_id, unit_id, at
FROM (
  SELECT hex(randomblob(16)) AS h, 'obstacle.' || e.action AS type, 'obstacle' AS resource, e.obstacle_id AS resource_id, o.unit_id, e.at
  FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
  UNION ALL
  SELECT hex(randomblob(16)), 'amendment.' || e.action, 'amendment', e.amendment_id, a.drafting_unit_id, e.at
  FROM amendment_event e JOIN amendment a ON a.id = e.amendment_id
)
ORDER BY at;
SQL
fi
source bench/service.sh

rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/${service}/status"; }
for dump in obstacles amendments regulations; do
  before=$(rss)
  peak=$before
  start=$(date +%s.%N)
  curl -sf -H "X-Api-Key: ${key}" -o "${data}/${dump}.csv" "${base}/data/${dump}.csv" &
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
  curl -sf -H "X-Api-Key: ${key}" -o /dev/null "${base}${path}" || { echo "${path}: failed" >&2; continue; }
  times=$(for _ in $(seq 1 20); do curl -sf -H "X-Api-Key: ${key}" -o /dev/null -w '%{time_total}\n' "${base}${path}"; done | sort -n)
  echo "${path%%/0*}…: median $(echo "$times" | sed -n 10p) s, slowest $(echo "$times" | tail -1) s"
done
