-- wrk script: POST /api/auth/register with a unique email per request (run id, thread id, counter).
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  n = 0
  run = os.getenv("BENCH_RUN") or tostring(os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local body = string.format(
    '{"email":"bench-%s-%d-%d@example.com","password":"bench password 123","name":"Bench %d"}',
    run, tid, n, n)
  return wrk.format(nil, nil, nil, body)
end

dofile(os.getenv("BENCH_DIR") .. "/auth-report.lua")
