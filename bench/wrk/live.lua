-- The service's whole pipeline (problem handling, telemetry, language, limits) with no key and no query: the ceiling
-- of this service rather than of bare Kestrel.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.headers["X-Api-Key"] = nil

request = function()
  return wrk.format("GET", "/health/live")
end
