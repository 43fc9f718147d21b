/* 首页视图: 费用 per status — bars of the amount (yuan); the tooltip names the count. */
import type { AppLocale } from '@/i18n'
import { baseOption, tr } from '@/areas/dashboard/components/chart-kit'

export interface ByStatusData {
  statuses: Array<{ status: string; count: number; amount: string }>
}

const NAMES: Record<string, [string, string]> = {
  applied: ['申请', 'Applied'],
  approved: ['已审批', 'Approved'],
  paid: ['已支付', 'Paid'],
  recovered: ['已收回', 'Recovered'],
  returned: ['已退回', 'Returned'],
  rejected: ['已驳回', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
}

export const isEmpty = (data: ByStatusData) => !data?.statuses?.length

export function buildOption(data: ByStatusData, locale: AppLocale) {
  const rows = data.statuses ?? []
  const name = (code: string) => (NAMES[code] ? tr(locale, ...NAMES[code]) : code)
  return {
    ...baseOption(),
    xAxis: { type: 'category', data: rows.map((r) => name(r.status)) },
    yAxis: { type: 'value', name: tr(locale, '笔数', 'Count') },
    series: [{ type: 'bar', name: tr(locale, '笔数', 'Count'), data: rows.map((r) => r.count) }],
  }
}
