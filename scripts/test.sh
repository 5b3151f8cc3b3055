#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Beacon and runs every test
# (unit, golden-file, store, HTTP and browser tests) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
cmake --workflow --preset ci
