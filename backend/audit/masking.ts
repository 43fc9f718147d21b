/*
| 脱敏: what an audit row may keep of personal data. Logs are read by auditors,
| operations staff and exported to spreadsheets, so they hold masked values only
| (the spec's 「在线查看脱敏后的业务日志」). Masking happens before the row is
| written and hashed: the clear value never reaches the database.
|
| Fields are recognised by key (camelCase, snake_case or the Chinese label), at
| any depth of nested objects and arrays. A sensitive key masks everything under
| it. Secrets are removed outright: even a masked password is a hint.
*/

export type SensitiveKind = 'secret' | 'idNumber' | 'phone' | 'bankAccount' | 'name'

/** Lower-cased with `_`, `-` and spaces removed before matching, so `id_number`, `idNumber` and `ID-Number` are one key. */
const normalize = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '')

/*
| Matched against the normalised key. Secrets match anywhere in the key
| (`accessToken`, `passwordHash`); the short identifiers are anchored at the end
| (`customerIdNo` yes, `idNotes` no) so ordinary fields are not caught.
*/
const PATTERNS: Array<[SensitiveKind, RegExp]> = [
  ['secret', /password|passwd|secret|token|apikey|privatekey|密码/],
  ['idNumber', /idnumber|idno$|idcard|certno$|certnumber|certificateno|证件号|身份证/],
  ['phone', /phone|mobile|^tel$|telephone|手机|电话/],
  ['bankAccount', /bankaccount|account(no|num|number)$|card(no|num|number)$|bankcard|账号|卡号/],
  /* Customer (客户) names only: staff names (realName), role and org names are not customers' personal data. */
  [
    'name',
    /(customer|borrower|guarantor|debtor|client)name|客户名称|客户姓名|借款人|担保人|债务人/,
  ],
]

export function sensitiveKindOf(key: string): SensitiveKind | null {
  const k = normalize(key)
  for (const [kind, pattern] of PATTERNS) if (pattern.test(k)) return kind
  return null
}

const chars = (value: string) => Array.from(value)

/** Keeps `head` leading and `tail` trailing characters, stars in between (one star per hidden character, so lengths stay checkable). */
function keepEnds(value: string, head: number, tail: number): string {
  const c = chars(value)
  if (c.length <= head + tail) return '*'.repeat(c.length)
  return (
    c.slice(0, head).join('') +
    '*'.repeat(c.length - head - tail) +
    c.slice(c.length - tail).join('')
  )
}

/** 110101199001011234 → 110***********1234 (region prefix and check digits only). */
export const maskIdNumber = (value: string) => keepEnds(value, 3, 4)

/** 13812345678 → 138****5678 (carrier prefix and last four, as banks print them). */
export const maskPhone = (value: string) => keepEnds(value, 3, 4)

/** 6222021234567890123 → 6222***********0123 (issuer prefix and last four, as on receipts). */
export const maskBankAccount = (value: string) => keepEnds(value, 4, 4)

/**
 * 张三 → 张*, 欧阳娜娜 → 欧阳**; a company name keeps its first two and last two
 * characters (北京某某贸易有限公司 → 北京******公司) so the kind of entity still shows.
 */
export function maskName(value: string): string {
  const c = chars(value.trim())
  if (c.length <= 1) return '*'
  if (c.length <= 3) return c[0] + '*'.repeat(c.length - 1)
  if (c.length <= 5) return c.slice(0, 2).join('') + '*'.repeat(c.length - 2)
  return keepEnds(c.join(''), 2, 2)
}

const MASKERS: Record<Exclude<SensitiveKind, 'secret'>, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
  name: maskName,
}

export interface MaskOptions {
  /** 参数 system.audit.maskNames: mask customer names too. */
  maskNames: boolean
}

/** Everything under a sensitive key is masked with that key's rule, at any depth. */
function maskAll(value: unknown, kind: Exclude<SensitiveKind, 'secret'>, depth = 0): unknown {
  if (value === null || value === undefined) return value
  if (typeof value === 'string') return value === '' ? value : MASKERS[kind](value)
  if (typeof value === 'number' || typeof value === 'bigint') return MASKERS[kind](String(value))
  // Deeper than any real record: a reference loop. Nothing under a sensitive key is kept.
  if (depth > 32) return '*'
  if (Array.isArray(value)) return value.map((item) => maskAll(item, kind, depth + 1))
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) out[key] = maskAll(inner, kind, depth + 1)
    return out
  }
  return value
}

/** Returns a masked deep copy; secrets' keys are dropped, the input is left untouched. */
export function maskValue(
  value: unknown,
  options: MaskOptions,
  seen = new WeakSet<object>()
): unknown {
  if (value === null || value === undefined) return value
  if (value instanceof Date) return value
  // JSON has no BigInt: keep the digits.
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'object') return value
  // A reference loop (a model pointing back at its parent) is cut, not followed forever.
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  try {
    if (Array.isArray(value)) return value.map((item) => maskValue(item, options, seen))
    // Serialisable objects (Lucid models, DateTime, Money) are masked as what they serialise to.
    const source = typeof (value as any).toJSON === 'function' ? (value as any).toJSON() : value
    if (source !== value) return maskValue(source, options, seen)
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(source)) {
      const kind = sensitiveKindOf(key)
      if (kind === 'secret') continue
      if (kind === 'name' && !options.maskNames) out[key] = maskValue(inner, options, seen)
      else if (kind) out[key] = maskAll(inner, kind)
      else out[key] = maskValue(inner, options, seen)
    }
    return out
  } finally {
    seen.delete(value)
  }
}

export function maskRecord(
  record: Record<string, unknown> | null | undefined,
  options: MaskOptions
): Record<string, unknown> | null {
  if (record === null || record === undefined) return null
  return maskValue(record, options) as Record<string, unknown>
}

/*
| Free text (the `detail` of an entry) has no keys, so it is scanned for the two
| shapes that are unmistakable: an 18-character 居民身份证号 and an 11-digit
| mainland mobile number. Longer digit runs (account numbers, contract numbers)
| are left alone: they cannot be told from business references by shape.
*/
const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g

export function maskText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null
  return text.replace(ID_NUMBER_IN_TEXT, maskIdNumber).replace(MOBILE_IN_TEXT, maskPhone)
}
