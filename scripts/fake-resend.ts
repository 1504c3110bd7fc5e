import { startFakeResend } from '../api/testing/fakes/resend'

/** A loopback fake Resend for manual and smoke checks: prints its address, logs each email's subject and its Confirm link. */
const resend = await startFakeResend()
console.log(resend.url)
const push = resend.emails.push.bind(resend.emails)
resend.emails.push = (...emails) => {
  for (const email of emails) {
    console.log(`email to=${email.to} subject=${JSON.stringify(email.subject)}`)
    const confirm = /^Yes, I'll be there: (\S+)$/m.exec(email.text ?? '')?.[1]
    if (confirm) console.log(`confirm=${confirm}`)
  }
  return push(...emails)
}
process.on('SIGTERM', () => resend.close().then(() => process.exit(0)))
