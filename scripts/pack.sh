#!/usr/bin/env bash
# Builds and packs every published package (plugins/*) the way they would be published:
# type declarations first (yarn tsc), then `backstage-cli package build` and `yarn pack`, whose
# prepack swaps in the publishConfig entry points and turns `workspace:` ranges into versions.
# Usage: scripts/pack.sh [out-dir]   (default: dist-packages/; one <name>-<version>.tgz per package)
# Then checks that each tarball holds what it needs at run time, and nothing of the sources.
set -euo pipefail
if [ -z "${PLATFORM_PRODUCT_SETUP_DONE:-}" ]; then
  source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/dist-packages}" && cd "${1:-$ROOT/dist-packages}" && pwd)"
cd "$ROOT"

rm -f "$OUT"/*.tgz
# prepack rewrites package.json (keeping the original as package.json-prepack) and postpack puts it
# back; a pack that fails in between must not leave a package in its publish form
restore_manifests() {
  for saved in plugins/*/package.json-prepack; do
    [ -e "$saved" ] && mv "$saved" "${saved%-prepack}"
  done
  return 0
}
trap restore_manifests EXIT
# the publish metadata (exports, typesVersions, backstage.pluginPackages) must be what Backstage's
# CLI would write; `yarn backstage-cli repo fix --publish` writes it
yarn backstage-cli repo fix --publish --check
yarn tsc
yarn workspaces foreach --all --no-private --topological-dev run build
yarn workspaces foreach --all --no-private exec yarn pack --out "$OUT/%s-%v.tgz" >/dev/null
node scripts/check-packs.mjs "$OUT"
