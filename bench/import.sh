#!/usr/bin/env bash
# Spreadsheet import at scale. Usage: bench/import.sh [obstacles] [rows]
# Imports one sheet of <rows> valid obstacles (default 5,000, the import's limit) as CSV, then as XLSX, into the seeded
# register of <obstacles> (a copy of it: the seeded one is left as it was), all or nothing, and prints each import's wall time as curl measures it.
set -euo pipefail
cd "$(dirname "$0")/.."
obstacles=${1:-100000}
rows=${2:-5000}
scratch=1
source bench/service.sh
work=$(mktemp -d)
trap 'kill $service 2>/dev/null || true; rm -rf "$work" "${data}/scratch.db"*' EXIT

curl -sf "${base}/api/v1/regulations?limit=100" -H "X-Api-Key: ${key}" >"${work}/regulations.json"
# A warm-up sheet first (the first request pays for the JIT), then each format with rows of its own, so that neither
# import finds the other's rows among the newest matches of its hints.
python3 bench/import-sheet.py "${work}/regulations.json" 200 "${work}/warm" 1
curl -sf -o /dev/null -H "X-Api-Key: ${key}" -F "file=@${work}/warm.csv" "${base}/api/v1/obstacles/imports"
python3 bench/import-sheet.py "${work}/regulations.json" "$rows" "${work}/csv" 2
python3 bench/import-sheet.py "${work}/regulations.json" "$rows" "${work}/xlsx" 3
for kind in csv xlsx; do
  timing=$(curl -s -o "${work}/answer.json" -w '%{http_code} %{time_total}' -H "X-Api-Key: ${key}" \
    -F "file=@${work}/${kind}.${kind}" "${base}/api/v1/obstacles/imports")
  imported=$(python3 -c "import json; a=json.load(open('${work}/answer.json')); print(a.get('imported', a.get('detail')))")
  echo "import ${kind}: $(du -k "${work}/${kind}.${kind}" | cut -f1) KiB, ${rows} rows -> status, seconds: ${timing}; imported: ${imported}"
done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/${service}/status")
echo "Peak resident memory of the service: $(( hwm / 1024 )) MiB"
