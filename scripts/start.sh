#!/usr/bin/env bash
# Starts the demo Backstage: backend (embedded SQLite, demo catalog) on :7007, frontend on :3000.
# Installs what is missing first (Node 24 when the machine's Node is older than 22, Yarn, dependencies).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

echo "==> Starting the demo: open http://localhost:3000 and pick who you are (Jane Doe is a product manager)"
# demo feedback from the demo users, through the API, once the backend is up (scripts/seed-demo.mjs)
node "$ROOT/scripts/seed-demo.mjs" &
exec yarn start
