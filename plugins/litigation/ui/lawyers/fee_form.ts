/*
| The engagement form's fee arithmetic on the digits (no float): the clerk types the
| 风险代理 share as a percentage ("8" for 8 %), the API takes a fraction ("0.08"); the
| estimated fee mirrors the server's rule (fixed + share × expected recovery, the share
| capped), rounded half-up to the fen. The server's figure is the one that counts.
*/
import { fenToYuan, normalizeMoneyInput, yuanToFen } from '@/utils/money'

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/
const PERCENT = /^(\d{1,2})(?:\.(\d{1,4}))?$/

const fen = (text: string): bigint | null => {
  const value = normalizeMoneyInput(text ?? '')
  return AMOUNT.test(value) ? BigInt(yuanToFen(value)) : null
}

/** "8" → "0.08", "12.5" → "0.125"; null when not a percentage with ≤ 4 decimals. */
export function percentToRate(text: string): string | null {
  const match = PERCENT.exec((text ?? '').trim())
  if (!match) return null
  const digits = (match[1].padStart(2, '0') + (match[2] ?? '')).replace(/0+$/, '')
  return digits ? `0.${digits}`.replace(/^0\.$/, '0') : '0'
}

/** "0.08" → "8", "0.125" → "12.5". */
export function rateToPercent(rate: string): string {
  const [, frac = ''] = rate.split('.')
  const padded = frac.padEnd(2, '0')
  const whole = padded.slice(0, 2).replace(/^0(?=\d)/, '')
  const rest = padded.slice(2).replace(/0+$/, '')
  return rest ? `${whole}.${rest}` : whole
}

/** 10^6 × the rate as a whole number ("0.125" → 125000n), or null. */
function ratePpm(rate: string): bigint | null {
  const match = /^0?\.(\d{1,6})$|^0$/.exec(rate)
  if (!match) return null
  return BigInt((match[1] ?? '').padEnd(6, '0') || '0')
}

export function estimateFee(form: {
  feeType: string
  fixedFee: string
  riskPercent: string
  feeCap: string
  expectedRecovery: string
}): string | null {
  const fixed = form.feeType === 'risk' ? 0n : fen(form.fixedFee)
  if (fixed === null) return null
  if (form.feeType === 'fixed') return fenToYuan(String(fixed))
  const rate = percentToRate(form.riskPercent)
  const ppm = rate === null ? null : ratePpm(rate)
  const expected = fen(form.expectedRecovery)
  if (ppm === null || expected === null) return null
  // fen × ppm / 10^6, half-up
  let risk = (expected * ppm * 2n + 1_000_000n) / 2_000_000n
  const cap = form.feeCap ? fen(form.feeCap) : null
  if (cap !== null && risk > cap) risk = cap
  return fenToYuan(String(fixed + risk))
}
