import type { MiddlewareHandler } from 'hono'
import { pageHeaders } from '../http/headers'
import { t } from '../i18n'
import { crisisLinks, crisisResourceFor, crisisSentence, helpNowLabel, orderCrisisResources } from '../../shared/crisis'
import type { CrisisResource, Locale } from '../../shared/schemas/policies'
import { escapeHtml } from './render'

/**
 * The small page behind a reminder's link: calm, readable on a phone, no JavaScript. The form
 * posts back to the same address. Served with a strict Content-Security-Policy: nothing loads,
 * the one stylesheet is allowed by its hash, and the page cannot be framed.
 */

type ChoiceOption = { value: string; label: string }
type TextArea = { name: 'reason' | 'note'; label: string }

export type ActionPage = {
  locale: Locale
  practiceName: string
  heading: string
  paragraphs: string[]
  /** The practice's crisis resources, on every page a link opens (none known: the generic emergency line). */
  crisis?: readonly CrisisResource[] | undefined
  /** A way on, shown before any form: the portal screen where the client can do more. */
  link?: { href: string; label: string } | undefined
  /** The quieter way out, after the form: e.g. "Keep my appointment", into the portal at that session. */
  secondary?: { href: string; label: string } | undefined
  /** Shown above the form, in a gentle box, e.g. "Please tick the box...". */
  notice?: string | undefined
  form?:
    | {
        acknowledge?: string | undefined
        /** An optional choice of one (the first option, checked, is "rather not say"). */
        choice?: { name: 'reason_code'; legend: string; skip: string; options: ChoiceOption[] } | undefined
        /** A choice of one free time, grouped by day; none chosen at first. */
        times?: { legend: string; days: { legend: string; options: ChoiceOption[] }[] } | undefined
        textarea?: TextArea | undefined
        /** What the client already chose, carried to the next step unchanged. */
        hidden?: Record<string, string> | undefined
        button: string
        /**
         * Two ways on from one form: `button` posts `next=<value>`, `other` the quieter second
         * choice, after its own lead and text box when it has them.
         */
        next?:
          | {
              value: string
              other: { label: string; value: string; lead?: string; textarea?: TextArea | undefined }
            }
          | undefined
      }
    | undefined
}

const CSS = `*{box-sizing:border-box}body{margin:0;background:#f5f3ee;color:#26312e;font:17px/1.55 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}main{max-width:34rem;margin:0 auto;padding:2.5rem 1.25rem}h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}p{margin:0 0 1rem}.card{background:#fff;border-radius:12px;padding:1.5rem}.notice{background:#fff6e5;border-left:4px solid #b7791f;padding:.75rem 1rem;border-radius:6px}label{display:block;margin:0 0 1rem}label.check,label.radio{display:flex;gap:.6rem;align-items:flex-start}label.radio{margin:0 0 .5rem}fieldset{border:0;margin:0 0 1rem;padding:0}legend{padding:0;margin:0 0 .6rem}input[type=radio]{width:1.2rem;height:1.2rem;margin-top:.2rem;flex:none}input[type=checkbox]{width:1.3rem;height:1.3rem;margin-top:.15rem;flex:none}textarea{display:block;width:100%;min-height:5rem;margin-top:.4rem;padding:.6rem;font:inherit;border:1px solid #8a9691;border-radius:8px}button,a.button{font:inherit;font-weight:600;background:#2f6f62;color:#fff;border:0;border-radius:8px;padding:.8rem 1.4rem;min-height:48px;cursor:pointer}button:focus-visible,a.button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}a.button{display:inline-block;text-decoration:none;margin:0 0 1.5rem}.secondary{margin:1.25rem 0 0}a.quiet,button.quiet{background:#fff;color:#2f6f62;border:2px solid #2f6f62;margin:0}button.quiet{margin-top:1rem}.other{margin:1.75rem 0 .75rem}fieldset.day{margin:0 0 1rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:0 1rem}fieldset.day legend{font-weight:600;margin-bottom:.25rem}fieldset.day label.radio{margin:0;min-height:44px;align-items:center}fieldset.day input[type=radio]{margin-top:0}legend.times{font-weight:700}.small{color:#56625e;font-size:.92rem;margin-top:1rem}.practice{max-width:34rem;margin:0 auto;padding:1.25rem 1.25rem 0;font-weight:700}.crisis{margin-top:1.25rem;background:#fff;border-left:4px solid #a23a2a;border-radius:12px;padding:1.1rem 1.5rem}.crisis h2{font-size:1.05rem;margin:0 0 .5rem;color:#a23a2a}.crisis ul{list-style:none;margin:0;padding:0}.crisis li{margin:.4rem 0}.crisis a{color:#7a2a1e;font-weight:600}`

let styleHash: string | undefined

const strictPageHeaders = pageHeaders({
  defaultSrc: ["'none'"],
  styleSrc: [() => `'sha256-${styleHash}'`],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
})

/** The page's headers: its one stylesheet allowed by its hash, nothing else, never stored. */
export const actionPageHeaders: MiddlewareHandler = async (c, next) => {
  styleHash ??= await sha256Base64(CSS)
  c.header('Cache-Control', 'no-store')
  return strictPageHeaders(c, next)
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
}

/** "Need help now?": the sentence, then each resource with numbers to tap. */
function crisisSection(locale: Locale, resources: readonly CrisisResource[]): string {
  const e = escapeHtml
  const items = orderCrisisResources(resources).map((saved) => {
    const resource = crisisResourceFor(saved, locale)
    const links = crisisLinks(resource)
    const actions = [
      links.call && `<a href="${e(links.call)}">${e(t(locale, 'action.crisis.call', { number: resource.phone! }))}</a>`,
      links.sms && `<a href="${e(links.sms)}">${e(t(locale, 'action.crisis.text', { number: resource.text! }))}</a>`,
    ].filter(Boolean)
    return actions.length ? `<li>${e(resource.name)}: ${actions.join(' · ')}</li>` : ''
  })
  return `<section class="crisis" aria-labelledby="crisis-title">
<h2 id="crisis-title">${e(helpNowLabel(locale))}</h2>
<p>${e(crisisSentence(resources, locale))}</p>
<ul>${items.join('')}</ul>
</section>`
}

const radio = (name: string, value: string, label: string, checked = false) =>
  `<label class="radio"><input type="radio" name="${name}" value="${escapeHtml(value)}"${checked ? ' checked' : ''}> <span>${escapeHtml(label)}</span></label>`

function choiceFieldset(choice: NonNullable<NonNullable<ActionPage['form']>['choice']>): string {
  return `<fieldset><legend>${escapeHtml(choice.legend)}</legend>
${radio(choice.name, '', choice.skip, true)}
${choice.options.map((o) => radio(choice.name, o.value, o.label)).join('\n')}
</fieldset>`
}

/** Each day its own group, so a screen reader hears the day with the time. */
function timesFieldset(times: NonNullable<NonNullable<ActionPage['form']>['times']>): string {
  const e = escapeHtml
  const days = times.days.map(
    (day) => `<fieldset class="day"><legend>${e(day.legend)}</legend>
${day.options.map((o) => radio('starts_at', o.value, o.label)).join('\n')}
</fieldset>`,
  )
  return `<fieldset><legend class="times">${e(times.legend)}</legend>
${days.join('\n')}
</fieldset>`
}

const textArea = (area: TextArea) =>
  `<label>${escapeHtml(area.label)}<textarea name="${area.name}" maxlength="500"></textarea></label>`

function buttons(form: NonNullable<ActionPage['form']>): string {
  const e = escapeHtml
  if (!form.next) return `<button type="submit">${e(form.button)}</button>`
  const { value, other } = form.next
  return `<button type="submit" name="next" value="${e(value)}">${e(form.button)}</button>
${other.lead ? `<p class="other">${e(other.lead)}</p>` : ''}
${other.textarea ? textArea(other.textarea) : ''}
<button type="submit" name="next" value="${e(other.value)}" class="quiet">${e(other.label)}</button>`
}

export function renderActionPage(page: ActionPage): string {
  const e = escapeHtml
  const form = page.form
    ? `<form method="post">
${page.form.choice ? choiceFieldset(page.form.choice) : ''}
${page.form.times ? timesFieldset(page.form.times) : ''}
${page.form.acknowledge ? `<label class="check"><input type="checkbox" name="acknowledge_late" value="yes"> <span>${e(page.form.acknowledge)}</span></label>` : ''}
${page.form.textarea ? textArea(page.form.textarea) : ''}
${Object.entries(page.form.hidden ?? {})
  .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
  .join('\n')}
${buttons(page.form)}
</form>`
    : ''
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${e(t(page.locale, 'action.page.title', { practice: page.practiceName }))}</title>
<style>${CSS}</style>
</head>
<body>
<header class="practice">${e(page.practiceName)}</header>
<main>
<div class="card">
<h1>${e(page.heading)}</h1>
${page.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${page.link ? `<p><a class="button" href="${e(page.link.href)}">${e(page.link.label)}</a></p>` : ''}
${page.notice ? `<p class="notice" role="alert">${e(page.notice)}</p>` : ''}
${form}
${page.secondary ? `<p class="secondary"><a class="button quiet" href="${e(page.secondary.href)}">${e(page.secondary.label)}</a></p>` : ''}
</div>
${crisisSection(page.locale, page.crisis ?? [])}
</main>
</body>
</html>`
}
