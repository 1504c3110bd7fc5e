#!/usr/bin/env bash
# The Worker in the real Workers runtime: `wrangler dev` (workerd) with Hyperdrive pointed at the
# local Postgres, on a fresh database migrated from Node. Creates a practice through the operator
# API and reads it back with the new key; then a client signed in silently moves their session to
# one of the therapist's free times from the portal API (the reschedule's transaction, advisory lock
# and exclusion constraint on Workers). Needs DATABASE_URL (a server we may create databases on).
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

# A client moves their own session on Workers: the therapist's hours, a session three days out,
# silent sign-in (a token signed like a practice's backend would), the free times, the move.
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v?.[k];console.log(v??"")})' "$1"; }
H=(-H "authorization: Bearer $key" -H 'content-type: application/json')
therapist=$(curl -fsS "${H[@]}" -d '{"name":"Dr. Edge","email":"edge@example.com","time_zone":"Europe/London"}' "$base/v1/therapists" | json id)
hours='{"time_zone":"Europe/London","weekly":['
for day in 1 2 3 4 5 6 7; do hours+="{\"weekday\":$day,\"start\":\"07:00\",\"end\":\"21:00\"}"; [ $day = 7 ] || hours+=','; done
hours+='],"exceptions":[],"buffer_minutes":10,"min_notice_hours":2,"horizon_days":14}'
curl -fsS -X PUT "${H[@]}" -d "$hours" "$base/v1/therapists/$therapist/availability" >/dev/null
client=$(curl -fsS "${H[@]}" -d '{"name":"Kai","email":"kai@example.com","time_zone":"Europe/London"}' "$base/v1/clients" | json id)
starts=$(node -e 'const t=new Date(Date.now()+72*3600e3); t.setUTCHours(12,0,0,0); console.log(t.toISOString())')
ends=$(node -e 'console.log(new Date(Date.parse(process.argv[1])+50*60e3).toISOString())' "$starts")
session=$(curl -fsS "${H[@]}" -d "{\"external_id\":\"edge-1\",\"therapist_id\":\"$therapist\",\"client_id\":\"$client\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"type\":\"Session\"}" \
  "$base/v1/appointments" | json id)
secret=worker-smoke-silent-sign-in-secret-0123456789
curl -fsS -X PATCH "${H[@]}" -d "{\"silent_sign_in\":{\"issuer\":\"https://edge.example\",\"secret\":\"$secret\"}}" "$base/v1/practice" >/dev/null
token=$(node --input-type=module -e '
  import { SignJWT } from "jose"
  const now = Math.floor(Date.now() / 1000)
  console.log(await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer("https://edge.example")
    .setAudience("hearth:edge").setSubject("kai@example.com").setJti(crypto.randomUUID())
    .setIssuedAt(now).setExpirationTime(now + 120).sign(new TextEncoder().encode(process.argv[1])))' "$secret")
access=$(curl -fsS -H 'content-type: application/json' -d "{\"practice\":\"edge\",\"token\":\"$token\"}" \
  "$base/v1/portal/auth/exchange" | json access_token)
P=(-H "authorization: Bearer $access" -H 'content-type: application/json')
slots=$(curl -fsS "${P[@]}" "$base/v1/portal/appointments/$session/slots")
[ "$(echo "$slots" | json rule.outcome)" = move ] || { echo "expected an instant move: $slots"; exit 1; }
# A free time outside the cancellation window (48 hours by default), so moving back is instant too.
target=$(echo "$slots" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s).data; console.log(d.find(x=>Date.parse(x.starts_at)>Date.now()+50*3600e3&&Date.parse(x.starts_at)!==Date.parse(process.argv[1])).starts_at)})' "$starts")
moved=$(curl -fsS "${P[@]}" -d "{\"starts_at\":\"$target\"}" "$base/v1/portal/appointments/$session/reschedule")
same() { node -e 'process.exit(Date.parse(process.argv[1]) === Date.parse(process.argv[2]) ? 0 : 1)' "$1" "$2"; }
same "$(echo "$moved" | json starts_at)" "$target" || { echo "the move did not land at $target: $moved"; cat "$log"; exit 1; }
row=$(psql "$server_url/$db" -tAc "select version || ' ' || status from appointments where id = '$session'")
[ "$row" = "2 confirmed" ] || { echo "expected version 2, confirmed; the database holds: $row"; exit 1; }
# The time it left is free again: the session can go back to it.
back=$(curl -s -w '\n%{http_code}' "${P[@]}" -d "{\"starts_at\":\"$starts\"}" "$base/v1/portal/appointments/$session/reschedule")
[ "${back##*$'\n'}" = 200 ] || { echo "moving back to the freed time was refused: $back"; exit 1; }
echo "worker reschedule OK: on workerd a client read the free times and moved their session (same id, version 2), then back"
