/* 首页视图: 抵债资产 per class, stacked by age against the 处置期限; the headline counts the breaches. */
import type { AppLocale } from '@/i18n'
import { baseOption, tr } from '@/areas/dashboard/components/chart-kit'
import { formatMoney } from '@/utils/money'

export interface AssetsByClassData {
  asOf: string
  cells: Array<{
    assetClass: string
    band: 'overdue' | 'due_soon' | 'in_period'
    assets: number
    bookValue: string
  }>
  breaches: number
  breachValue: string
}

const CLASSES: Array<[string, string, string]> = [
  ['real_estate', '不动产', 'Real estate'],
  ['movable', '动产', 'Movables'],
  ['equity', '股权', 'Equity'],
  ['other_right', '其他权利', 'Other rights'],
]
const BANDS: Array<[string, string, string, string]> = [
  ['in_period', '期限内', 'In period', '#67c23a'],
  ['due_soon', '6个月内到期', 'Due within 6 months', '#e6a23c'],
  ['overdue', '超期未处置', 'Overdue', '#f56c6c'],
]

export const isEmpty = (data: AssetsByClassData) => !data?.cells?.length

export function buildOption(data: AssetsByClassData, locale: AppLocale) {
  const cells = data.cells ?? []
  return {
    ...baseOption(),
    legend: { top: 0 },
    xAxis: { type: 'category', data: CLASSES.map(([, zh, en]) => tr(locale, zh, en)) },
    yAxis: { type: 'value', name: tr(locale, '资产数', 'Assets'), minInterval: 1 },
    series: BANDS.map(([band, zh, en, color]) => ({
      type: 'bar',
      stack: 'age',
      name: tr(locale, zh, en),
      itemStyle: { color },
      data: CLASSES.map(
        ([cls]) => cells.find((c) => c.assetClass === cls && c.band === band)?.assets ?? 0
      ),
    })),
  }
}

export function headline(data: AssetsByClassData, locale: AppLocale) {
  return [
    {
      label: tr(locale, '超期未处置', 'Past the disposal period'),
      value: String(data.breaches ?? 0),
      tone: (data.breaches ?? 0) > 0 ? ('danger' as const) : ('success' as const),
    },
    {
      label: tr(locale, '超期资产入账价值', 'Their book value'),
      value: formatMoney(data.breachValue ?? '0.00'),
      unit: tr(locale, '元', 'CNY'),
    },
  ]
}
