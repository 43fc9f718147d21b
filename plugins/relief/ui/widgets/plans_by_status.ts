/* 首页视图: 债权减免 per status — bars of the count; the tooltip names the amount in yuan. */
import type { AppLocale } from '@/i18n'
import { baseOption, tr } from '@/components/dashboard/chart-kit'

export interface ByStatusData {
  statuses: Array<{ status: string; count: number; amount: string }>
}

export const isEmpty = (data: ByStatusData) => !data?.statuses?.length

export function buildOption(data: ByStatusData, locale: AppLocale) {
  const rows = data.statuses ?? []
  return {
    ...baseOption(),
    xAxis: { type: 'category', data: rows.map((r) => r.status) },
    yAxis: { type: 'value', name: tr(locale, '笔数', 'Count') },
    series: [{ type: 'bar', name: tr(locale, '笔数', 'Count'), data: rows.map((r) => r.count) }],
  }
}
