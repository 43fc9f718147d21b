/*
| Small helpers for widget views (plugins/<id>/ui/widgets/*.ts). Amounts arrive
| as yuan strings; charts show 万元 (yuanToWan / wanLabel in @/utils/money, on
| the digits, so labels and tooltips are exact); only the bar/line geometry uses
| a JS number.
| Tooltip formatter functions return plain text, lines joined with '\n': the
| chart component escapes it (components/charts/safe-option.ts), never return HTML.
*/
import type { AppLocale } from '@/i18n'
import { yuanToWan } from '@/utils/money'

/** Bank-report palette: navy first, then restrained accents. */
export const PALETTE = ['#1f4e99', '#e6a23c', '#2ba471', '#d54941', '#7b61ff', '#0594b3', '#8a8f99']

/** 万元 as a number for chart geometry only. */
export const wanNumber = (yuan: string | null | undefined) => Number(yuanToWan(yuan))

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
