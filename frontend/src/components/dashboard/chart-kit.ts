/*
| Small helpers for widget views (plugins/<id>/ui/widgets/*.ts). Amounts arrive
| as yuan strings; charts show 万元. The conversion is done on the digits, so
| labels and tooltips are exact; only the bar/line geometry uses a JS number.
| Tooltip formatter functions return plain text, lines joined with '\n': the
| chart component escapes it (components/charts/safe-option.ts), never return HTML.
*/
import type { AppLocale } from '@/i18n'
import { formatMoney } from '@/utils/money'

/** Bank-report palette: navy first, then restrained accents. */
export const PALETTE = ['#1f4e99', '#e6a23c', '#2ba471', '#d54941', '#7b61ff', '#0594b3', '#8a8f99']

/** "123456789.50" → "12345.68" (万元, two decimals, half-up), exactly. */
export function yuanToWan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '0.00'
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(yuan).trim())
  if (!match) return String(yuan)
  const [, sign, whole, fraction = ''] = match
  const digits = whole.padStart(5, '0') + fraction
  const wan = `${digits.slice(0, digits.length - fraction.length - 4)}.${digits.slice(digits.length - fraction.length - 4)}`
  return (sign ? '-' : '') + formatMoney(wan).replace(/,/g, '')
}

/** 万元 as a number for chart geometry only. */
export const wanNumber = (yuan: string | null | undefined) => Number(yuanToWan(yuan))

/** "12345.68" → "12,345.68 万元" / "12,345.68 (10k CNY)". */
export const wanLabel = (yuan: string | null | undefined, locale: AppLocale) =>
  `${formatMoney(yuanToWan(yuan))}${locale === 'en' ? ' (10k CNY)' : ' 万元'}`

export const tr = (locale: AppLocale, zh: string, en: string) => (locale === 'en' ? en : zh)

/** An axis label of at most `max` characters (the tooltip shows the whole name). */
export const shortLabel = (name: string, max = 12) =>
  name.length > max ? `${name.slice(0, max - 1)}…` : name

/** The common frame: palette, compact grid, axis tooltip. */
export function baseOption(): Record<string, unknown> {
  return {
    color: PALETTE,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 12, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
  }
}
