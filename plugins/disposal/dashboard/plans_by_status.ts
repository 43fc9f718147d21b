/*
| 处置预案分布: the plans in the user's scope by disposal method and status —
| how many, and how much principal — with the dictionaries' labels, so the
| chart shows the bank's own names for methods an administrator added.
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'

const handler: WidgetDataHandler = async ({ scope }) => {
  const rows = await scope(db.from('disposal_plans as p'), {
    orgColumn: 'p.org_id',
    ownerColumn: 'p.created_by',
  })
    .whereNot('p.status', 'withdrawn')
    .groupBy('p.method', 'p.status')
    .select(
      'p.method',
      'p.status',
      db.raw('COUNT(*) as plans'),
      db.raw('CAST(SUM(p.principal_fen) AS CHAR) as principal_fen')
    )
  const { data } = await dictionariesCache.current()
  const labels = (type: string) =>
    (data[type] ?? []).map((i) => ({ code: i.code, label: i.label, color: i.color }))
  return {
    cells: rows.map((r) => ({
      method: r.method as string,
      status: r.status as string,
      plans: Number(r.plans),
      principal: Money.fromFen(String(r.principal_fen ?? '0')).toYuan(),
    })),
    methods: labels('disposal_method'),
    statuses: labels('disposal_plan_status'),
  }
}

export default handler
