#!/usr/bin/env bash
# On demand, not CI: the web application's speed on the default synthetic
# organisation. Builds the release binary, generates and loads the
# organisation (unless demo/beacon.db exists), serves it on a loopback port,
# signs in, then runs wrk with 50 connections against every page and API
# call (p95 from wrk's latency distribution), times exports and an upload,
# checks that 200 idle keep-alive connections do not stall others, and last
# runs two QA writes under the same load (--writes 0 to leave the store as
# it was: each run adds thousands of complaints and compliments).
# Usage: bench/http/run.sh [--scale 1.0] [--seconds 15] [--bin PATH] [--db PATH] [--only REGEX]
#                          [--writes 1]
#   --bin: an already built beacon (e.g. build/ci/beacon) instead of building
#          the release preset; --db: an already loaded store; --only: just
#          the paths the extended regular expression matches.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=1.0
seconds=15
bin=""
db=""
only=""
writes=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --writes) writes="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk; }
if [ -z "$bin" ]; then
  cmake --preset release >/dev/null && cmake --build --preset release -j2 >/dev/null
  bin=build/release/beacon
fi
work=bench/http/work
mkdir -p "$work"
if [ -z "$db" ]; then
  db="$work/beacon.db"
  if [ ! -f "$db" ]; then
    "$bin" generate --out "$work/files" --scale "$scale"
    "$bin" load --db "$db" "$work/files"
  fi
fi
port=18080
"$bin" serve --db "$db" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q "serving at" "$work/serve.log" && break; sleep 0.5; done
base="http://127.0.0.1:$port"
password=$(sed -n 's/^  password:  //p' "$work/serve.log")
# A store whose first administrator was made earlier: BEACON_BENCH_PASSWORD.
if [ -n "${BEACON_BENCH_PASSWORD:-}" ]; then password="$BEACON_BENCH_PASSWORD"
elif [ -z "$password" ]; then password=$(cat "$work/admin-password" 2>/dev/null || true)
else echo "$password" > "$work/admin-password"; fi
jar="$work/cookies.txt"
rm -f "$jar"
token=$(curl -s -c "$jar" "$base/sign-in" | sed -n 's/.*name="sign_in_token" value="\([^"]*\)".*/\1/p')
# Another administrator of an existing store: BEACON_BENCH_USER (with BEACON_BENCH_PASSWORD).
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "sign_in_token=$token" \
  --data-urlencode "user=${BEACON_BENCH_USER:-admin}" --data-urlencode "password=$password" "$base/sign-in"
session=$(awk '$6=="beacon_session"{print $7}' "$jar")
[ -n "$session" ] || { echo "bench: could not sign in" >&2; exit 1; }
# Warm the caches the way the first visitors would.
curl -s -o /dev/null -b "beacon_session=$session" "$base/scorecard"

child=$(curl -s -b "beacon_session=$session" "$base/api/indicators/KPI3/drill" | sed -n 's/.*"child_id":"\([^"]*\)".*/\1/p' | head -1)
worker=$(curl -s -b "beacon_session=$session" "$base/api/units" | sed -n 's/.*"workers":\[{"id":"\([^"]*\)".*/\1/p')
team=$(curl -s -b "beacon_session=$session" "$base/api/units" | grep -o '"id":"[^"]*","kind":"team"' | head -1 | cut -d'"' -f4)
first_id() { curl -s -b "beacon_session=$session" "$base$1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
cycle=$(first_id /api/qa/cycles)
evaluation=$(curl -s -b "beacon_session=$session" "$base/api/qa/cycles/$cycle" | sed -n 's/.*"evaluations":\[{[^}]*"id":\([0-9]*\).*/\1/p')
plan=$(first_id /api/qa/plans)
load=$(first_id /api/loads)
# Every page and JSON API call that answers a GET (src/web/routes.cc), with
# ids from the store; exports are timed once each below.
paths=(/ /account "/my-children?worker=$worker" "/my-team?team=$team" /scorecard /indicators/KPI3 "/indicators/KPI3?unit=$worker" /portraits /portraits/cla
       /worklists "/worklists?unit=$worker" "/children/$child" /data "/data/loads/$load"
       /admin/users /admin/users/1 /admin/audit
       /qa "/qa/cycles/$cycle" "/qa/cycles/$cycle/briefing" "/qa/evaluations/$evaluation"
       "/qa/evaluations/$evaluation/moderate" /qa/recommendations /qa/feedback /qa/compliments/new
       /qa/surveys/new /qa/plans /qa/plans/new "/qa/plans/$plan" "/qa/plans/$plan/actions/new"
       /qa/triangulation
       /openapi.json /api/session /api/units /api/scorecard /api/indicators /api/indicators/KPI3
       /api/indicators/KPI3/breakdown /api/indicators/KPI3/drill /api/portraits/cla /api/worklists
       "/api/children/$child" /api/loads "/api/loads/$load" /api/audit
       /api/qa/question-sets/practice-evaluation /api/qa/cycles "/api/qa/cycles/$cycle"
       "/api/qa/cycles/$cycle/briefing" "/api/qa/evaluations/$evaluation" /api/qa/recommendations
       /api/qa/feedback /api/qa/plans "/api/qa/plans/$plan" /api/qa/triangulation)
if [ -n "$only" ]; then
  kept=()
  for p in "${paths[@]}"; do [[ "$p" =~ $only ]] && kept+=("$p"); done
  paths=("${kept[@]}")
fi
report="$work/report.txt"
: > "$report"
echo "== 50 connections, ${seconds}s each (p95 from bench/http/p95.lua)" | tee -a "$report"
for p in "${paths[@]}"; do
  # Steady state: the path's first answer (computed once, then kept) is not
  # what 50 clients keep asking for; first requests are timed below.
  curl -s -o /dev/null -b "beacon_session=$session" "$base$p"
  out=$(wrk -t2 -c50 -d"${seconds}s" -s bench/http/p95.lua -H "Cookie: beacon_session=$session" "$base$p")
  p95=$(echo "$out" | grep '^p95')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  printf '%-40s %s, %s req/s\n' "$p" "$p95" "$rps" | tee -a "$report"
done
echo "== the first request for a date not yet computed (seconds)" | tee -a "$report"
for p in "/api/scorecard?scope=all&to=2025-03-31" "/api/indicators/KPI3?to=2024-10-31" \
         "/api/indicators/KPI3/drill?to=2024-10-31" "/api/indicators/KPI4?to=2024-09-30" \
         "/api/worklists?to=2025-06-30" "/worklists?to=2025-06-30&unit=$worker"; do
  t=$(curl -s -o /dev/null -w '%{time_total}' -b "beacon_session=$session" "$base$p")
  printf '%-40s %s\n' "$p" "$t" | tee -a "$report"
done
echo "== exports and upload (seconds)" | tee -a "$report"
for p in /scorecard.xlsx /scorecard.pdf /indicators/KPI3/drill.csv /indicators/KPI3/drill.xlsx /portraits/cla.pdf /portraits/cla.png; do
  t=$(curl -s -o /dev/null -w '%{time_total}' -b "beacon_session=$session" "$base$p")
  printf '%-40s %s\n' "$p" "$t" | tee -a "$report"
done
csrf=$(curl -s -b "beacon_session=$session" "$base/api/session" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
# A file of the organisation's own (the visits extract is the largest CSV).
sample=$(find "$work/files" "$(dirname "$db")/files" -name 'visit_status.csv' 2>/dev/null | head -1 || true)
if [ -n "$sample" ]; then
  start=$(date +%s%N)
  answer=$(curl -s -b "beacon_session=$session" -H "X-CSRF-Token: $csrf" -H "Origin: $base" \
      -F "files=@$sample" "$base/api/uploads")
  accepted=$(( ($(date +%s%N) - start) / 1000000 ))
  job=$(echo "$answer" | sed -n 's/.*"job":"\{0,1\}\([^",}]*\).*/\1/p')
  state=""
  for _ in $(seq 1 1200); do
    state=$(curl -s -b "beacon_session=$session" "$base/api/uploads/$job" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
    [ "$state" = done ] || [ "$state" = failed ] && break
    sleep 0.1
  done
  finished=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-40s accepted in %d ms; %s after %d ms (the load runs in the background)\n' \
    "upload $(basename "$sample") ($(du -k "$sample" | cut -f1) KB)" "$accepted" "$state" "$finished" | tee -a "$report"
fi
echo "== 200 idle keep-alive connections held while others are served" | tee -a "$report"
python3 - "$port" "$session" <<'PY' | tee -a "$report"
import socket, sys, time
port, session = int(sys.argv[1]), sys.argv[2]
req = f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
idle = []
for _ in range(200):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(req); s.recv(4096); idle.append(s)
worst = 0.0
for _ in range(20):
    t = time.time()
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /api/indicators/KPI3 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: beacon_session={session}\r\nConnection: close\r\n\r\n".encode())
    while s.recv(65536): pass
    worst = max(worst, time.time() - t); s.close()
print(f"200 idle connections open; slowest of 20 other requests: {worst*1000:.0f} ms")
for s in idle: s.close()
PY
if [ "$writes" = 1 ]; then
  echo "== QA writes, 50 connections, ${seconds}s each (each commits with a full sync)" | tee -a "$report"
  # The first worker's team.
  team=$(curl -s -b "beacon_session=$session" "$base/api/units" | sed -n 's/.*"workers":\[{[^}]*"team":"\([^"]*\)".*/\1/p')
  for write in "/api/qa/complaints|{\"stage\":1,\"received\":\"2026-03-02\",\"theme\":\"no-reply\",\"complainant\":\"child\",\"team_id\":\"$team\"}" \
               "/api/qa/compliments|{\"received\":\"2026-03-02\",\"team_id\":\"$team\",\"from\":\"parent\",\"summary\":\"Thank you\"}"; do
    p=${write%%|*}
    out=$(BENCH_BODY=${write#*|} BENCH_CSRF=$csrf BENCH_ORIGIN=$base \
          wrk -t2 -c50 -d"${seconds}s" -s bench/http/post_json.lua -H "Cookie: beacon_session=$session" "$base$p")
    printf '%-40s %s, %s req/s\n' "POST $p" "$(echo "$out" | grep '^p95')" "$(echo "$out" | awk '/Requests\/sec/{print $2}')" | tee -a "$report"
  done
fi
echo "Report: $report"
