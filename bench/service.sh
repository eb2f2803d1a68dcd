# Sourced by the bench scripts: builds the Release service, seeds bench/data/<obstacles>/bench.db once (reused
# afterwards), starts the service on 127.0.0.1:5199 and creates a reporter and coordinator key of a new unit.
# Needs $obstacles (and $scratch set to work on a copy of the seeded database); sets $base, $data, $db, $service (the pid, killed on exit) and $key.
port=5199
base="http://127.0.0.1:${port}"

dotnet build -c Release -v q ObstacleRegister.sln >/dev/null

# Absolute: the service resolves a relative SQLite path against its own folder, not the working directory.
data="$(pwd)/bench/data/${obstacles}"
db="${data}/bench.db"
if [ ! -f "$db" ]; then
  dotnet run -c Release --no-build --project bench/ObstacleRegister.Bench.Seed -- \
    --database "$db" --obstacles "$obstacles" --regulations $(( obstacles / 10 < 100000 ? obstacles / 10 : 100000 ))
fi

# A run that writes much (an import) works on a copy, so the seeded register stays what every other run measures.
if [ -n "${scratch:-}" ]; then
  rm -f "${data}/scratch.db"*
  cp "$db" "${data}/scratch.db"
  [ ! -f "${db}-wal" ] || cp "${db}-wal" "${data}/scratch.db-wal"
  db="${data}/scratch.db"
fi

# One admin key per seeded database: the service creates it on the first run and it stays valid for the next.
[ -f "${data}/admin-key" ] || echo "bench-admin-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-key" >"${data}/admin-key"
admin=$(cat "${data}/admin-key")
# Public answers are computed on every request unless a run asks for the service's default minute (BENCH_ANSWER_CACHE=60):
# the report and site scenarios measure what a page costs to compute.
ConnectionStrings__Register="Data Source=${db}" Access__BootstrapAdminKey="$admin" Logging__LogLevel__Default=Warning \
  Public__AnswerCacheSeconds="${BENCH_ANSWER_CACHE:-0}" \
  dotnet src/ObstacleRegister.Api/bin/Release/net10.0/ObstacleRegister.Api.dll --urls "$base" >"${data}/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "${base}/health/ready" >/dev/null && break; sleep 0.5; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
unit=$(curl -sf -X POST "${base}/api/v1/units" -H "X-Api-Key: ${admin}" -H 'Content-Type: application/json' \
  -d "{\"code\":\"LOAD-$(date +%s)\",\"name\":\"Đơn vị chạy tải\",\"kind\":\"ministry\"}" | json id)
key=$(curl -sf -X POST "${base}/api/v1/api-keys" -H "X-Api-Key: ${admin}" -H 'Content-Type: application/json' \
  -d "{\"unitId\":\"${unit}\",\"roles\":[\"reporter\",\"coordinator\"],\"name\":\"load run\"}" | json secret)

