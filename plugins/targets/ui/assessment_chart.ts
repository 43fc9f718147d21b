/* 考核排名 bar chart: orgs by score, best on top. Tooltip text is plain (safe-option escapes it). */
import type { AppLocale } from '@/i18n'
import { baseOption, shortLabel, tr } from '@/areas/dashboard/components/chart-kit'
import type { Ranking } from './api'

export function rankingOption(ranking: Ranking, locale: AppLocale) {
  const rows = [...ranking.data].reverse()
  return {
    ...baseOption(),
    grid: { left: 8, right: 56, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: Array<{ dataIndex: number }>) => {
        const row = rows[params[0]?.dataIndex ?? 0]
        if (!row) return ''
        return [
          `No.${row.rank} ${row.orgName}`,
          `${tr(locale, '考核得分', 'Score')}：${row.score}`,
        ].join('\n')
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.rank}. ${shortLabel(r.orgName)}`),
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        // Display only: the score text is exact; the bar length needs a number.
        data: rows.map((r) => ({ value: Number(r.score), itemStyle: { color: '#1f4e99' } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.score ?? '',
        },
      },
    ],
  }
}
