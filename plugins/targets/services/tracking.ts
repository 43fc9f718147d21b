/*
| 目标跟踪: each visible target with what is done (services/actuals.ts), its
| 完成率, and its rank among the targets of the same period and kind
| (视图化排名 and 考核: the highest completion rate ranks first).
*/
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { actualOf, actualsFor } from './actuals.js'
import { completionRate } from './completion.js'
import { KINDS, type Period, type TargetKind, type TargetLevel } from './periods.js'
import { TARGET_COLUMNS, scopedTargets, targetRow } from './targets_service.js'

export interface TrackingFilter {
  year: number
  period?: Period
  kind?: TargetKind
  /** A targets_series code; '' = only the orgs' general targets; absent = all. */
  series?: string
}

/** Rate as a sortable number; display always uses the exact text. */
const rateKey = (rate: string | null) => (rate === null ? -1 : Number(rate))

export async function trackTargets(access: UserAccess, level: TargetLevel, filter: TrackingFilter) {
  const query = scopedTargets(access, level).where('t.year', filter.year)
  if (filter.period) query.where('t.period', filter.period)
  if (filter.kind) query.where('t.kind', filter.kind)
  if (filter.series !== undefined) query.where('t.series', filter.series)
  const targets = (await query.select(TARGET_COLUMNS).orderBy('o.path').orderBy('t.id')).map(
    targetRow
  )
  const actuals = await actualsFor(
    targets.map((t) => ({ orgPath: t.orgPath, year: t.year, period: t.period, series: t.series }))
  )
  const rows = targets.map((t) => {
    const target = Money.fromYuan(t.amount)
    const actual = actualOf(actuals, t, t.kind)
    return {
      ...t,
      target: t.amount,
      actual: actual.toYuan(),
      rate: completionRate(actual, target),
      rank: 0,
    }
  })
  // Rank within each (period, kind, series): ties share a rank (1, 2, 2, 4).
  const groups = new Map<string, typeof rows>()
  for (const row of rows) {
    const key = `${row.period}|${row.kind}|${row.series}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => rateKey(b.rate) - rateKey(a.rate))
    sorted.forEach((row, index) => {
      const previous = sorted[index - 1]
      row.rank = previous && previous.rate === row.rate ? previous.rank : index + 1
    })
  }
  const totals = KINDS.map((kind) => {
    // Totals add the orgs' general targets only: a series target is part of its org's.
    const ofKind = rows.filter((r) => r.kind === kind && r.series === '')
    const target = Money.sum(ofKind.map((r) => Money.fromYuan(r.target)))
    const actual = Money.sum(ofKind.map((r) => Money.fromYuan(r.actual)))
    return {
      kind,
      target: target.toYuan(),
      actual: actual.toYuan(),
      rate: completionRate(actual, target),
    }
  })
  return { data: rows, totals }
}
