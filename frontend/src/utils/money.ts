/*
| Money travels as decimal strings in yuan ("1234.56"). Formatting is done on the
| string's digits so an amount like "9007199254740993.10" never passes through a
| JS float, where it would silently lose cents.
*/
import type { AppLocale } from '@/i18n'

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/

/**
 * "1234567.5" → "1,234,567.50". Rounds half-up (四舍五入, as bank statements do)
 * past the second decimal. Returns '' for null/empty and the input unchanged when it
 * is not a decimal, so a bad value is visible instead of shown as 0.00.
 */
export function formatMoney(value: string | number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === '') return ''
  const text = String(value).trim().replace(/,/g, '')
  const match = DECIMAL.exec(text)
  if (!match || (match[2] === '' && !match[3])) return String(value)
  const [, sign, intRaw, fracRaw = ''] = match
  let digits = (intRaw || '0') + fracRaw.padEnd(decimals, '0').slice(0, decimals)
  if ((fracRaw[decimals] ?? '0') >= '5') digits = incrementDigits(digits)
  const intPart = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '') || '0'
  const fracPart = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : ''
  const grouped = groupThousands(intPart)
  const isZero = /^[0.,]*$/.test(grouped + fracPart)
  return (sign === '-' && !isZero ? '-' : '') + grouped + fracPart
}

/** "1234567" → "1,234,567": the console's one thousands grouping (digits only, no sign). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Adds one to a string of digits ("0999" → "1000"), carrying as on paper. */
function incrementDigits(digits: string): string {
  const out = digits.split('')
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') out[i] = '0'
    else {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
  }
  return '1' + out.join('')
}

/** Accepts what a clerk may type for an amount in yuan: up to 2 decimals, optional sign. */
export const MONEY_INPUT = /^-?\d{1,16}(\.\d{1,2})?$/

/** Thousands separators in whole groups of three only (the server refuses "1,00" too). */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/

/**
 * Normalises typed input ("1,234.5 " → "1234.5") before it is sent to the
 * server. A separator outside a group of three ("1,00") is left in place, so
 * MONEY_INPUT refuses it instead of reading 100.
 */
export function normalizeMoneyInput(value: string): string {
  const text = value.replace(/\s/g, '').replace(/，/g, ',')
  return GROUPED.test(text) ? text.replace(/,/g, '') : text
}

/** Business settings keep amounts in fen (分); "123456" → "1234.56". */
export function fenToYuan(fen: string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return ''
  const match = /^(-?)(\d+)$/.exec(String(fen).trim())
  if (!match) return String(fen)
  const digits = match[2].padStart(3, '0')
  const yuan = digits.slice(0, -2).replace(/^0+(?=\d)/, '')
  return `${match[1]}${yuan}.${digits.slice(-2)}`
}

/** "1234.5" → "123450"; the inverse of fenToYuan for values accepted by MONEY_INPUT. */
export function yuanToFen(yuan: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(normalizeMoneyInput(yuan))
  if (!match) throw new Error(`Not an amount in yuan: ${yuan}`)
  const fen = (match[2] + (match[3] ?? '').padEnd(2, '0')).replace(/^0+(?=\d)/, '')
  return fen === '0' ? '0' : match[1] + fen
}

/** Thousands separators for plain numbers and decimal strings, keeping every given decimal. */
export function formatNumber(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const match = DECIMAL.exec(String(value).trim())
  if (!match || match[2] === '') return String(value)
  const grouped = groupThousands(match[2])
  return `${match[1] === '-' ? '-' : ''}${grouped}${match[3] ? '.' + match[3] : ''}`
}

/** "123456789.50" → "12345.68" (万元, two decimals, half-up), exactly: the charts' unit. */
export function yuanToWan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '0.00'
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(yuan).trim())
  if (!match) return String(yuan)
  const [, sign, whole, fraction = ''] = match
  const digits = whole.padStart(5, '0') + fraction
  const point = digits.length - fraction.length - 4
  return (
    (sign ? '-' : '') +
    formatMoney(`${digits.slice(0, point)}.${digits.slice(point)}`).replace(/,/g, '')
  )
}

/** "123456789.50" → "12,345.68 万元" / "12,345.68 (10k CNY)". */
export const wanLabel = (yuan: string | null | undefined, locale: AppLocale) =>
  `${formatMoney(yuanToWan(yuan))}${locale === 'en' ? ' (10k CNY)' : ' 万元'}`
