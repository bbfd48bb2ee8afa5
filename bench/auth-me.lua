-- wrk script: GET /api/auth/me with a bearer token (JWT check + live-session check + user query).
function init(args)
  wrk.method = "GET"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

dofile(os.getenv("BENCH_DIR") .. "/auth-report.lua")
