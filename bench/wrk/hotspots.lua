-- The coordinator's hotspots report: all time, a quarter, or one unit's, ranking regulations and articles by open obstacles.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local units = lines(os.getenv("BENCH_UNITS"))

request = function()
  local pick = math.random(1, 3)
  if pick == 1 then
    return wrk.format("GET", "/api/v1/reports/hotspots")
  elseif pick == 2 then
    local from = os.time({ year = 2024, month = 12, day = 1 }) + math.random(0, 600) * 86400
    return wrk.format("GET", "/api/v1/reports/hotspots?from=" .. os.date("!%Y-%m-%d", from) .. "&to=" .. os.date("!%Y-%m-%d", from + 90 * 86400))
  end
  return wrk.format("GET", "/api/v1/reports/hotspots?rankBy=units_affected&unitId=" .. units[math.random(#units)])
end
