/*
| Sensitive fields (证件号码, 手机号, 账号): the one place plugins use to store
| and show them. A sealed field is three columns: `<col>` holds the masked text
| (what every list, ledger, export and public service reads, so nothing shows
| the clear value by accident), `<col>_enc` the AES-256-GCM ciphertext (read
| only by the audited unmask request) and `<col>_hash` the blind index for exact
| search. docs/security.md "Sensitive fields: masking and encryption at rest".
*/
import { maskField, type SensitiveField } from './mask.js'
import { encryptValue, decryptValue } from './cipher.js'
import { blindIndex } from './blind_index.js'

export { maskField, maskIdNumber, type SensitiveField } from './mask.js'
export { encryptValue, decryptValue, SensitiveDecryptError } from './cipher.js'
export { blindIndex, normalizeForIndex } from './blind_index.js'

export interface SealedValue {
  masked: string | null
  enc: string | null
  hash: string | null
}

/** Masked text, ciphertext and blind index of one clear value (null stays null). */
export function seal(field: SensitiveField, clear: string | null | undefined): SealedValue {
  if (clear === null || clear === undefined || clear === '')
    return { masked: clear ?? null, enc: null, hash: null }
  return { masked: maskField(field, clear), enc: encryptValue(clear), hash: blindIndex(clear) }
}

/** The clear value; throws SensitiveDecryptError on a wrong key. Callers audit first. */
export function reveal(enc: string | null | undefined): string | null {
  return enc ? decryptValue(enc) : null
}

/** The row columns of a sealed field named `column`. */
export function sealedColumns(column: string, field: SensitiveField, clear: string | null) {
  const s = seal(field, clear)
  return { [column]: s.masked, [`${column}_enc`]: s.enc, [`${column}_hash`]: s.hash }
}
