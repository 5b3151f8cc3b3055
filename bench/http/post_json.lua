-- A JSON write under load: POSTs BENCH_BODY with the session's CSRF token
-- (BENCH_CSRF) from the server's own origin (BENCH_ORIGIN); p95 as p95.lua.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = os.getenv("BENCH_CSRF")
wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
dofile("bench/http/p95.lua")
