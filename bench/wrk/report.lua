-- The coordinator's weekly progress report for the whole register (the budget's subject), any week of the two seeded years.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  local day = os.time({ year = 2024, month = 11, day = 4 }) + math.random(0, 100) * 7 * 86400
  return wrk.format("GET", "/api/v1/reports/progress?period=week&on=" .. os.date("!%Y-%m-%d", day))
end
