import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import type { WidgetDataHandler } from '#core/plugins/types'

/*
| 首页视图: 本年减免金额 in the viewer's data scope — plans whose agreement (协议日,
| the approval) falls in the business date's year and that were not cancelled
| (已违约/已终止 reverse their relief), per month. Sums by the database on BIGINT
| fen, read as text; months added up exactly with bigint.
*/
const handler: WidgetDataHandler = async ({ scope }) => {
  const year = (await businessDate.current()).slice(0, 4)
  const rows = await scope(
    db
      .from('relief_plans')
      .whereIn('status', ['executing', 'completed'])
      .where('agreement_date', '>=', `${year}-01-01`)
      .where('agreement_date', '<=', `${year}-12-31`)
      .select('agreement_date')
      .count('* as count')
      .select(db.raw('CAST(SUM(relief_fen) AS CHAR) as relief'))
      .select(db.raw('CAST(SUM(paid_fen) AS CHAR) as paid'))
      .groupBy('agreement_date'),
    { orgColumn: 'org_id', ownerColumn: 'created_by' }
  )
  const months = Array.from({ length: 12 }, (_, n) => ({
    month: n + 1,
    count: 0,
    relief: 0n,
    paid: 0n,
  }))
  for (const r of rows as any[]) {
    const date =
      r.agreement_date instanceof Date ? r.agreement_date : new Date(String(r.agreement_date))
    const m =
      months[
        r.agreement_date instanceof Date
          ? date.getMonth()
          : Number(String(r.agreement_date).slice(5, 7)) - 1
      ]
    m.count += Number(r.count)
    m.relief += BigInt(String(r.relief ?? '0'))
    m.paid += BigInt(String(r.paid ?? '0'))
  }
  const yuan = (v: bigint) => Money.fromFen(v.toString()).toYuan()
  return {
    year: Number(year),
    total: yuan(months.reduce((t, m) => t + m.relief, 0n)),
    count: months.reduce((t, m) => t + m.count, 0),
    months: months.map((m) => ({
      month: m.month,
      count: m.count,
      relief: yuan(m.relief),
      paid: yuan(m.paid),
    })),
  }
}

export default handler
