-- Read one obstacle by id, chosen at random among seeded ones.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local ids = lines(os.getenv("BENCH_IDS"))

request = function()
  return wrk.format("GET", "/api/v1/obstacles/" .. ids[math.random(#ids)])
end
