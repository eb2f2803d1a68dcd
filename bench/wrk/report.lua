-- The coordinator's weekly (and now and then monthly) progress report for the whole register, any week of the two seeded years.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  local day = os.time({ year = 2024, month = 11, day = 4 }) + math.random(0, 100) * 7 * 86400
  local period = math.random(5) == 1 and "month" or "week"
  return wrk.format("GET", "/api/v1/reports/progress?period=" .. period .. "&on=" .. os.date("!%Y-%m-%d", day))
end
