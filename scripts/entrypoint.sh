#!/usr/bin/env bash
# The one way the production build (`npm run build`, in .medusa/app) runs: the
# Dockerfile, docker-compose.yml, `npm start` and `npm run test:cluster` all
# call it, so what the image does is what the cluster test runs.
#
#   scripts/entrypoint.sh migrate   migrations; with LOYALTY_SEED=true the demo data too; then exits
#   scripts/entrypoint.sh server    the HTTP API and the admin (/app); no subscribers, no jobs
#   scripts/entrypoint.sh worker    subscribers and scheduled jobs; /health only
#   scripts/entrypoint.sh shared    both in one process (`npm start`)
#   scripts/entrypoint.sh exec <script.js> [args]
#                                   a script of the build once (`medusa exec`), e.g.
#                                   ./src/scripts/recover-loyalty.js or ./src/scripts/backfill-cashback.js
#
# Environment: DATABASE_URL (required), REDIS_URL (required for more than one
# process), PORT (9000), HOST (all interfaces), JWT_SECRET, COOKIE_SECRET,
# LOYALTY_SEED, and the store's other variables (README, "Running in production").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$ROOT/.medusa/app"
MEDUSA="$ROOT/node_modules/.bin/medusa"

fail() {
  echo "[loyalty-club] $*" >&2
  exit 1
}

role="${1:-}"
case "$role" in
  migrate | server | worker | shared | exec) ;;
  *) fail "usage: scripts/entrypoint.sh <migrate|server|worker|shared|exec>" ;;
esac

[ -n "${DATABASE_URL:-}" ] || fail "DATABASE_URL is not set (postgres://user:password@host:port/database)."
[ -f "$BUILD_DIR/medusa-config.js" ] || fail "No build in .medusa/app: run \`npm run build\` first."

# Medusa reads its config, ./src and the admin from the working directory.
cd "$BUILD_DIR"
export PORT="${PORT:-9000}"

case "$role" in
  migrate | exec)
    # A one-off process takes no events or jobs from the cluster's queues;
    # the events it emits wait in Redis for the worker.
    export MEDUSA_WORKER_MODE="${MEDUSA_WORKER_MODE:-server}"
    ;;
esac

case "$role" in
  exec)
    shift
    [ $# -gt 0 ] || fail "usage: scripts/entrypoint.sh exec <script.js> [args]"
    exec "$MEDUSA" exec "$@"
    ;;
  migrate)
    # Each instance then starts without migrating; the link sync only adds
    # what is safe (no table of a removed link is dropped).
    "$MEDUSA" db:migrate --execute-safe-links
    if [ "${LOYALTY_SEED:-}" = "true" ]; then
      # Idempotent: a second run adds only what a newer version brings.
      "$MEDUSA" exec ./demo/seed.js
    fi
    ;;
  server | worker | shared)
    if [ "$role" != "shared" ] && [ -z "${REDIS_URL:-}" ]; then
      echo "[loyalty-club] REDIS_URL is not set: the $role runs with in-memory events and jobs, which no other process sees." >&2
    fi
    export MEDUSA_WORKER_MODE="$role"
    # exec: SIGTERM from Docker or the cluster test reaches Medusa, which
    # finishes the requests in flight and closes its connections.
    exec "$MEDUSA" start
    ;;
esac
