-- wrk script: POST /api/auth/login for one account with the right password (successes never
-- count towards the throttle).
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("BENCH_EMAIL"), os.getenv("BENCH_PASSWORD"))
end

dofile(os.getenv("BENCH_DIR") .. "/auth-report.lua")
