import type { MiddlewareHandler } from 'hono'
import { pageHeaders } from '../http/headers'
import { t } from '../i18n'
import type { Locale } from '../../shared/schemas/policies'
import { escapeHtml } from './render'

/**
 * The small page behind a reminder's link: calm, readable on a phone, no JavaScript. The form
 * posts back to the same address. Served with a strict Content-Security-Policy: nothing loads,
 * the one stylesheet is allowed by its hash, and the page cannot be framed.
 */

export type ActionPage = {
  locale: Locale
  practiceName: string
  heading: string
  paragraphs: string[]
  /** Shown above the form, in a gentle box, e.g. "Please tick the box...". */
  notice?: string | undefined
  form?:
    | {
        acknowledge?: string | undefined
        textarea?: { name: 'reason' | 'note'; label: string } | undefined
        button: string
        after?: string | undefined
      }
    | undefined
}

const CSS = `*{box-sizing:border-box}body{margin:0;background:#f5f3ee;color:#26312e;font:17px/1.55 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}main{max-width:34rem;margin:0 auto;padding:2.5rem 1.25rem}h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}p{margin:0 0 1rem}.card{background:#fff;border-radius:12px;padding:1.5rem}.notice{background:#fff6e5;border-left:4px solid #b7791f;padding:.75rem 1rem;border-radius:6px}label{display:block;margin:0 0 1rem}label.check{display:flex;gap:.6rem;align-items:flex-start}input[type=checkbox]{width:1.3rem;height:1.3rem;margin-top:.15rem;flex:none}textarea{display:block;width:100%;min-height:5rem;margin-top:.4rem;padding:.6rem;font:inherit;border:1px solid #8a9691;border-radius:8px}button{font:inherit;font-weight:600;background:#2f6f62;color:#fff;border:0;border-radius:8px;padding:.8rem 1.4rem;min-height:48px;cursor:pointer}button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}.small{color:#56625e;font-size:.92rem;margin-top:1rem}`

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

export function renderActionPage(page: ActionPage): string {
  const e = escapeHtml
  const form = page.form
    ? `<form method="post">
${page.form.acknowledge ? `<label class="check"><input type="checkbox" name="acknowledge_late" value="yes" required> <span>${e(page.form.acknowledge)}</span></label>` : ''}
${page.form.textarea ? `<label>${e(page.form.textarea.label)}<textarea name="${page.form.textarea.name}" maxlength="500"></textarea></label>` : ''}
<button type="submit">${e(page.form.button)}</button>
${page.form.after ? `<p class="small">${e(page.form.after)}</p>` : ''}
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
<main>
<div class="card">
<h1>${e(page.heading)}</h1>
${page.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${page.notice ? `<p class="notice" role="alert">${e(page.notice)}</p>` : ''}
${form}
</div>
</main>
</body>
</html>`
}
