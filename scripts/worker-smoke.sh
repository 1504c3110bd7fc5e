#!/usr/bin/env bash
# The Worker in the real Workers runtime: `wrangler dev` (workerd) with Hyperdrive pointed at the
# local Postgres, on a fresh database migrated from Node. Creates a practice through the operator
# API and reads it back with the new key; then a client signed in silently moves their session to
# one of the therapist's free times from the portal API (the reschedule's transaction, advisory lock
# and exclusion constraint on Workers). Last, a staff member signs in on workerd: an emailed code
# (caught by a small fake Resend on loopback), enrolling an authenticator app, signing out and in
# again with a code from it, then reading the practice with the session cookie; and a passkey added
# and used to sign in from nothing.
# Needs DATABASE_URL (a server we may create databases on).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the local Postgres}"

port=${WORKER_SMOKE_PORT:-18795}
mail_port=${WORKER_SMOKE_MAIL_PORT:-18796}
db="hearth_worker_smoke_$$"
server_url="${DATABASE_URL%/*}"
log=$(mktemp)
mailbox=$(mktemp)
worker_pid=''
mail_pid=''
psql "$DATABASE_URL" -qc "create database $db"
cleanup() {
  # Each runs in its own process group (setsid): ending the group ends wrangler's workerd too.
  for pid in $worker_pid $mail_pid; do kill -- "-$pid" 2>/dev/null || true; done
  sleep 1
  psql "$DATABASE_URL" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -f "$log" "$mailbox"
}
trap cleanup EXIT

# Resend's POST /emails, answered with an id; each email one JSON line in $mailbox.
setsid node -e '
  const fs = require("node:fs")
  require("node:http").createServer((req, res) => {
    let body = ""
    req.on("data", (d) => (body += d)).on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") return res.writeHead(404).end()
      fs.appendFileSync(process.argv[1], JSON.stringify(JSON.parse(body)) + "\n")
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: crypto.randomUUID() }))
    })
  }).listen(Number(process.argv[2]), "127.0.0.1")' "$mailbox" "$mail_port" &
mail_pid=$!

DATABASE_URL="$server_url/$db" npx tsx scripts/migrate.ts >/dev/null
mkdir -p dist
# Hyperdrive's local connection string must carry a password; trust auth ignores it.
hyperdrive_url=$(node -e 'const u=new URL(process.argv[1]); u.password ||= "local"; u.pathname="/"+process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")
WRANGLER_SEND_METRICS=false CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE="$hyperdrive_url" \
  setsid npx wrangler dev --port "$port" --ip 127.0.0.1 --var HEARTH_SECRET:worker-smoke-secret-0123456789 \
  --var HEARTH_OPERATOR_KEY:worker-smoke-operator --var RESEND_API_KEY:re_unused --var EMAIL_FROM:portal@hearth.example \
  --var "RESEND_BASE_URL:http://127.0.0.1:$mail_port" >"$log" 2>&1 &
worker_pid=$!

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

# A staff member on Workers: the operator invites an owner, who accepts the link; then the emailed
# code (the practice requires a second factor, so it asks to enrol one), an authenticator app
# enrolled (its codes computed here with otpauth, as the app would), signing out, the code again
# and the app's next code, and the practice read with the session cookie. PUBLIC_URL is https, so
# the cookie is `__Host-hearth_staff` and changes need Origin = PUBLIC_URL.
origin=https://portal.hearth.example
owner=owner@edge.example
S=(-H 'content-type: application/json' -H "origin: $origin")
invited=$(curl -fsS -X POST -H 'authorization: Bearer worker-smoke-operator' "${S[@]}" \
  -d "{\"email\":\"$owner\",\"name\":\"Edge Owner\"}" "$base/v1/operator/practices/edge/owner-invitations")
invitation=$(echo "$invited" | json invitation_url)
curl -fsS "${S[@]}" -d "{\"token\":\"${invitation##*#invitation=}\"}" "$base/v1/staff/invitations/accept" >/dev/null
# POSTs with the cookie; prints the body, then the new session cookie (or the one sent, or `none`) on the last line.
staff_post() {
  local headers data=${3:-'{}'} with=()
  [ -z "${2:-}" ] || with=(-H "cookie: $2")
  headers=$(mktemp)
  curl -sS --fail-with-body -D "$headers" "${S[@]}" "${with[@]}" -d "$data" "$base$1" ||
    { echo "POST $1 failed" >&2; cat "$log" >&2; exit 1; }
  echo
  grep -io '^set-cookie: __Host-hearth_staff=[^;]*' "$headers" | cut -d' ' -f2 | tail -1 | grep . || echo "${2:-none}"
  rm -f "$headers"
}
# The newest sign-in code emailed to $1 once there are $2 of them (sent after the answer, by waitUntil).
code_for() {
  for _ in $(seq 1 30); do
    found=$(node -e 'const [file, to, n] = process.argv.slice(1)
      const mails = require("node:fs").readFileSync(file, "utf8").split("\n").filter(Boolean).map(JSON.parse)
        .filter((m) => [m.to].flat().includes(to) && m.tags?.some((t) => t.value === "staff_sign_in_code"))
      if (mails.length >= Number(n)) console.log(mails.at(-1).text.match(/\b\d{6}\b/)[0])' "$mailbox" "$1" "$2")
    [ -n "$found" ] && { echo "$found"; return; }
    sleep 0.5
  done
  echo "no sign-in code reached $1" >&2; cat "$log" >&2; exit 1
}
totp_at() {
  node --input-type=module -e '
    import { Secret, TOTP } from "otpauth"
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(process.argv[1]) })
    console.log(totp.generate({ timestamp: Number(process.argv[2]) }))' "$1" "$2"
}
last() { echo "$1" | tail -1; }
body() { echo "$1" | head -n -1; }

sent=$(staff_post /v1/staff/auth/start '' "{\"email\":\"$owner\"}")
[ "$(body "$sent" | json expires_in)" = 600 ] || { echo "start: $sent"; exit 1; }
verified=$(staff_post /v1/staff/auth/verify '' "{\"email\":\"$owner\",\"code\":\"$(code_for "$owner" 1)\"}")
[ "$(body "$verified" | json next)" = enroll_second_factor ] || { echo "verify: $verified"; exit 1; }
cookie=$(last "$verified")
enrolment=$(staff_post /v1/staff/me/totp "$cookie")
secret=$(body "$enrolment" | json secret)
enrolled_at=$(node -e 'console.log(Date.now())')
confirmed=$(staff_post /v1/staff/me/totp/confirm "$cookie" "{\"code\":\"$(totp_at "$secret" "$enrolled_at")\"}")
[ "$(body "$confirmed" | json next)" = done ] || { echo "totp enrolment: $confirmed"; exit 1; }
[ "$(last "$confirmed")" != "$cookie" ] || { echo "enrolling did not give the session a new id"; exit 1; }
staff_post /v1/staff/auth/logout "$(last "$confirmed")" >/dev/null

sent=$(staff_post /v1/staff/auth/start '' "{\"email\":\"$owner\"}")
verified=$(staff_post /v1/staff/auth/verify '' "{\"email\":\"$owner\",\"code\":\"$(code_for "$owner" 2)\"}")
[ "$(body "$verified" | json next)" = second_factor ] || { echo "verify with an app enrolled: $verified"; exit 1; }
# Each code works once: the app's next one (30 s on, inside the accepted drift).
signed_in=$(staff_post /v1/staff/auth/totp "$(last "$verified")" "{\"code\":\"$(totp_at "$secret" $((enrolled_at + 30000)))\"}")
[ "$(body "$signed_in" | json next)" = done ] || { echo "totp sign-in: $signed_in"; exit 1; }
cookie=$(last "$signed_in")
curl -fsS -H "cookie: $cookie" "$base/v1/practice" | grep -q '"slug":"edge"' || { echo "the practice read with the cookie failed"; exit 1; }
me=$(curl -fsS -H "cookie: $cookie" "$base/v1/staff/me")
[ "$(echo "$me" | json user.role)" = owner ] || { echo "me: $me"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: $(last "$verified")" "$base/v1/practice")
[ "$status" = 401 ] || { echo "the cookie from before the second factor still answered $status"; exit 1; }
echo "worker staff sign-in OK: on workerd an owner signed in with an emailed code, enrolled TOTP, signed in again with it and read the practice"

# Passkeys on Workers (Web Crypto only): the signed-in owner adds one (a software authenticator
# here, api/testing/authenticator.ts, answers as a phone would), signs out, and signs in with it
# from nothing; the counter it left is checked by the next sign-in.
BASE="$base" ORIGIN="$origin" COOKIE="$cookie" npx tsx -e '(async () => {
  const { softwareAuthenticator } = await import("./api/testing/authenticator.ts")
  const { BASE, ORIGIN } = process.env
  let cookie = process.env.COOKIE
  const post = async (path, body) => {
    const res = await fetch(BASE + path, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, ...(cookie && { cookie }) }, body: JSON.stringify(body ?? {}) })
    const set = res.headers.get("set-cookie")
    if (set) cookie = set.split(";")[0]
    const text = await res.text()
    if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${text}`)
    return text ? JSON.parse(text) : null
  }
  const authenticator = softwareAuthenticator(ORIGIN)
  const creation = await post("/v1/staff/me/passkeys/options")
  await post("/v1/staff/me/passkeys", { response: await authenticator.register(creation), name: "Edge phone" })
  await post("/v1/staff/auth/logout")
  cookie = undefined
  for (const round of [1, 2]) {
    const request = await post("/v1/staff/auth/passkey/options")
    const state = await post("/v1/staff/auth/passkey", { response: await authenticator.assert(request) })
    if (state.next !== "done") throw new Error("passkey sign-in " + round + ": " + JSON.stringify(state))
    const me = await (await fetch(BASE + "/v1/staff/me", { headers: { cookie } })).json()
    if (me.user?.role !== "owner" || !me.second_factors.includes("passkey")) throw new Error("me: " + JSON.stringify(me))
    cookie = undefined
  }
})().catch((error) => { console.error(error); process.exit(1) })' || { echo "passkeys on workerd failed"; cat "$log"; exit 1; }
echo "worker passkeys OK: on workerd an owner added a passkey and signed in with it from nothing, twice"
