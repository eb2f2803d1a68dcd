-- The lightest read with a key: the key check and one query (the first page of units). What any read that asks the
-- database costs at least, to set beside the ceiling.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/v1/units")
end
