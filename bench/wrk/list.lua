-- A filtered list page: one of the usual coordinator filters, 50 rows.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local filters = {
  "status=accepted", "status=submitted", "category=conflict", "severity=critical",
  "status=in_amendment", "category=missing_guidance", "severity=high",
}

request = function()
  return wrk.format("GET", "/api/v1/obstacles?limit=50&" .. filters[math.random(#filters)])
end
