/* 五级分类分布: a ring of the active loan book by class, 不良率 in the middle. */
import type { AppLocale } from '@/i18n'
import { tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel } from '@/utils/money'

export interface ClassMixData {
  classes: Array<{ code: string; loans: number; balance: string }>
  total: string
  nonPerforming: string
  nonPerformingRatio: string | null
}

const LABELS: Record<string, [string, string, string]> = {
  normal: ['正常', 'Normal', '#2ba471'],
  special_mention: ['关注', 'Special mention', '#1f4e99'],
  substandard: ['次级', 'Substandard', '#e6a23c'],
  doubtful: ['可疑', 'Doubtful', '#d54941'],
  loss: ['损失', 'Loss', '#6b4a3a'],
}

/** A balance's share of the total in percent, two decimals, from the exact digits (no float). */
export function share(part: string, total: string): string {
  const fen = (yuan: string) => BigInt(yuan.replace('.', ''))
  const whole = fen(total)
  if (whole === 0n) return '0.00'
  const basisPoints = (fen(part) * 20000n + whole) / (2n * whole) // half-up
  return `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}`
}

export const isEmpty = (data: ClassMixData) => !data?.classes?.some((c) => c.loans > 0)

export function headline(data: ClassMixData, locale: AppLocale) {
  return [
    {
      label: tr(locale, '不良率', 'NPL ratio'),
      value: data.nonPerformingRatio === null ? '—' : data.nonPerformingRatio,
      unit: '%',
      tone: 'danger' as const,
    },
  ]
}

export function buildOption(data: ClassMixData, locale: AppLocale) {
  const slices = (data.classes ?? []).filter((c) => c.loans > 0)
  const label = (code: string) => {
    const entry = LABELS[code]
    return entry ? (locale === 'en' ? entry[1] : entry[0]) : code
  }
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { dataIndex: number; percent: number }) => {
        const slice = slices[p.dataIndex]
        return slice
          ? `${label(slice.code)}\n${wanLabel(slice.balance, locale)}（${slice.loans} ${tr(locale, '笔', 'loans')}）\n${p.percent}%`
          : ''
      },
    },
    legend: {
      orient: 'vertical',
      right: 4,
      top: 'middle',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { fontSize: 12, color: '#3d4a5c' },
      formatter: (name: string) => {
        const slice = slices.find((s) => label(s.code) === name)
        return slice ? `${name}  ${share(slice.balance, data.total)}%` : name
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['46%', '72%'],
        center: ['34%', '50%'],
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: slices.map((s) => ({
          name: label(s.code),
          value: wanNumber(s.balance),
          itemStyle: { color: LABELS[s.code]?.[2] },
        })),
      },
    ],
  }
}
