import { t } from '../i18n'
import { reminderText, type ReminderText, type ReminderTextInput } from '../../shared/reminders/text'
import type { Locale } from '../../shared/schemas/policies'
import type { LinkAction } from './action-token'

/**
 * A reminder as each channel carries it. The words come from `reminderText` (private by default);
 * this adds the email's layout and links and the push notification's buttons.
 */

export type ReminderLinks = Partial<Record<LinkAction, string>>

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const LINK_ORDER: LinkAction[] = ['confirm', 'cancel', 'reschedule']
const LABEL = {
  confirm: 'reminder.action.confirm',
  cancel: 'reminder.action.cancel',
  reschedule: 'reminder.action.reschedule',
} as const

export function reminderEmail(
  input: ReminderTextInput,
  links: ReminderLinks,
  accent = '#2f6f62',
): { subject: string; text: string; html: string } {
  const words = reminderText(input)
  const { locale, practiceName } = input
  const actions = LINK_ORDER.filter((a) => links[a]).map((a) => ({ label: t(locale, LABEL[a]), url: links[a]! }))
  const footer = t(locale, 'reminder.email.footer', { practice: practiceName })

  const text = [
    ...words.lines,
    actions.length
      ? [t(locale, 'reminder.action.intro'), ...actions.map((a) => `${a.label}: ${a.url}`)].join('\n')
      : '',
    footer,
  ]
    .filter(Boolean)
    .join('\n\n')

  const colour = /^#[0-9a-fA-F]{6}$/.test(accent) ? accent : '#2f6f62'
  const [primary, ...others] = actions
  const button = primary
    ? `<p style="margin:24px 0 12px"><a href="${escapeHtml(primary.url)}" style="display:inline-block;background:${colour};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(primary.label)}</a></p>`
    : ''
  const secondary = others.length
    ? `<p style="margin:0 0 8px">${others.map((a) => `<a href="${escapeHtml(a.url)}" style="color:${colour}">${escapeHtml(a.label)}</a>`).join(' &nbsp;·&nbsp; ')}</p>`
    : ''
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f5f3ee">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px;color:#26312e;font:16px/1.55 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif">
${words.lines.map((line) => `<p style="margin:0 0 14px">${escapeHtml(line)}</p>`).join('\n')}
${button}
${secondary}
<p style="margin:24px 0 0;color:#5f6b67;font-size:13px">${escapeHtml(footer)}</p>
</div>
</body></html>`
  return { subject: words.subject, text, html }
}

export function reminderSms(input: ReminderTextInput): string {
  return reminderText(input).sms
}

/** The push payload: far under 4 KB, with Confirm and Cancel buttons the service worker shows. */
export function reminderPush(input: ReminderTextInput, links: ReminderLinks, tag: string): string {
  const words: ReminderText = reminderText(input)
  const actions = (['confirm', 'cancel'] as const)
    .filter((a) => links[a])
    .map((a) => ({
      action: a,
      title: t(input.locale, a === 'confirm' ? 'reminder.push.confirm' : 'reminder.push.cancel'),
      url: links[a],
    }))
  return JSON.stringify({
    title: words.push.title,
    body: words.push.body,
    tag,
    url: links.confirm ?? links.cancel ?? links.reschedule,
    actions,
    lang: input.locale satisfies Locale,
  })
}
