import { applyCalcom, calcomView } from '../calcom/settings'
import { findCalcomConnection } from '../calcom/queries'
import { applyFhir, fhirView } from '../fhir/settings'
import { findFhirConnection } from '../fhir/queries'
import { applyWhatsapp, scheduleWithWhatsapp, whatsappView } from '../whatsapp/settings'
import { findWhatsappConnection } from '../whatsapp/queries'
import { practiceRouter } from '../auth/practice-auth'
import { applySilentSignIn, silentSignInView } from '../portal/silent-sign-in'
import type { Deps } from '../deps'
import { auditCaller } from '../audit/queries'
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
  const app = practiceRouter(deps, 'practice')

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
        return found && withConnections(tx, deps, found)
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
    input('json', PracticePatch),
    async (c) => {
      const { practiceId } = c.var.principal
      const { sms_gateway: gateway, silent_sign_in: silent, calcom, fhir, whatsapp, ...patch } = c.req.valid('json')
      const practice = await inPractice(deps.sql, practiceId, async (tx) => {
        let updated = Object.keys(patch).length
          ? await updatePractice(tx, practiceId, patch)
          : await findPractice(tx, practiceId)
        if (whatsapp !== undefined) {
          await applyWhatsapp(tx, deps.secret, practiceId, whatsapp, deps.clock())
          const schedule = whatsapp && updated && scheduleWithWhatsapp(updated.reminder_schedule)
          if (schedule) updated = await updatePractice(tx, practiceId, { reminder_schedule: schedule })
        }
        if (gateway !== undefined) {
          await setSmsGateway(
            tx,
            practiceId,
            gateway && { url: gateway.url, signingSecret: normaliseSigningSecret(gateway.signing_secret) },
            deps.clock(),
          )
        }
        if (silent !== undefined) await applySilentSignIn(tx, deps, practiceId, silent)
        if (calcom !== undefined) await applyCalcom(tx, practiceId, calcom, deps.clock())
        if (fhir !== undefined) await applyFhir(tx, practiceId, fhir, deps.clock())
        // A new schedule or a gateway coming or going changes which reminders every session gets.
        if (patch.reminder_schedule || gateway !== undefined || whatsapp !== undefined) {
          await replanPractice(tx, deps, practiceId)
        }
        await auditCaller(tx, c.var.principal, {
          action: 'practice.updated',
          subject: { kind: 'practice', id: practiceId },
          detail: {
            fields: [
              ...Object.keys(patch),
              ...(gateway !== undefined ? ['sms_gateway'] : []),
              ...(silent !== undefined ? ['silent_sign_in'] : []),
              ...(calcom !== undefined ? ['calcom'] : []),
              ...(fhir !== undefined ? ['fhir'] : []),
              ...(whatsapp !== undefined ? ['whatsapp'] : []),
            ],
          },
        })
        return updated && withConnections(tx, deps, updated)
      })
      if (!practice) throw notFound('The practice')
      return c.json(practice)
    },
  )
  return app
}

async function withConnections(tx: Tx, deps: Deps, practice: Practice): Promise<Practice> {
  const gateway = await findSmsGateway(tx, practice.id)
  const silent = silentSignInView(practice.slug, await findSilentSignIn(tx, practice.id))
  const calcom = calcomView(deps.publicUrl, practice.slug, await findCalcomConnection(tx, practice.id))
  const fhir = fhirView(await findFhirConnection(tx, practice.id))
  const whatsapp = whatsappView(deps.publicUrl, practice.slug, await findWhatsappConnection(tx, practice.id))
  return {
    ...practice,
    ...(gateway ? { sms_gateway: { url: gateway.url, has_signing_secret: true } } : {}),
    ...(silent ? { silent_sign_in: silent } : {}),
    ...(calcom ? { calcom } : {}),
    ...(fhir ? { fhir } : {}),
    ...(whatsapp ? { whatsapp } : {}),
  }
}
