/*
| AES-256-GCM for one field value. Stored text: `v1:` + base64(iv | tag | ciphertext),
| a fresh 12-byte IV per value. GCM authenticates: a wrong key or a changed byte
| throws (fails closed) instead of returning garbage.
*/
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { currentKeys } from './keys.js'

const VERSION = 'v1:'

export class SensitiveDecryptError extends Error {
  constructor() {
    super('sensitive value cannot be decrypted (wrong key or damaged value)')
    this.name = 'SensitiveDecryptError'
  }
}

export function encryptValue(clear: string, key: Buffer = currentKeys().encryption): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()])
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

export function decryptValue(stored: string, key: Buffer = currentKeys().encryption): string {
  if (!stored.startsWith(VERSION)) throw new SensitiveDecryptError()
  const raw = Buffer.from(stored.slice(VERSION.length), 'base64')
  if (raw.length < 28) throw new SensitiveDecryptError()
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    throw new SensitiveDecryptError()
  }
}
