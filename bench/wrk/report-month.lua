-- The monthly progress report for the whole register, any month of the two seeded years.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  local day = os.time({ year = 2024, month = 11, day = 15 }) + math.random(0, 23) * 30 * 86400
  return wrk.format("GET", "/api/v1/reports/progress?period=month&on=" .. os.date("!%Y-%m-%d", day))
end
