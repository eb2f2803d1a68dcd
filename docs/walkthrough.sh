#!/usr/bin/env bash
# The README's first walk through the API, runnable: from an empty register to an obstacle resolved by the
# amendment in force. Needs curl and jq. The test suite runs it against a started service, so the README's
# blocks (copied from here) cannot drift from the API.
#
#   ADMIN='ork_…' API=http://localhost:5000/api/v1 docs/walkthrough.sh
set -euo pipefail

API=${API:-http://localhost:5000/api/v1}
ADMIN=${ADMIN:?set ADMIN to the admin key printed on first start}
RUN=$(( $(date +%s) % 100000 ))              # keeps codes and symbols unique when the walk-through runs again
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)          # today in the register's time zone (Register__TimeZone)
DUE=$(TZ=Asia/Ho_Chi_Minh date -d '+90 days' +%F)

# call METHOD PATH KEY [JSON] [curl options…]: prints the answer; stops the walk-through on an error, printing the problem
call() {
  local method=$1 path=$2 key=$3
  shift 3
  local args=(-sS --fail-with-body -X "$method" "$API$path" -H "X-Api-Key: $key")
  if [ $# -gt 0 ]; then args+=(-H 'Content-Type: application/json' -d "$1"); shift; fi
  curl "${args[@]}" "$@"
}

# unit UNIT_CODE NAME KIND → its id;  key UNIT_ID ROLE NAME → the key's secret (shown this once)
unit() { call POST /units "$ADMIN" "$(jq -n --arg c "$1" --arg n "$2" --arg k "$3" '{code:$c,name:$n,kind:$k}')" | jq -r .id; }
key() { call POST /api-keys "$ADMIN" "$(jq -n --arg u "$1" --arg r "$2" --arg n "$3" '{unitId:$u,roles:[$r],name:$n}')" | jq -r .secret; }

# The coordinating office, a ministry whose legal department reports obstacles, and the ministry that drafts the fix
BTP=$(unit "BTP-$RUN" "Bộ Tư pháp" ministry)
BCT=$(unit "BCT-$RUN" "Bộ Công Thương" ministry)
BTTTT=$(unit "BTTTT-$RUN" "Bộ Thông tin và Truyền thông" ministry)
COORD=$(key "$BTP" coordinator "Văn phòng điều phối")
REPORTER=$(key "$BCT" reporter "Vụ Pháp chế")
DRAFTER=$(key "$BTTTT" drafter "Vụ Pháp chế")

# The coordinator registers the decree that causes the obstacle
REGULATION=$(call POST /regulations "$COORD" "{\"symbol\":\"$RUN/2023/NĐ-CP\",\"type\":\"decree\",
  \"title\":\"Nghị định về bảo vệ dữ liệu cá nhân\",\"issuer\":\"Chính phủ\",\"issuedOn\":\"2023-04-17\",
  \"effectiveOn\":\"2023-07-01\"}" | jq -r .id)

# Search without diacritics; the symbol matches typed either way
call GET "/regulations?q=bao%20ve%20du%20lieu" "$COORD" | jq -r '.items[].symbol'
call GET "/regulations?symbol=$RUN/2023/ND-CP" "$COORD" | jq -r '.items[].title'

# The legal department reports an obstacle, citing the provision; the Idempotency-Key makes a retry safe
OBSTACLE=$(call POST /obstacles "$REPORTER" "{\"title\":\"Quy định chồng chéo về thời hạn cấp phép\",
  \"description\":\"Điều 5 và Thông tư hướng dẫn quy định khác nhau về thời hạn.\",\"category\":\"conflict\",
  \"severity\":\"high\",\"proposal\":\"amend\",\"contact\":\"Vụ Pháp chế, 024 3943 0000\",
  \"regulations\":[{\"regulationId\":\"$REGULATION\",\"provision\":\"Điều 5, khoản 2\"}]}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)")
ID=$(jq -r .id <<<"$OBSTACLE")
jq -r '"\(.reference) \(.status)"' <<<"$OBSTACLE"                       # VM-2026-000001 submitted

# The coordinator accepts it, sending the version read (its ETag) so nobody decided in between
call POST "/obstacles/$ID/accept" "$COORD" '{"note":"Đã xác minh với đơn vị."}' \
  -H "If-Match: \"$(jq -r .version <<<"$OBSTACLE")\"" | jq -r .status  # accepted
call GET "/obstacles?q=chong%20cheo" "$REPORTER" | jq -r '.items[].reference'
call GET "/obstacles/$ID/history" "$REPORTER" | jq -r '.items[] | "\(.at) \(.action) \(.keyName)"'

# The coordinator opens the amendment that takes the obstacle on, due in 90 days, drafted by BTTTT
AMENDMENT=$(call POST /amendments "$COORD" "{\"regulationId\":\"$REGULATION\",\"kind\":\"amend\",
  \"title\":\"Sửa đổi Điều 5 về thời hạn cấp phép\",\"draftingUnitId\":\"$BTTTT\",
  \"responsibleOfficial\":{\"name\":\"Nguyễn Văn B\",\"position\":\"Thứ trưởng\"},\"dueOn\":\"$DUE\",
  \"obstacleIds\":[\"$ID\"]}" | jq -r .id)
call GET /deadlines "$DRAFTER" | jq -c '{dueSoon: .dueSoon.count, overdue: .overdue.count}'

# The drafting unit reports each stage of the work, then the decree it issued, in force today
for stage in drafting consultation appraisal submitted; do
  call POST "/amendments/$AMENDMENT/progress" "$DRAFTER" "{\"stage\":\"$stage\",\"note\":\"Đã chuyển sang bước $stage.\"}" \
    | jq -r .stage
done
call POST "/amendments/$AMENDMENT/issue" "$DRAFTER" "{\"documentSymbol\":\"$RUN/$(date +%Y)/NĐ-CP\",
  \"issuedOn\":\"$TODAY\",\"effectiveOn\":\"$TODAY\"}" | jq -r .status                          # in_force

# The obstacle is resolved by that document
call GET "/obstacles/$ID" "$REPORTER" | jq -r '"\(.reference) \(.status)"'                         # … resolved
