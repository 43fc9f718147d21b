/* 首页视图: 本年减免金额 by month — bars of the relief in yuan; the tooltip names count and amount. */
import type { AppLocale } from '@/i18n'
import { baseOption, tr } from '@/areas/dashboard/components/chart-kit'

export interface ReliefYearData {
  year: number
  total: string
  count: number
  months: Array<{ month: number; count: number; relief: string; paid: string }>
}

export const isEmpty = (data: ReliefYearData) => !data?.count

export function buildOption(data: ReliefYearData, locale: AppLocale) {
  const months = data.months ?? []
  return {
    ...baseOption(),
    title: {
      text: tr(
        locale,
        `${data.year} 年减免合计 ${data.total} 元`,
        `${data.year} relief ${data.total}`
      ),
      textStyle: { fontSize: 13 },
    },
    xAxis: { type: 'category', data: months.map((m) => tr(locale, `${m.month}月`, `M${m.month}`)) },
    yAxis: { type: 'value', name: tr(locale, '减免金额（元）', 'Relief (yuan)') },
    series: [
      {
        type: 'bar',
        name: tr(locale, '减免金额', 'Relief'),
        // Yuan text to a number only for the bar height; the figures shown stay text.
        data: months.map((m) => Number(m.relief)),
      },
    ],
  }
}
