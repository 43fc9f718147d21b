/*
| The data key. DATA_ENCRYPTION_KEY is 32 bytes, base64 or 64 hex characters.
| Without it a demo (APP_MODE=demo) or test (NODE_ENV=test) install derives one
| from APP_KEY (so `npm start` works with no setup); any other install (APP_MODE
| unset is production, config/app.ts) refuses to run without it, because
| APP_KEY is rotated for sessions and must not decide whether data can be read.
| Two sub-keys are derived (HKDF-SHA256): one encrypts, one builds the blind
| index, so knowing index values gives nothing towards the ciphertext.
*/
import { hkdfSync, createHash } from 'node:crypto'

export interface SensitiveKeys {
  encryption: Buffer
  index: Buffer
}

export class MissingDataKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MissingDataKeyError'
  }
}

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64')
  if (key.length !== 32)
    throw new MissingDataKeyError('DATA_ENCRYPTION_KEY must be 32 bytes (64 hex or base64)')
  return key
}

export function deriveKeys(master: Buffer): SensitiveKeys {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
  return { encryption: sub('ram:sensitive:aes-256-gcm'), index: sub('ram:sensitive:blind-index') }
}

/** The master key from the environment (see the header for the demo fallback). */
export function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.DATA_ENCRYPTION_KEY) return parseDataKey(env.DATA_ENCRYPTION_KEY)
  if (env.APP_MODE !== 'demo' && env.NODE_ENV !== 'test')
    throw new MissingDataKeyError('DATA_ENCRYPTION_KEY is required outside demo and test')
  if (!env.APP_KEY) throw new MissingDataKeyError('neither DATA_ENCRYPTION_KEY nor APP_KEY is set')
  return createHash('sha256').update('ram:demo-data-key:').update(env.APP_KEY).digest()
}

let cached: SensitiveKeys | null = null

export function currentKeys(): SensitiveKeys {
  if (!cached) cached = deriveKeys(masterKeyFromEnv())
  return cached
}

/** Tests only: forget the derived keys after changing the environment. */
export function resetKeysForTests() {
  cached = null
}
