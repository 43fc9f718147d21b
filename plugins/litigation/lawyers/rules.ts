/*
| The registry's and the fee agreement's rules, pure:
|
| - 统一社会信用代码 of a law firm (GB 32100-2015): 18 characters from the 31-character
|   set without I, O, Z, S, V; registration authority 3 (司法行政) and type 1 (律师事务所),
|   so "31…"; the 18th character is the check code over the first 17 with the weights
|   3^i mod 31.
| - 律师执业证号: 17 digits (执业机构所在地 code, year of first licence, category, sex,
|   sequence); the year (digits 6–9) must be plausible.
| - 律师费 under the agreement: fixed, risk-based (a share of what is recovered, at most
|   the cap), or both; rounded once, half-up to the fen.
*/
import { Decimal } from 'decimal.js'

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** True when `code` is a well-formed 统一社会信用代码 of a 律师事务所 (prefix 31, check code right). */
export function isLawFirmCreditCode(code: string): boolean {
  if (!/^31[0-9A-HJ-NPQRTUWXY]{16}$/.test(code)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(code[i]) * WEIGHTS[i]
  const check = (31 - (sum % 31)) % 31
  return CODE_CHARS[check] === code[17]
}

/** True when `no` is a 17-digit 律师执业证号 whose year of first licence (digits 6–9) is plausible. */
export function isLawyerLicenceNo(no: string, thisYear = new Date().getFullYear()): boolean {
  if (!/^\d{17}$/.test(no)) return false
  const year = Number(no.slice(5, 9))
  return year >= 1979 && year <= thisYear
}

export interface FeeAgreement {
  feeType: 'fixed' | 'risk' | 'mixed'
  /** yuan text */
  fixedFee: string
  /** fraction text, e.g. "0.08" */
  riskRate: string
  /** yuan text, the most the risk-based part may come to; null = no cap */
  feeCap: string | null
}

/**
 * 律师费 due for `recovered` yuan under the agreement: the fixed part, plus (risk,
 * mixed) the rate × recovered, the risk part capped at `feeCap`; half-up to the fen.
 */
export function agreementFee(agreement: FeeAgreement, recovered: string): string {
  const fixed = agreement.feeType === 'risk' ? new Decimal(0) : new Decimal(agreement.fixedFee)
  let risk =
    agreement.feeType === 'fixed'
      ? new Decimal(0)
      : new Decimal(recovered).times(agreement.riskRate)
  if (agreement.feeCap !== null && risk.gt(agreement.feeCap)) risk = new Decimal(agreement.feeCap)
  return fixed.plus(risk).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
}
