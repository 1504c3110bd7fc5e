import type { Locale } from '../../shared/schemas/policies'
import { escapeHtml } from '../reminders/render'

/** The plain email Hearth sends the practice's own people (pages, notices, the digest): words, a list, a button. */
export type StaffEmail = {
  locale: Locale
  lead: string
  lines?: string[]
  button: { label: string; link: string; colour?: string }
  footer: string
}

export function staffEmailText(email: StaffEmail): string {
  return [
    email.lead,
    ...(email.lines?.length ? [email.lines.map((l) => `- ${l}`).join('\n')] : []),
    `${email.button.label}: ${email.button.link}`,
    email.footer,
  ].join('\n\n')
}

export function staffEmailHtml(email: StaffEmail): string {
  const list = email.lines?.length
    ? `<ul>${email.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : ''
  return `<!doctype html><html lang="${email.locale}"><body style="font:16px/1.5 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#26312e">
<p>${escapeHtml(email.lead)}</p>${list}
<p><a href="${escapeHtml(email.button.link)}" style="display:inline-block;background:${email.button.colour ?? '#2f5d50'};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(email.button.label)}</a></p>
<p style="color:#5f6b67;font-size:13px">${escapeHtml(email.footer)}</p></body></html>`
}
