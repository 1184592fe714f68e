#!/usr/bin/env bash
# Reliability checks that need real processes (issue 14): two replicas on one private PostgreSQL
# (exactly-once delivery, scheduled tasks once per period, a replica killed mid-delivery), and
# that PostgreSQL restarted under load (503s, recovery, nothing lost, counters = rows).
# Needs PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin) and root (initdb and
# pg_ctl run as the postgres user) or a user that may run them. ~2.5 minutes on 2 cores.
# See reliability/README.md. The concurrent-writers check (item 3) is a store test of the
# backend plugin (src/database/concurrentWriters.test.ts), run with the unit and store tests.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
if [ "${PLATFORM_PRODUCT_SETUP_DONE:-}" != "1" ]; then
  source "$ROOT/scripts/setup.sh"
fi
cd "$ROOT"

# Safety net: whatever happens to run.mjs, its backends' process groups do not outlive this script
cleanup() {
  for pid_file in "$HERE"/.data/backend-*.pid; do
    [ -f "$pid_file" ] || continue
    pid="$(cat "$pid_file")"
    if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then
      echo "[reliability] stopping leftover backend process group $pid"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
  done
}
trap cleanup EXIT

node "$HERE/run.mjs" "$@"
