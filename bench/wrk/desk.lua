-- A person's desk (GET /desk): their unit's questions and reports, the triage queue, the drafting unit's work and
-- their own as responsible official, rendered each time, on a session cookie.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.headers["X-Api-Key"] = nil
wrk.headers["Cookie"] = os.getenv("BENCH_SESSION")

request = function()
  return wrk.format("GET", "/desk")
end
