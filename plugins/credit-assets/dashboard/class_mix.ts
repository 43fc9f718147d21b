/*
| 五级分类分布: the active loan book in the user's scope by five-category class
| (正常/关注/次级/可疑/损失), principal balance and count. The 不良 share
| (次级 + 可疑 + 损失) is the figure a risk manager reads first. Live (the
| snapshot groups corrected by the loans changed since), like the lists.
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { Decimal } from 'decimal.js'
import { Money, decimalText } from '#core/money/money'
import { FIVE_CLASSES } from '../rules/five_class.js'
import { NON_PERFORMING_CLASSES } from '../services/risk_since.js'
import { fenSum } from './fen_sum.js'
import { classTotalsSource } from '../snapshots/dashboard_totals.js'

const NON_PERFORMING = new Set(NON_PERFORMING_CLASSES)

const handler: WidgetDataHandler = async ({ scope }) => {
  // The snapshot step's groups, live-corrected (snapshots/dashboard_totals.ts); before the
  // first snapshot, every active loan row (1 M on the bench book).
  const source = await classTotalsSource(db)
  const rows = source
    ? await scope(db.from(db.raw(`(${source.sql}) as a`, source.bindings as any[]) as any), {
        orgColumn: 'a.org_id',
        ownerColumn: 'a.manager_id',
      })
        .groupBy('a.five_class')
        .select('a.five_class', db.raw('CAST(SUM(a.loans) AS CHAR) as loans'))
        .select(fenSum('a.balance_fen', 'balance_fen'))
    : await scope(db.from('ca_loans as l').where('l.status', 'active'), {
        orgColumn: 'l.org_id',
        ownerColumn: 'l.manager_id',
      })
        .groupBy('l.five_class')
        .select('l.five_class', db.raw('COUNT(*) as loans'))
        .select(fenSum('l.balance_fen', 'balance_fen'))
  const byClass = new Map(rows.map((r) => [r.five_class as string, r]))
  const slices = FIVE_CLASSES.map((code) => ({
    code,
    loans: Number(byClass.get(code)?.loans ?? 0),
    balance: Money.fromFen(String(byClass.get(code)?.balance_fen ?? '0')),
  }))
  const total = Money.sum(slices.map((s) => s.balance))
  const npl = Money.sum(slices.filter((s) => NON_PERFORMING.has(s.code)).map((s) => s.balance))
  return {
    classes: slices.map((s) => ({ ...s, balance: s.balance.toYuan() })),
    total: total.toYuan(),
    nonPerforming: npl.toYuan(),
    /** 不良率 in percent, two decimals; null for an empty book. */
    nonPerformingRatio: total.isZero()
      ? null
      : decimalText(new Decimal(npl.toFen()).times(100).dividedBy(total.toFen()).toString(), 2),
  }
}

export default handler
