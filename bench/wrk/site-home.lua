-- The public site's home page (the heaviest: four progress reports and twelve weekly counts), rendered each time (no If-None-Match).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/")
end
