/* 风险客户排名: the top customers by risk balance as horizontal bars (万元), largest on top. */
import type { AppLocale } from '@/i18n'
import { baseOption, shortLabel, tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel, yuanToWan } from '@/utils/money'

export interface TopCustomersData {
  rows: Array<{ customerId: number; customerName: string; loans: number; balance: string }>
}

export const isEmpty = (data: TopCustomersData) => !data?.rows?.length

export function buildOption(data: TopCustomersData, locale: AppLocale) {
  const rows = [...(data.rows ?? [])].reverse() // ECharts draws the first category at the bottom
  return {
    ...baseOption(),
    grid: { left: 8, right: 72, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: Array<{ dataIndex: number }>) => {
        const row = rows[params[0]?.dataIndex ?? 0]
        return row
          ? `${row.customerName}\n${wanLabel(row.balance, locale)}（${row.loans} ${tr(locale, '笔', 'loans')}）`
          : ''
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => shortLabel(r.customerName)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#3d4a5c', fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: rows.map((r) => wanNumber(r.balance)),
        itemStyle: {
          borderRadius: [0, 6, 6, 0],
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 1,
            y2: 0,
            colorStops: [
              { offset: 0, color: '#6d9be0' },
              { offset: 1, color: '#1f4e99' },
            ],
          },
        },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#3d4a5c',
          // The exact 万元 text from the balance string, not the bar's float.
          formatter: (p: { dataIndex: number }) => yuanToWan(rows[p.dataIndex]?.balance),
        },
      },
    ],
  }
}
