-- A drafting unit's deadlines: overdue, due within 30 days and stale, with counts.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local units = lines(os.getenv("BENCH_UNITS"))

request = function()
  return wrk.format("GET", "/api/v1/deadlines?withinDays=30&unitId=" .. units[math.random(#units)])
end
