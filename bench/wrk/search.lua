-- Full-text search without diacritics, first page of 50.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local queries = {
  "chong%20cheo", "dau%20thau%20qua%20mang", "chu%20ky%20so", "giay%20phep%20vien%20thong",
  "du%20lieu%20ca%20nhan", "hoa%20don%20dien%20tu", "tan%20so", "thu%20nghiem%20co%20kiem%20soat",
}

request = function()
  return wrk.format("GET", "/api/v1/obstacles?limit=50&q=" .. queries[math.random(#queries)])
end
