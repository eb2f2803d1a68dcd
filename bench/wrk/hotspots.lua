-- The coordinator's hotspots report, all time: the register's ranking, or one unit's ranked by units affected (kept tallies).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local units = lines(os.getenv("BENCH_UNITS"))

request = function()
  if math.random(1, 2) == 1 then
    return wrk.format("GET", "/api/v1/reports/hotspots")
  end
  return wrk.format("GET", "/api/v1/reports/hotspots?rankBy=units_affected&unitId=" .. units[math.random(#units)])
end
