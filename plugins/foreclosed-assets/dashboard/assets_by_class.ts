import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import type { WidgetDataHandler } from '#core/plugins/types'
import { addMonths } from '../rules/deadline.js'

/*
| 首页视图 widget data: the assets still held, per class, by age against the
| legal 处置期限 — overdue (超期未处置: the disposal-period breaches), due within
| six months, within the period — in the viewer's data scope, with the
| breaches' count and book value as the headline.
*/
const handler: WidgetDataHandler = async ({ scope }) => {
  const today = await businessDate.current()
  const soon = addMonths(today, 6)
  const band = `CASE WHEN a.disposal_deadline < ? THEN 'overdue' WHEN a.disposal_deadline <= ? THEN 'due_soon' ELSE 'in_period' END`
  const rows = await scope(db.from('foreclosed_assets as a'), {
    orgColumn: 'a.org_id',
    ownerColumn: 'a.manager_id',
  })
    .whereNotIn('a.status', ['sold', 'fixed', 'written_off'])
    .groupBy('a.asset_class', 'band')
    .select('a.asset_class', db.raw(`${band} as band`, [today, soon]))
    .count('* as assets')
    .sum('a.book_value_fen as fen')
  const cells = rows.map((r: any) => ({
    assetClass: String(r.asset_class),
    band: String(r.band) as 'overdue' | 'due_soon' | 'in_period',
    assets: Number(r.assets),
    bookValue: Money.fromFen(String(r.fen ?? '0')).toYuan(),
  }))
  const overdue = cells.filter((c) => c.band === 'overdue')
  return {
    asOf: today,
    cells,
    breaches: overdue.reduce((n, c) => n + c.assets, 0),
    breachValue: Money.sum(overdue.map((c) => Money.fromYuan(c.bookValue))).toYuan(),
  }
}

export default handler
