-- The hotspots of one month of reports, any month of the two seeded years: counted from that month's citations.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  local from = os.time({ year = 2024, month = 11, day = 1 }) + math.random(0, 690) * 86400
  return wrk.format("GET", "/api/v1/reports/hotspots?from=" .. os.date("!%Y-%m-%d", from) .. "&to=" .. os.date("!%Y-%m-%d", from + 30 * 86400))
end
