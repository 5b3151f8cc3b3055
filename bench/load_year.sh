#!/usr/bin/env bash
# Loading one year's returns (CIN census XML + SSDA903 CSVs) of a generated
# organisation into a new store, at the reference scale and larger, reporting
# seconds, peak memory and rows per second. On demand, not in CI:
#   bench/load_year.sh [BEACON_BINARY] [SCALES...]   (default: build/release/beacon 1 10)
set -euo pipefail
bin=${1:-build/release/beacon}
shift || true
scales=("${@:-1 10}")
[ $# -eq 0 ] && scales=(1 10)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "%-6s %10s %9s %12s %12s\n" scale rows seconds "peak MB" "rows/s"
for s in "${scales[@]}"; do
  "$bin" generate --out "$work/org$s" --scale "$s" --years 2 >/dev/null
  year=$(ls "$work/org$s/ssda903" | sort | tail -1)
  cin=$(ls "$work/org$s/cin_census"/*.xml | sort | tail -1)
  /usr/bin/time -f "%e %M" -o "$work/time$s" \
    "$bin" load --db "$work/s$s.db" "$cin" "$work/org$s/ssda903/$year" >"$work/report$s"
  read -r secs kb <"$work/time$s"
  rows=$(sed -n 's/.*added \([0-9,]*\),.*/\1/p' "$work/report$s" | head -1 | tr -d ,)
  printf "%-6s %10s %9s %12s %12s\n" "$s" "$rows" "$secs" "$((kb / 1024))" \
    "$(awk -v r="$rows" -v t="$secs" 'BEGIN { printf "%d", r / t }')"
  rm -rf "$work/org$s" "$work/s$s.db"*
done
