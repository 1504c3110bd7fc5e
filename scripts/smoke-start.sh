#!/usr/bin/env bash
# The newcomer path: `npm start` on a fresh embedded database (no DATABASE_URL), then the
# README's curl steps against it, then a restart that must keep the data. Any failure exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=$(mktemp -d)
port=${SMOKE_PORT:-18787}
log="$data_dir/start.log"
base="http://127.0.0.1:$port"
server=""

start_server() {
  # Its own session, so stopping it stops npm, tsx and node together.
  setsid env -u DATABASE_URL -u BOOTSTRAP_ADMIN_KEY DATA_DIR="$data_dir" PORT="$port" npm start >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "npm start exited:"; cat "$log"; exit 1; fi
    sleep 1
  done
  echo "no /healthz after 180 s"; cat "$log"; exit 1
}
stop_server() {
  [ -n "$server" ] || return 0
  kill -TERM -- "-$server" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}
trap 'stop_server; rm -rf "$data_dir"' EXIT

start_server
curl -fsS "$base/healthz" | grep -q '"ok":true'
key=$(grep -o 'hearth_[A-Za-z0-9_-]*' "$log" | head -n 1)
[ -n "$key" ] || { echo "npm start printed no admin key"; cat "$log"; exit 1; }
auth=(-H "Authorization: Bearer $key" -H 'content-type: application/json')

curl -fsS "${auth[@]}" "$base/v1/practice" | grep -q '"slug":"demo"'
therapist=$(curl -fsS "${auth[@]}" -d '{"name":"Dr. Smoke","email":"smoke@example.com","time_zone":"America/New_York"}' "$base/v1/therapists" | grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4)
client=$(curl -fsS "${auth[@]}" -d '{"name":"Sam Client","email":"sam.client@example.com","time_zone":"America/New_York"}' "$base/v1/clients" | grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4)
starts=$(date -u -d '+3 days' +%Y-%m-%dT15:00:00Z)
ends=$(date -u -d '+3 days' +%Y-%m-%dT15:50:00Z)
curl -fsS "${auth[@]}" -d "{\"external_id\":\"smoke-1\",\"therapist_id\":\"$therapist\",\"client_id\":\"$client\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"type\":\"Individual session\"}" "$base/v1/appointments" | grep -q '"status":"scheduled"'
curl -fsS "$base/" | grep -q 'This server runs Hearth'
# The demo website is on its own origin (DEMO_PORT, default PORT + 1), loading the widget from Hearth.
curl -fsS "http://127.0.0.1:$((port + 1))/" | grep -q "src=\"http://localhost:$port/widget.js\""
curl -fsS "$base/widget.js" >/dev/null
curl -fsS "$base/portal/demo" | grep -qi '<html'

stop_server
start_server
grep -q "$key" "$log" || { echo "the restart printed a different admin key"; cat "$log"; exit 1; }
curl -fsS "${auth[@]}" "$base/v1/therapists/$therapist" | grep -q 'Dr. Smoke' || { echo "the restart lost data"; exit 1; }
echo "newcomer path OK: npm start, /healthz, admin key, therapist, client and appointment created, data kept across a restart"
