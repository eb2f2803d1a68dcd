-- The coordinator's and drafters' amendment reads: one amendment in full, or a filtered page of 50.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local amendments = lines(os.getenv("BENCH_AMENDMENTS"))
local units = lines(os.getenv("BENCH_UNITS"))

request = function()
  local roll = math.random(5)
  if roll == 1 then return wrk.format("GET", "/api/v1/amendments/" .. amendments[math.random(#amendments)]) end
  if roll == 2 then return wrk.format("GET", "/api/v1/amendments?overdue=true") end
  if roll == 3 then return wrk.format("GET", "/api/v1/amendments?stale=true&status=drafting") end
  if roll == 4 then return wrk.format("GET", "/api/v1/amendments?draftingUnitId=" .. units[math.random(#units)]) end
  return wrk.format("GET", "/api/v1/amendments?status=submitted&limit=50")
end
