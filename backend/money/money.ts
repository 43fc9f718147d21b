/*
| Money (金额): an exact amount in fen (分, the minor unit of CNY), never a JS
| float. Storage is integer fen (BIGINT) or DECIMAL read as a string; arithmetic
| uses decimal.js; rounding happens once, where a rule says, in a mode the caller
| names — 四舍五入 (HALF_UP, the usual bank rule) or banker's rounding (HALF_EVEN).
*/
import { Decimal } from 'decimal.js'

const D = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
})

export type Rounding = 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP'

const MODES: Record<Rounding, Decimal.Rounding> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  DOWN: Decimal.ROUND_DOWN,
  UP: Decimal.ROUND_UP,
}

const YUAN = /^-?\d{1,16}(\.\d+)?$/
/** Thousands separators only in whole groups of three ("1,234,567.89"); "1,00" is not an amount. */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/
const INTEGER = /^-?\d{1,18}$/

export class MoneyError extends Error {}

/**
 * An exact decimal as text with exactly `places` decimals: rounds half-up once
 * with decimal.js, then writes the digits out (no JS float, no exponent).
 * Used for yuan (from fen) and for rates read back from the database.
 */
export function decimalText(value: string | number, places: number): string {
  const scaled = new D(String(value))
    .times(new D(10).pow(places))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
  const negative = scaled.isNegative()
  const digits = scaled
    .abs()
    .toString()
    .padStart(places + 1, '0')
  const whole = digits.slice(0, digits.length - places)
  const fraction = places ? `.${digits.slice(digits.length - places)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

export class Money {
  /** Whole fen; always an integer Decimal. */
  readonly #fen: Decimal

  private constructor(fen: Decimal) {
    if (!fen.isInteger()) throw new MoneyError(`Money must be whole fen, got ${fen.toString()}`)
    this.#fen = fen.isZero() ? new D(0) : fen
  }

  static zero() {
    return new Money(new D(0))
  }

  /** From integer fen: a BIGINT column (string), a safe integer, or a bigint. */
  static fromFen(fen: string | number | bigint): Money {
    const text = String(fen)
    if (typeof fen === 'number' && !Number.isSafeInteger(fen))
      throw new MoneyError(`Not a whole number of fen: ${text}`)
    if (!INTEGER.test(text)) throw new MoneyError(`Not a whole number of fen: ${text}`)
    return new Money(new D(text))
  }

  /**
   * From a yuan amount written as text ("1234.56", a DECIMAL column, a form field).
   * More than two decimals is refused unless a rounding mode says how to drop them.
   */
  static fromYuan(yuan: string, rounding?: Rounding): Money {
    const raw = String(yuan).trim()
    // A misplaced separator is a typo, never guessed: "1,00" is refused, not read as 100.
    const text = GROUPED.test(raw) ? raw.replace(/,/g, '') : raw
    if (!YUAN.test(text)) throw new MoneyError(`Not an amount: "${yuan}"`)
    const fen = new D(text).times(100)
    if (!fen.isInteger() && !rounding)
      throw new MoneyError(`Amount has more than two decimals: "${yuan}"`)
    return new Money(rounding ? fen.toDecimalPlaces(0, MODES[rounding]) : fen)
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = new D(0)
    for (const a of amounts) total = total.plus(a.#fen)
    return new Money(total)
  }

  plus(other: Money) {
    return new Money(this.#fen.plus(other.#fen))
  }

  minus(other: Money) {
    return new Money(this.#fen.minus(other.#fen))
  }

  negate() {
    return new Money(this.#fen.negated())
  }

  /**
   * Multiplies by an exact factor (a rate or ratio given as a decimal string, never
   * a float) and rounds once to whole fen.
   */
  times(factor: string, rounding: Rounding): Money {
    if (!YUAN.test(String(factor))) throw new MoneyError(`Not a decimal factor: "${factor}"`)
    return new Money(this.#fen.times(new D(factor)).toDecimalPlaces(0, MODES[rounding]))
  }

  /**
   * Simple interest 本金 × 年利率 × 天数 ÷ 计息基数 (360 or 365), computed exactly
   * and rounded once — never day by day.
   */
  interest(annualRate: string, days: number, basis: 360 | 365, rounding: Rounding): Money {
    if (!YUAN.test(String(annualRate))) throw new MoneyError(`Not a decimal rate: "${annualRate}"`)
    if (!Number.isInteger(days) || days < 0)
      throw new MoneyError(`Days must be a whole number ≥ 0, got ${days}`)
    const exact = this.#fen.times(new D(annualRate)).times(days).dividedBy(basis)
    return new Money(exact.toDecimalPlaces(0, MODES[rounding]))
  }

  /**
   * Splits the amount in proportion to weights without losing or inventing a fen:
   * each part is rounded down, then the leftover fen go one by one to the parts
   * with the largest remainders (ties to the earlier part).
   */
  allocate(weights: string[]): Money[] {
    if (!weights.length) throw new MoneyError('allocate needs at least one weight')
    const ws = weights.map((w) => new D(w))
    if (ws.some((w) => w.isNegative()))
      throw new MoneyError('allocate weights must not be negative')
    const total = ws.reduce((a, b) => a.plus(b), new D(0))
    if (total.isZero()) throw new MoneyError('allocate weights must not all be zero')
    const sign = this.#fen.isNegative() ? -1 : 1
    const amount = this.#fen.abs()
    const exact = ws.map((w) => amount.times(w).dividedBy(total))
    const parts = exact.map((e) => e.floor())
    let left = amount.minus(parts.reduce((a, b) => a.plus(b), new D(0))).toNumber()
    const order = exact
      .map((e, i) => ({ i, r: e.minus(e.floor()) }))
      .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i)
    for (const { i } of order) {
      if (left <= 0) break
      parts[i] = parts[i].plus(1)
      left--
    }
    return parts.map((p) => new Money(sign < 0 ? p.negated() : p))
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.#fen.comparedTo(other.#fen) as -1 | 0 | 1
  }

  equals(other: Money) {
    return this.#fen.equals(other.#fen)
  }

  isZero() {
    return this.#fen.isZero()
  }

  isNegative() {
    return this.#fen.isNegative()
  }

  /** Integer fen as a string, for BIGINT columns and JSON (exponent notation is off, see D). */
  toFen(): string {
    return this.#fen.toString()
  }

  /** Yuan with exactly two decimals: "1234.50". */
  toYuan(): string {
    return decimalText(this.#fen.dividedBy(100).toString(), 2)
  }

  /** Yuan with thousands separators for display and print: "1,234.50". */
  format(): string {
    return groupThousands(this.toYuan())
  }

  toJSON() {
    return this.toYuan()
  }

  toString() {
    return this.toYuan()
  }
}

/**
 * "-1234567.80" → "-1,234,567.80": thousands separators on a decimal text, the
 * server's one grouping (Money.format, document templates, the interest trial's
 * formulas). The text is never parsed into a number.
 */
export function groupThousands(decimal: string): string {
  const [whole, fraction] = decimal.split('.')
  const negative = whole.startsWith('-')
  const digits = negative ? whole.slice(1) : whole
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`
}
