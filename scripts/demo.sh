#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Beacon, generates the synthetic
# reference organisation, loads it into demo/beacon.db, shows what is loaded,
# and serves it in the foreground (Ctrl-C stops), printing the address and
# the first administrator's sign-in.
# Options: --scale F (default 1.0 = the reference trust), --port N (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=1.0
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "demo: unknown option $1" >&2; exit 2 ;;
  esac
done
scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release/beacon
mkdir -p demo
if [ ! -f demo/beacon.db ]; then
  rm -rf demo/files
  "$bin" generate --out demo/files --scale "$scale"
  "$bin" load --db demo/beacon.db demo/files
fi
"$bin" status --db demo/beacon.db
# The first administrator's password is printed only when it is created;
# demo/first-sign-in.txt keeps it (owner-only) so a second run can show it.
if [ -f demo/first-sign-in.txt ]; then
  echo "Sign in with:"
  cat demo/first-sign-in.txt
fi
umask 077
"$bin" serve --db demo/beacon.db --port "$port" | while IFS= read -r line; do
  echo "$line"
  case "$line" in
    "  user name:"*|"  password:"*) echo "$line" >> demo/first-sign-in.txt ;;
  esac
done
