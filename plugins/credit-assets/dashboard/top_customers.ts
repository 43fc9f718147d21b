/*
| 风险客户排名: the customers with the largest principal balance under risk-asset
| management in the user's scope (top N, default 10, at most 20).
*/
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import type { WidgetDataHandler } from '#core/plugins/types'
import { fenSum, yuanOf } from './fen_sum.js'
import { customerRiskTotalsSource } from '../snapshots/dashboard_totals.js'

const input = vine.compile(
  vine.object({ n: vine.number().withoutDecimals().range([1, 20]).optional() })
)

const handler: WidgetDataHandler = async ({ scope, query }) => {
  const { n } = await input.validate(query)
  // The snapshot step's per-customer groups, live-corrected (snapshots/dashboard_totals.ts);
  // before the first snapshot, every managed risk asset's loan row.
  const source = await customerRiskTotalsSource(db)
  const rows = source
    ? await scope(
        db
          .from(db.raw(`(${source.sql}) as a`, source.bindings as any[]) as any)
          .join('ca_customers as c', 'c.id', 'a.customer_id'),
        { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' }
      )
        .groupBy('c.id', 'c.name', 'c.customer_type')
        .select('c.id', 'c.name', 'c.customer_type', db.raw('CAST(SUM(a.loans) AS CHAR) as loans'))
        .select(fenSum('a.balance_fen', 'balance_fen'))
        // A customer whose managed loans all left since the snapshot nets to none.
        .havingRaw('SUM(a.loans) > 0')
        .orderByRaw('SUM(a.balance_fen) DESC')
        .orderBy('c.id')
        .limit(n ?? 10)
    : await scope(
        db
          .from('ca_risk_assets as r')
          .join('ca_loans as l', 'l.id', 'r.loan_id')
          .join('ca_customers as c', 'c.id', 'r.customer_id')
          .where('r.status', 'managed'),
        { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' }
      )
        .groupBy('c.id', 'c.name', 'c.customer_type')
        .select('c.id', 'c.name', 'c.customer_type', db.raw('COUNT(*) as loans'))
        .select(fenSum('l.balance_fen', 'balance_fen'))
        .orderByRaw('SUM(l.balance_fen) DESC')
        .orderBy('c.id')
        .limit(n ?? 10)
  return {
    rows: rows.map((r) => ({
      customerId: Number(r.id),
      customerName: r.name as string,
      customerType: r.customer_type as string,
      loans: Number(r.loans),
      balance: yuanOf(r.balance_fen),
    })),
  }
}

export default handler
