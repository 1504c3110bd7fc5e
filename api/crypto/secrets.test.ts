import { describe, expect, it } from 'vitest'
import { derivedKeyBytes, keyedHash, openText, sealText } from './secrets'

const ROOT = 'root-secret-for-tests-0123456789abcdef'

describe('derived keys and sealing', () => {
  it('derive a different key per purpose and per root secret', async () => {
    const a = await derivedKeyBytes(ROOT, 'message-body')
    expect(a).toHaveLength(32)
    expect(a).not.toEqual(await derivedKeyBytes(ROOT, 'portal-access-token'))
    expect(a).not.toEqual(await derivedKeyBytes(`${ROOT}x`, 'message-body'))
    expect(a).toEqual(await derivedKeyBytes(ROOT, 'message-body'))
  })

  it('seal text so it opens only with the same purpose, root and binding', async () => {
    const sealed = await sealText(ROOT, 'message-body', 'Private words', 'practice:message-1')
    expect(new TextDecoder().decode(sealed.ciphertext)).not.toContain('Private')
    expect(await openText(ROOT, 'message-body', sealed, 'practice:message-1')).toBe('Private words')
    await expect(openText(ROOT, 'message-body', sealed, 'practice:message-2')).rejects.toThrow()
    await expect(openText(ROOT, 'alert-client-note', sealed, 'practice:message-1')).rejects.toThrow()
    await expect(openText(`${ROOT}x`, 'message-body', sealed, 'practice:message-1')).rejects.toThrow()
    const again = await sealText(ROOT, 'message-body', 'Private words', 'practice:message-1')
    expect(again.iv).not.toEqual(sealed.iv)
  })

  it('hash guessable values under a key', async () => {
    const hash = await keyedHash(ROOT, 'sign-in-code', 'id:123456')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(await keyedHash(ROOT, 'sign-in-code', 'id:123456'))
    expect(hash).not.toBe(await keyedHash(`${ROOT}x`, 'sign-in-code', 'id:123456'))
  })
})
