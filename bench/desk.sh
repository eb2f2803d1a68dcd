#!/usr/bin/env bash
# The staff pages under load: bench/desk.sh [obstacles] [duration] ["connection counts"].
# Starts the service on the seeded register (bench/service.sh), adds a person of every role, signs them in with a
# one-time link printed by the sign-in-link command, and runs GET /desk and GET /desk/obstacles/{id} on that session.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-100000}
duration=${2:-20s}
connection_counts=${3:-"2"}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/service.sh

email="desk-$(date +%s)@bench.invalid"
curl -sf -X POST "${base}/api/v1/people" -H "X-Api-Key: ${admin}" -H 'Content-Type: application/json' \
  -d "{\"email\":\"${email}\",\"name\":\"Người chạy tải\",\"unitId\":\"${unit}\",\"roles\":[\"reporter\",\"coordinator\",\"drafter\"]}" >/dev/null
path=$(ConnectionStrings__Register="Data Source=${db}" Logging__LogLevel__Default=Warning \
  dotnet src/ObstacleRegister.Api/bin/Release/net10.0/ObstacleRegister.Api.dll sign-in-link "$email" | grep -o '/signin/link?token=[^ ]*')
jar=$(mktemp)
page=$(curl -sf -c "$jar" "${base}${path}")
form_token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/')
link_token=$(echo "$path" | sed -E 's/.*token=([^&]*).*/\1/')
session=$(curl -s -b "$jar" -o /dev/null -D - -X POST "${base}/signin/link" \
  --data-urlencode "__RequestVerificationToken=${form_token}" --data-urlencode "token=${link_token}" \
  | grep -i '^set-cookie: __Host-register-session=' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
rm -f "$jar"
[ -n "$session" ] || { echo "signing in failed" >&2; exit 1; }

export BENCH_SESSION="$session" BENCH_WRK="$(pwd)/bench/wrk" BENCH_IDS="${data}/obstacle-ids.txt" BENCH_KEY="$key"
for connections in $connection_counts; do
  for scenario in desk desk-obstacle; do
    echo "$scenario c=$connections: $(wrk -t2 -c"$connections" -d"$duration" --latency -s "bench/wrk/${scenario}.lua" "$base" | grep '^RESULT')"
  done
done
