#!/usr/bin/env bash
# The forecast's backtest on the seeded register: bench/forecast.sh [obstacles] ["weeks ..."].
# Starts the service (bench/service.sh) and asks GET /api/v1/reports/forecast-accuracy once per number of weeks, printing
# the answer and the wall time curl measured.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-100000}
week_counts=${2:-"26"}
source bench/service.sh
for weeks in $week_counts; do
  answer=$(curl -sf -w '\n%{time_total}' "${base}/api/v1/reports/forecast-accuracy?weeks=${weeks}" -H "X-Api-Key: ${key}")
  echo "weeks=${weeks} seconds=$(echo "$answer" | tail -1) $(echo "$answer" | head -1)"
done
