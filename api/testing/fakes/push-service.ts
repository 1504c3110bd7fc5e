import { execFileSync } from 'node:child_process'
import { createDecipheriv, createECDH, createHmac, randomBytes } from 'node:crypto'
import { Agent } from 'node:https'
import { json, listen } from './http'

/**
 * A web push service on loopback, over HTTPS as `web-push` requires (a throwaway certificate made
 * with openssl; the sender trusts it through `agent`). It plays the browser too: `subscribe()`
 * makes a real P-256 key pair and auth secret, so every message received is decrypted (RFC 8291)
 * and tests read the notification exactly as the service worker would.
 */

export type FakeSubscription = { endpoint: string; keys: { p256dh: string; auth: string } }
export type ReceivedPush = { endpoint: string; topic?: string; ttl?: string; vapid: boolean; payload: unknown }

const b64url = (buffer: Buffer) => buffer.toString('base64url')
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest()

function selfSignedCertificate(): { key: string; cert: string } {
  const pem = execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      '-',
      '-out',
      '-',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  )
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0]
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0]
  if (!key || !cert) throw new Error('openssl did not make a certificate')
  return { key: `${key}\n`, cert: `${cert}\n` }
}

function decrypt(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, auth: Buffer): unknown {
  const salt = body.subarray(0, 16)
  const idLength = body.readUInt8(20)
  const asPublic = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const uaPublic = uaPrivate.getPublicKey()
  const shared = uaPrivate.computeSecret(asPublic)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic])
  const ikm = hmac(hmac(auth, shared), Buffer.concat([keyInfo, Buffer.from([1])]))
  const prk = hmac(salt, ikm)
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16)
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12)
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  const end = padded.lastIndexOf(2)
  return JSON.parse(padded.subarray(0, end).toString('utf8'))
}

export async function startFakePushService() {
  const tls = selfSignedCertificate()
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>()
  const gone = new Set<string>()
  const received: ReceivedPush[] = []
  const server = await listen((request, _body, response, raw) => {
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1]
    const browser = id ? browsers.get(id) : undefined
    if (!id || !browser) return json(response, 404, { reason: 'unknown subscription' })
    if (gone.has(id)) return json(response, 410, { reason: 'unsubscribed' })
    received.push({
      endpoint: `${server.url}/push/${id}`,
      topic: request.headers.topic as string | undefined,
      ttl: request.headers.ttl as string | undefined,
      vapid: /^vapid t=.+, k=.+/.test(request.headers.authorization ?? ''),
      payload: decrypt(raw, browser.ecdh, browser.auth),
    })
    response.writeHead(201)
    response.end()
  }, tls)

  return {
    url: server.url,
    received,
    /** A trusted agent for `webPushSender({ agent })`. */
    agent: new Agent({ ca: tls.cert, keepAlive: true }),
    /** A new browser subscription on this service. */
    subscribe(): FakeSubscription {
      const id = b64url(randomBytes(9))
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      const auth = randomBytes(16)
      browsers.set(id, { ecdh, auth })
      return { endpoint: `${server.url}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } }
    },
    /** The browser unsubscribed: the service now answers 410 Gone. */
    expire(endpoint: string) {
      gone.add(endpoint.split('/').pop()!)
    },
    close: server.close,
  }
}
export type FakePushService = Awaited<ReturnType<typeof startFakePushService>>
