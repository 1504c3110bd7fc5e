#!/usr/bin/env bash
# The Worker in the real Workers runtime: `wrangler dev` (workerd) with Hyperdrive pointed at the
# local Postgres, on a fresh database migrated from Node. Creates a practice through the operator
# API and reads it back with the new key. Needs DATABASE_URL (a server we may create databases on).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the local Postgres}"

port=${WORKER_SMOKE_PORT:-18795}
db="hearth_worker_smoke_$$"
server_url="${DATABASE_URL%/*}"
log=$(mktemp)
psql "$DATABASE_URL" -qc "create database $db"
cleanup() {
  pkill -f "wrangler dev --port $port" 2>/dev/null || true
  sleep 1
  psql "$DATABASE_URL" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT

DATABASE_URL="$server_url/$db" npx tsx scripts/migrate.ts >/dev/null
mkdir -p dist
# Hyperdrive's local connection string must carry a password; trust auth ignores it.
hyperdrive_url=$(node -e 'const u=new URL(process.argv[1]); u.password ||= "local"; u.pathname="/"+process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")
WRANGLER_SEND_METRICS=false CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE="$hyperdrive_url" \
  npx wrangler dev --port "$port" --ip 127.0.0.1 --var HEARTH_SECRET:worker-smoke-secret-0123456789 \
  --var HEARTH_OPERATOR_KEY:worker-smoke-operator --var RESEND_API_KEY:re_unused --var EMAIL_FROM:portal@hearth.example \
  >"$log" 2>&1 &

base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$base/healthz" | grep -q '"ok":true' || { cat "$log"; exit 1; }
created=$(curl -fsS -X POST -H 'authorization: Bearer worker-smoke-operator' -H 'content-type: application/json' \
  -d '{"name":"Edge Practice","slug":"edge","time_zone":"Europe/London","country":"GB"}' "$base/v1/operator/practices")
key=$(echo "$created" | grep -o '"key":"hearth_[^"]*"' | cut -d'"' -f4)
curl -fsS -H "authorization: Bearer $key" "$base/v1/practice" | grep -q '"slug":"edge"'
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'authorization: Bearer wrong' "$base/v1/practice")
[ "$status" = 401 ] || { echo "expected 401, got $status"; exit 1; }
echo "worker OK: workerd answered /healthz, created a practice and served it to its key"
