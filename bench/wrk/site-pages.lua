-- The public site's other pages in turn: responsibility (open work and the units' twelve-month scorecards), results,
-- hotspots and the guidance backlog, rendered each time.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local pages = { "/responsibility", "/results", "/hotspots", "/backlog" }
local next_page = 0

request = function()
  next_page = next_page % #pages + 1
  return wrk.format("GET", pages[next_page])
end
