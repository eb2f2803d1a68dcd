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
port=5199
base="http://127.0.0.1:${port}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release -v q ObstacleRegister.sln >/dev/null

# Absolute: the service resolves a relative SQLite path against its own folder, not the working directory.
data="$(pwd)/bench/data/${obstacles}"
db="${data}/bench.db"
if [ ! -f "$db" ]; then
  dotnet run -c Release --no-build --project bench/ObstacleRegister.Bench.Seed -- \
    --database "$db" --obstacles "$obstacles" --regulations $(( obstacles / 10 < 100000 ? obstacles / 10 : 100000 ))
fi

# One admin key per seeded database: the service creates it on the first run and it stays valid for the next.
[ -f "${data}/admin-key" ] || echo "bench-admin-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-key" >"${data}/admin-key"
admin=$(cat "${data}/admin-key")
ConnectionStrings__Register="Data Source=${db}" Access__BootstrapAdminKey="$admin" Logging__LogLevel__Default=Warning \
  dotnet src/ObstacleRegister.Api/bin/Release/net10.0/ObstacleRegister.Api.dll --urls "$base" >"${data}/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "${base}/health/ready" >/dev/null && break; sleep 0.5; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
unit=$(curl -sf -X POST "${base}/api/v1/units" -H "X-Api-Key: ${admin}" -H 'Content-Type: application/json' \
  -d "{\"code\":\"LOAD-$(date +%s)\",\"name\":\"Đơn vị chạy tải\",\"kind\":\"ministry\"}" | json id)
key=$(curl -sf -X POST "${base}/api/v1/api-keys" -H "X-Api-Key: ${admin}" -H 'Content-Type: application/json' \
  -d "{\"unitId\":\"${unit}\",\"roles\":[\"reporter\",\"coordinator\"],\"name\":\"load run\"}" | json secret)

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
for connections in $connection_counts; do
  for scenario in $scenarios; do
    line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "bench/wrk/${scenario}.lua" "$base" | grep '^RESULT')
    echo "$scenario c=$connections: $line"
    echo "$line" | sed -E "s/RESULT requests=[0-9]+ rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) max_ms=([0-9.]+) errors=([0-9]+) non2xx=([0-9]+)/| ${scenario} | ${connections} | \1 | \2 | \3 | \4 | \5 | \6 |/" >>"$out"
  done
done
rss=$(awk '/VmRSS/ {print $2}' "/proc/${service}/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/${service}/status")
{
  echo
  echo "Resident memory after the run: $(( rss / 1024 )) MiB (peak $(( hwm / 1024 )) MiB). Database: $(du -m "$db" | cut -f1) MiB."
} >>"$out"
cat "$out"
