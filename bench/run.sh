#!/usr/bin/env bash
# Benchmark harness entry point: bench/run.sh [sqlite|postgres|all] [bench.mjs options]
#   or: bench/run.sh plugin-only [sqlite|postgres|all] [pluginOnly.mjs options]
#   e.g. bench/run.sh sqlite --duration 20 --connections 16
#        BENCH_PROFILE=1 bench/run.sh postgres        (adds a CPU profile of the backend under load)
# Not part of the test command. See bench/README.md.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"

if [ "${BENCH_SKIP_SETUP:-}" = "1" ]; then
  # only the project's toolchain on PATH (Node 24, Yarn), no install
  export PATH="$ROOT/.toolchain/bin:$ROOT/.toolchain/node_modules/.bin:$PATH"
else
  # Node >= 22, Yarn and the dependencies (incl. autocannon), like scripts/start.sh and test.sh
  source "$ROOT/scripts/setup.sh"
fi
cd "$ROOT"

# Safety net: whatever happens to bench.mjs, its backend's process group does not outlive this script
PID_FILE="$BENCH_DIR/.data/backend.pid"
cleanup() {
  if [ -f "$PID_FILE" ]; then
    pid="$(cat "$PID_FILE")"
    if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then
      echo "[bench] stopping leftover backend process group $pid"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
  fi
}
trap cleanup EXIT

if [ "${1:-}" = "plugin-only" ]; then
  # the plugin alone in startTestBackend (bench/pluginOnly.mjs); its backend is its own child
  shift
  exec node "$BENCH_DIR/pluginOnly.mjs" "${@:-all}"
fi
node "$BENCH_DIR/bench.mjs" "${@:-all}"
