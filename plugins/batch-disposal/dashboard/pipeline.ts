/*
| 批量处置进度 (home page): the projects the viewer sees by stage — count, pooled
| principal and the price agreed so far. Projects are scoped by their own org
| (a branch's view of a head-office pool is on the pool pages, not here).
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { Money } from '#core/money/money'
import { STAGES } from '../domain/dictionaries.js'

const SCOPE = { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' }

const handler: WidgetDataHandler = async ({ scope }) => {
  const rows = await scope(db.from('batch_disposal_projects as p'), SCOPE)
    .whereNotIn('p.status', ['rejected', 'withdrawn'])
    .groupBy('p.stage')
    .select(
      'p.stage',
      db.raw('COUNT(*) as n'),
      db.raw(
        'CAST(COALESCE(SUM((SELECT SUM(i.principal_fen) FROM batch_disposal_items i WHERE i.project_id = p.id)), 0) AS CHAR) as principal_fen'
      ),
      db.raw(
        "CAST(COALESCE(SUM((SELECT SUM(k.price_fen) FROM batch_disposal_packages k WHERE k.project_id = p.id AND k.status NOT IN ('draft', 'pending', 'returned', 'rejected', 'committee', 'approved'))), 0) AS CHAR) as price_fen"
      )
    )
  const of = new Map(rows.map((r: any) => [r.stage, r]))
  const stages = STAGES.map(([code]) => {
    const r: any = of.get(code)
    return {
      stage: code,
      count: Number(r?.n ?? 0),
      principal: Money.fromFen(String(r?.principal_fen ?? '0')).toYuan(),
      price: Money.fromFen(String(r?.price_fen ?? '0')).toYuan(),
    }
  })
  return { total: stages.reduce((n, s) => n + s.count, 0), stages }
}

export default handler
