import { dialable, displayPhone } from './phone'

/**
 * A sentence that names a phone number, with the number a `tel:` link to tap: "To book one, call
 * the practice at <a href="tel:+15550102000">(555) 010-2000</a>." Text without it stays as it is.
 */
export function TextWithPhone({ text, phone }: { text: string; phone: string | undefined | null }) {
  const shown = displayPhone(phone)
  const at = shown ? text.indexOf(shown) : -1
  if (!phone || !shown || at < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      <a class="link" href={`tel:${dialable(phone)}`}>
        {shown}
      </a>
      {text.slice(at + shown.length)}
    </>
  )
}
