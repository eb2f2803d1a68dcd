-- Durable intake: POST /api/v1/obstacles, each acknowledged obstacle committed with synchronous=FULL.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/api/v1/obstacles"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Quy định chồng chéo về thời hạn cấp giấy phép viễn thông",' ..
  '"description":"Hai văn bản quy định thời hạn khác nhau nên cơ quan thực hiện không biết áp dụng văn bản nào. ' ..
  'Doanh nghiệp phải nộp hồ sơ giấy dù đã có hệ thống dịch vụ công trực tuyến.",' ..
  '"category":"conflict","severity":"high","proposal":"amend","impact":"Hơn 200 doanh nghiệp bị ảnh hưởng.",' ..
  '"contact":"Vụ Pháp chế","regulations":[{"regulationId":"' .. os.getenv("BENCH_REGULATION") .. '","provision":"Điều 5, khoản 2"}]}'
