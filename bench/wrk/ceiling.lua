-- The bare Kestrel JSON endpoint of bench/ObstacleRegister.Bench.Ceiling: what a read of the register is compared with.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/json")
end
