import { Hono } from 'hono'
import { adminOnly, apiKeyAuth } from '../api-keys/auth'
import { applySilentSignIn, silentSignInView } from '../portal/silent-sign-in'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { findPractice, updatePractice } from './queries'
import { findSilentSignIn } from '../portal/silent-sign-in-queries'
import { findSmsGateway, setSmsGateway } from './sms-gateway-queries'
import { normaliseSigningSecret } from '../providers/sms'
import { replanPractice } from '../reminders/replan'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { Practice, PracticePatch } from '../../shared/schemas/practice'

export function practiceRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps))

  app.get(
    '/',
    describe({
      summary: "The key's practice",
      tags: ['practice'],
      auth: 'api_key',
      responses: { 200: { description: 'The practice', schema: Practice } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const practice = await inPractice(deps.sql, practiceId, async (tx) => {
        const found = await findPractice(tx, practiceId)
        return found && withSmsGateway(tx, found)
      })
      if (!practice) throw notFound('The practice')
      return c.json(practice)
    },
  )

  app.patch(
    '/',
    describe({
      summary: "Change the practice's settings and policies",
      tags: ['practice'],
      auth: 'admin',
      responses: { 200: { description: 'The updated practice', schema: Practice } },
    }),
    adminOnly,
    input('json', PracticePatch),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const { sms_gateway: gateway, silent_sign_in: silent, ...patch } = c.req.valid('json')
      const practice = await inPractice(deps.sql, practiceId, async (tx) => {
        const updated = Object.keys(patch).length
          ? await updatePractice(tx, practiceId, patch)
          : await findPractice(tx, practiceId)
        if (gateway !== undefined) {
          await setSmsGateway(
            tx,
            practiceId,
            gateway && { url: gateway.url, signingSecret: normaliseSigningSecret(gateway.signing_secret) },
            deps.clock(),
          )
        }
        if (silent !== undefined) await applySilentSignIn(tx, deps, practiceId, silent)
        // A new schedule or a gateway coming or going changes which reminders every session gets.
        if (patch.reminder_schedule || gateway !== undefined) await replanPractice(tx, deps, practiceId)
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'practice.updated',
          subject: { kind: 'practice', id: practiceId },
          detail: {
            fields: [
              ...Object.keys(patch),
              ...(gateway !== undefined ? ['sms_gateway'] : []),
              ...(silent !== undefined ? ['silent_sign_in'] : []),
            ],
          },
        })
        return updated && withSmsGateway(tx, updated)
      })
      if (!practice) throw notFound('The practice')
      return c.json(practice)
    },
  )
  return app
}

async function withSmsGateway(tx: Tx, practice: Practice): Promise<Practice> {
  const gateway = await findSmsGateway(tx, practice.id)
  const silent = silentSignInView(practice.slug, await findSilentSignIn(tx, practice.id))
  return {
    ...practice,
    ...(gateway ? { sms_gateway: { url: gateway.url, has_signing_secret: true } } : {}),
    ...(silent ? { silent_sign_in: silent } : {}),
  }
}
