#!/usr/bin/env bash
# The reminder dispatcher in the real Workers runtime: `wrangler dev --test-scheduled` on a fresh
# database, a session booked through the Worker, the cron trigger fired, and the confirmation
# request delivered to a loopback fake Resend. Needs DATABASE_URL (a server we may create databases on).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the local Postgres}"

port=${WORKER_SMOKE_PORT:-18796}
db="hearth_worker_reminders_$$"
server_url="${DATABASE_URL%/*}"
log=$(mktemp)
resend_log=$(mktemp)
psql "$DATABASE_URL" -qc "create database $db"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  sleep 1
  psql "$DATABASE_URL" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -f "$log" "$resend_log"
}
trap cleanup EXIT

DATABASE_URL="$server_url/$db" npx tsx scripts/migrate.ts >/dev/null
setsid npx tsx scripts/fake-resend.ts >"$resend_log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do grep -q '^http' "$resend_log" && break; sleep 0.5; done
resend_url=$(grep -m1 "^http" "$resend_log")

mkdir -p dist
hyperdrive_url=$(node -e 'const u=new URL(process.argv[1]); u.password ||= "local"; u.pathname="/"+process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")
WRANGLER_SEND_METRICS=false CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE="$hyperdrive_url" \
  setsid npx wrangler dev --test-scheduled --port "$port" --ip 127.0.0.1 --var HEARTH_SECRET:worker-smoke-secret-0123456789 \
  --var HEARTH_OPERATOR_KEY:worker-smoke-operator --var RESEND_API_KEY:re_smoke --var "RESEND_BASE_URL:$resend_url" \
  --var EMAIL_FROM:portal@hearth.example >"$log" 2>&1 &
pids+=($!)

base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$base/healthz" | grep -q '"ok":true' || { cat "$log"; exit 1; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }
key=$(curl -fsS -X POST -H 'authorization: Bearer worker-smoke-operator' -H 'content-type: application/json' \
  -d '{"name":"Edge Practice","slug":"edge","time_zone":"Asia/Tokyo","country":"JP"}' "$base/v1/operator/practices" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).api_key.key))')
H=(-H "authorization: Bearer $key" -H 'content-type: application/json')
# A client whose clock reads daytime now, so the late confirmation request is due at once.
zone=$(node -e 'for (const z of ["Asia/Tokyo","Europe/London","America/New_York","America/Los_Angeles","Asia/Kolkata","Pacific/Honolulu"]) { const h=Number(new Intl.DateTimeFormat("en-GB",{timeZone:z,hour:"2-digit",hourCycle:"h23"}).format(new Date())); if (h>=9&&h<18) { console.log(z); break } }')
therapist=$(curl -fsS "${H[@]}" -d '{"name":"Dr. Edge","email":"edge@example.com","time_zone":"Asia/Tokyo"}' "$base/v1/therapists" | json id)
client=$(curl -fsS "${H[@]}" -d "{\"name\":\"Kai\",\"email\":\"kai@example.com\",\"time_zone\":\"$zone\"}" "$base/v1/clients" | json id)
starts=$(node -e 'const t=new Date(Date.now()+30*3600e3); t.setUTCSeconds(0,0); console.log(t.toISOString())')
ends=$(node -e 'console.log(new Date(Date.parse(process.argv[1])+50*60e3).toISOString())' "$starts")
curl -fsS "${H[@]}" -d "{\"external_id\":\"edge-1\",\"therapist_id\":\"$therapist\",\"client_id\":\"$client\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"type\":\"Session\"}" \
  "$base/v1/appointments" >/dev/null

curl -fsS "$base/__scheduled?cron=*+*+*+*+*" >/dev/null
for _ in $(seq 1 30); do grep -q 'email to=kai@example.com' "$resend_log" && break; sleep 1; done
grep -q 'email to=kai@example.com subject="Please confirm your appointment' "$resend_log" || {
  cat "$log" "$resend_log"
  psql "$server_url/$db" -c "select status, channel, send_at, due_at, attempts, last_error, closed_reason from outbox"
  exit 1
}
sent=$(psql "$server_url/$db" -tAc "select count(*) from outbox where status = 'sent' and provider_message_id is not null")
[ "$sent" = 1 ] || { echo "expected 1 sent row, got $sent"; exit 1; }
echo "worker reminders OK: the cron trigger sent the confirmation request through Resend and recorded it"

# The email's Confirm link, signed on workerd, opens its page and confirms there.
confirm=$(grep -m1 '^confirm=' "$resend_log" | cut -d= -f2-)
action="$base/v1/actions/${confirm##*/v1/actions/}"
curl -fsS "$action" | grep -q '<form method="post">' || { echo "no confirm form at $action"; exit 1; }
curl -fsS -X POST -H 'content-type: application/x-www-form-urlencoded' --data '' "$action" >/dev/null
confirmed=$(psql "$server_url/$db" -tAc "select status from appointments")
[ "$confirmed" = confirmed ] || { cat "$log"; echo "after the link the session is $confirmed"; exit 1; }
echo "worker links OK: the emailed Confirm link opened on workerd and confirmed the session"

# The hourly trigger is housekeeping: an event id older than its week goes, a recent one stays.
psql "$server_url/$db" -qc "insert into inbound_events (practice_id, source, event_id, received_at)
  select id, 'resend', 'smoke-old', now() - interval '8 days' from practices where slug = 'edge'
  union all select id, 'resend', 'smoke-new', now() - interval '1 day' from practices where slug = 'edge'"
curl -fsS "$base/__scheduled?cron=17+*+*+*+*" >/dev/null
left=""
for _ in $(seq 1 30); do
  left=$(psql "$server_url/$db" -tAc "select string_agg(event_id, ',' order by event_id) from inbound_events where event_id like 'smoke-%'")
  [ "$left" = "smoke-new" ] && break
  sleep 1
done
[ "$left" = "smoke-new" ] || { cat "$log"; echo "housekeeping left: $left"; exit 1; }
echo "worker housekeeping OK: the hourly trigger deleted the old event id and kept the recent one"
