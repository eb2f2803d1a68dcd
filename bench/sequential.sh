#!/usr/bin/env bash
# Report and home-page latency one request at a time (no wrk, no contention): what a change to a report's queries
# buys, without the noise of two connections sharing the cores. Usage: bench/sequential.sh [obstacles]
# Builds and starts the service on the seeded register as bench/run.sh does, warms it with one full pass, then times
# 60 weekly and 60 monthly reports (20 periods spread over the seeded two years, three times) and 15 home pages.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-1000000}
source bench/service.sh

out=$(mktemp -d)
trap 'kill $service 2>/dev/null || true; rm -rf "$out"' EXIT
# With a key: the public endpoints limit requests per address only for readers without one.
timed() { curl -sf -o /dev/null -w '%{time_total}\n' -H "X-Api-Key: ${key}" "${base}$1"; }
periods=$(python3 -c "import datetime; d = datetime.date(2024, 11, 4); print(' '.join(str(d + datetime.timedelta(days=35 * i)) for i in range(20)))")
for pass in warm measure; do
  : >"$out/week"; : >"$out/month"; : >"$out/home"
  for _ in 1 2 3; do
    for on in $periods; do
      timed "/api/v1/public/progress?period=week&on=${on}" >>"$out/week"
      timed "/api/v1/public/progress?period=month&on=${on}" >>"$out/month"
    done
    for _ in 1 2 3 4 5; do timed "/" >>"$out/home"; done
  done
done
summary() { sort -n "$1" | awk '{ t[NR] = $1 } END { printf "p50 %.1f ms, p90 %.1f ms (%d requests)\n", t[int(NR * 0.5) + 1] * 1000, t[int(NR * 0.9) + 1] * 1000, NR }'; }
echo "weekly report:  $(summary "$out/week")"
echo "monthly report: $(summary "$out/month")"
echo "site home page: $(summary "$out/home")"
