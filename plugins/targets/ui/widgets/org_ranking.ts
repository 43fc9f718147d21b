/* 机构完成金额排名: orgs by amount recovered (万元), best first, 完成率 beside each bar. */
import type { AppLocale } from '@/i18n'
import { baseOption, shortLabel, tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel, yuanToWan } from '@/utils/money'

export interface OrgRankingData {
  year: number
  period: string
  rows: Array<{
    rank: number
    orgId: number
    orgName: string
    target: string
    actual: string
    rate: string | null
  }>
}

export const isEmpty = (data: OrgRankingData) => !data?.rows?.length

export function buildOption(data: OrgRankingData, locale: AppLocale) {
  const rows = [...(data.rows ?? [])].reverse()
  return {
    ...baseOption(),
    grid: { left: 8, right: 96, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: Array<{ dataIndex: number }>) => {
        const row = rows[params[0]?.dataIndex ?? 0]
        if (!row) return ''
        return [
          `No.${row.rank} ${row.orgName}`,
          `${tr(locale, '清收完成', 'Recovered')}：${wanLabel(row.actual, locale)}`,
          `${tr(locale, '清收目标', 'Target')}：${wanLabel(row.target, locale)}`,
          `${tr(locale, '完成率', 'Rate')}：${row.rate ?? '—'}%`,
        ].join('\n')
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.rank}. ${shortLabel(r.orgName)}`),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#3d4a5c' },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: rows.map((r, index) => ({
          value: wanNumber(r.actual),
          itemStyle: {
            color: index === rows.length - 1 ? '#e6a23c' : '#1f4e99',
            borderRadius: [0, 6, 6, 0],
          },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#3d4a5c',
          formatter: (p: { dataIndex: number }) =>
            `${yuanToWan(rows[p.dataIndex]?.actual)}（${rows[p.dataIndex]?.rate ?? '—'}%）`,
        },
      },
    ],
  }
}
