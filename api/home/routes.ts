import { Hono } from 'hono'
import { html } from 'hono/html'
import type { AppEnv, Deps } from '../deps'
import { pageHeaders } from '../http/headers'

/**
 * Hearth's own front page: what this server is and where to go. The Calm Waters demo website is
 * on its own origin (DEMO_PORT), so it embeds the portal the way a practice's real site would.
 */
const homeHeaders = pageHeaders({
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
})

export function homeRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/', homeHeaders, (c) =>
    c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Hearth</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1d2a27; }
      a { color: #1f5a4f; }
      li { margin: 0.4rem 0; }
    </style>
  </head>
  <body>
    <main>
      <h1>Hearth</h1>
      <p>This server runs Hearth, a client portal that therapy practices embed on their own websites: clients see and confirm their sessions, cancel within the practice's policy and message their therapist.</p>
      <ul>
        ${deps.demoUrl ? html`<li><a href="${deps.demoUrl}/">The demo practice's website</a> (Calm Waters Counselling, on its own address, with the portal embedded)</li>` : ''}
        <li><a href="/staff">The staff console</a>, where a practice's team works</li>
        <li><a href="/openapi.json">The API contract</a> (OpenAPI 3.1)</li>
      </ul>
    </main>
  </body>
</html>`),
  )
}
