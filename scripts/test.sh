#!/usr/bin/env bash
# Runs every check: type check, build and pack, lint, prettier, unit and store tests, browser tests,
# the reliability checks (reliability/run.sh: replicas, a database restart), and the install test
# (the packed suite in an app made by Backstage's generator, new frontend system).
# Installs what is missing first, like start.sh. Store tests also run on PostgreSQL when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (.ci/run sets it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# TestDatabases must never try to start Docker containers (there is no Docker engine here)
export BACKSTAGE_TEST_DISABLE_DOCKER=1

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "==> Installing Chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

passed=0
failed=0
step() {
  local name="$1"
  shift
  echo
  echo "==> $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "==> $name: ok ($((SECONDS - start))s)"
  else
    failed=$((failed + 1))
    echo "==> $name: FAILED ($((SECONDS - start))s)"
  fi
}

step "type check" yarn tsc
step "build and pack every published package" bash scripts/pack.sh
step "lint" yarn backstage-cli repo lint
step "prettier" yarn prettier --check .
step "unit and store tests" env CI=true yarn backstage-cli repo test
step "browser tests" yarn playwright test
# two backend replicas on a private PostgreSQL (port 55433), which is then restarted under load
step "reliability (replicas, database restart)" bash reliability/run.sh
# the packed packages of the pack step, installed into an app made by Backstage's generator
step "install test (new frontend system)" env TRY_INSTALL_PACKAGES="$PWD/dist-packages" bash scripts/try-install.sh next

echo
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
