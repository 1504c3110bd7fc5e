import { t } from '../i18n'
import type { NoticeText } from '../../shared/notices/text'
import type { Locale } from '../../shared/schemas/policies'
import { escapeHtml } from '../reminders/render'

/** A notice as an email: the reminders' calm layout, the paragraphs, one button into the portal. */
export function noticeEmail(
  words: NoticeText,
  link: string,
  options: { locale: Locale; practiceName: string; accent?: string | undefined },
): { subject: string; text: string; html: string } {
  const footer = t(options.locale, 'notice.footer', { practice: options.practiceName })
  const colour = options.accent && /^#[0-9a-fA-F]{6}$/.test(options.accent) ? options.accent : '#2f6f62'
  const text = [...words.lines, `${words.button}: ${link}`, footer].join('\n\n')
  const html = `<!doctype html>
<html lang="${options.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f5f3ee">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px;color:#26312e;font:16px/1.55 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif">
${words.lines.map((line) => `<p style="margin:0 0 14px">${escapeHtml(line)}</p>`).join('\n')}
<p style="margin:24px 0 12px"><a href="${escapeHtml(link)}" style="display:inline-block;background:${colour};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(words.button)}</a></p>
<p style="margin:24px 0 0;color:#5f6b67;font-size:13px">${escapeHtml(footer)}</p>
</div>
</body></html>`
  return { subject: words.subject, text, html }
}

/** The push payload the service worker shows: far under 4 KB, opening the portal on tap. */
export function noticePush(words: NoticeText, link: string, tag: string, locale: Locale): string {
  return JSON.stringify({ title: words.push.title, body: words.push.body, tag, url: link, actions: [], lang: locale })
}
