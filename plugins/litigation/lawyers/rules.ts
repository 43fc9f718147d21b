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
| - 风险代理's statutory ceiling (司法部 国家发展改革委 市场监管总局《关于进一步规范律师服务
|   收费的意见》司发通〔2021〕87号): everything charged under a risk-based agreement, in all
|   its stages, at most 18 % of the part of the 标的额 (here: what was actually recovered)
|   below 1,000,000, 15 % of the part from 1M to 5M, 12 % from 5M to 10M, 9 % from 10M to
|   50M, 6 % above (each rate on the part inside its band, like the court fee).
*/
import { Decimal } from 'decimal.js'
import { decimalText } from '#core/money/money'

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

/** 司发通〔2021〕87号's bands: the rate applies to the part of the recovery inside the band. */
export const RISK_CEILING_BANDS: readonly { from: string; to: string | null; rate: string }[] = [
  { from: '0', to: '1000000', rate: '0.18' },
  { from: '1000000', to: '5000000', rate: '0.15' },
  { from: '5000000', to: '10000000', rate: '0.12' },
  { from: '10000000', to: '50000000', rate: '0.09' },
  { from: '50000000', to: null, rate: '0.06' },
]

/** The most a risk-based agreement may charge in all on `recovered` yuan, exact (not rounded). */
export function riskCeiling(recovered: string): Decimal {
  const amount = new Decimal(recovered)
  let total = new Decimal(0)
  for (const band of RISK_CEILING_BANDS) {
    if (amount.lte(band.from)) break
    const upper = band.to === null ? amount : Decimal.min(amount, band.to)
    total = total.plus(upper.minus(band.from).times(band.rate))
  }
  return total
}

/**
 * 律师费 due for `recovered` yuan under the agreement: the fixed part, plus (risk,
 * mixed) the rate × recovered, the risk part capped at `feeCap` and so that the whole
 * fee stays within the statutory ceiling on the recovery (a mixed agreement's fixed
 * part, paid whatever happens, is never clawed back: the risk part then is 0). Exact
 * until the end, rounded once, half-up to the fen.
 */
export function agreementFee(agreement: FeeAgreement, recovered: string): string {
  const fixed = agreement.feeType === 'risk' ? new Decimal(0) : new Decimal(agreement.fixedFee)
  let risk =
    agreement.feeType === 'fixed'
      ? new Decimal(0)
      : new Decimal(recovered).times(agreement.riskRate)
  if (agreement.feeCap !== null && risk.gt(agreement.feeCap)) risk = new Decimal(agreement.feeCap)
  if (agreement.feeType !== 'fixed') {
    const room = Decimal.max(0, riskCeiling(recovered).minus(fixed))
    if (risk.gt(room)) risk = room
  }
  return decimalText(fixed.plus(risk).toString(), 2)
}
