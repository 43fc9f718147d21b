import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import type { WidgetDataHandler } from '#core/plugins/types'

/*
| 首页视图 widget data: plans per status in the viewer's data scope. Sums are
| done by the database on BIGINT fen and read as text, then shown as yuan (money rule).
*/
const handler: WidgetDataHandler = async ({ scope }) => {
  const rows = await scope(
    db
      .from('relief_plans')
      .select('status')
      .count('* as count')
      .sum('amount_fen as fen')
      .groupBy('status'),
    { orgColumn: 'org_id', ownerColumn: 'created_by' }
  )
  return {
    statuses: rows.map((r: { status: string; count: number | string; fen: string | null }) => ({
      status: r.status,
      count: Number(r.count),
      amount: Money.fromFen(String(r.fen ?? '0')).toYuan(),
    })),
  }
}

export default handler
