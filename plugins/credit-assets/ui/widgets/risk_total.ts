/*
| 风险资产总额: the headline balance and its 12-month trend (万元). The data comes
| from /api/dashboard/widgets/credit-assets:risk-total/data (dashboard/risk_total.ts).
*/
import type { AppLocale } from '@/i18n'
import { baseOption, tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { formatMoney, formatNumber, wanLabel, yuanToWan } from '@/utils/money'

export interface RiskTotalData {
  asOf: string
  total: string
  loans: number
  customers: number
  source: 'snapshots' | 'rebuilt'
  trend: Array<{ date: string; balance: string | null }>
}

export function headline(data: RiskTotalData, locale: AppLocale) {
  return [
    {
      label: tr(locale, '风险资产余额', 'Risk balance'),
      value: formatMoney(yuanToWan(data.total)),
      unit: tr(locale, '万元', '10k CNY'),
      tone: 'primary' as const,
    },
    { label: tr(locale, '借据笔数', 'Loans'), value: formatNumber(data.loans) },
    { label: tr(locale, '客户数', 'Customers'), value: formatNumber(data.customers) },
  ]
}

export function buildOption(data: RiskTotalData, locale: AppLocale) {
  const points = data.trend ?? []
  return {
    ...baseOption(),
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: Array<{ dataIndex: number }>) => {
        const point = points[params[0]?.dataIndex ?? 0]
        return point ? `${point.date}\n${wanLabel(point.balance, locale)}` : ''
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => p.date.slice(0, 7)),
      axisLine: { lineStyle: { color: '#c9d2e0' } },
      axisLabel: { color: '#6b7789' },
    },
    yAxis: {
      type: 'value',
      name: tr(locale, '万元', '10k CNY'),
      nameTextStyle: { color: '#8a93a3' },
      splitLine: { lineStyle: { color: '#eef1f6' } },
      axisLabel: { color: '#6b7789' },
      scale: true,
    },
    series: [
      {
        name: tr(locale, '风险资产余额', 'Risk balance'),
        type: 'line',
        smooth: true,
        symbolSize: 6,
        data: points.map((p) => (p.balance === null ? null : wanNumber(p.balance))),
        lineStyle: { width: 2.5 },
        areaStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color: 'rgba(31,78,153,0.28)' },
              { offset: 1, color: 'rgba(31,78,153,0.02)' },
            ],
          },
        },
      },
    ],
  }
}
