-- An obstacle's staff page (GET /desk/obstacles/{id}) for random seeded ids: the obstacle in full, its history and
-- thread, and the action forms a coordinator sees, on a session cookie.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.headers["X-Api-Key"] = nil
wrk.headers["Cookie"] = os.getenv("BENCH_SESSION")
local ids = lines(os.getenv("BENCH_IDS"))

request = function()
  return wrk.format("GET", "/desk/obstacles/" .. ids[math.random(#ids)])
end
