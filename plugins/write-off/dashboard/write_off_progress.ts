/*
| 核销进度 (home page): this year's write-offs in the viewer's scope against the
| annual target (参数 write-off.annualTarget), and what came back after the
| write-off this year (核销后收回: repayments on written-off loans and cards
| paid on or after their write-off date). Summed in fen by the database.
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { Decimal } from 'decimal.js'
import { Money, decimalText } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { businessDate } from '#core/business_day/business_date'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const SCOPE = { orgColumn: 'i.org_id', ownerColumn: 'i.manager_id' }
const fen = (v: unknown) => Money.fromFen(String(v ?? '0'))

/**
 * 完成率: percent with one decimal, cut (not rounded) so 100.0 shows only when the
 * target is met; exact in decimal.js from the fen integers (no float on the way).
 */
export function completionPercent(total: Money, target: Money) {
  if (target.isZero()) return null
  const percent = new Decimal(total.toFen())
    .times(100)
    .div(target.toFen())
    .toDecimalPlaces(1, Decimal.ROUND_DOWN)
  return decimalText(percent.toString(), 1)
}

const handler: WidgetDataHandler = async ({ scope }) => {
  const today = await businessDate.current()
  const year = today.slice(0, 4)
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const written = await scope(db.from('write_off_plan_items as i'), SCOPE)
    .whereBetween('i.written_off_on', [from, to])
    .groupBy('i.subject_kind')
    .select(
      'i.subject_kind',
      db.raw('COUNT(*) as n'),
      db.raw(
        'CAST(SUM(i.principal_fen + i.on_balance_interest_fen + i.off_balance_interest_fen + i.fee_fen) AS CHAR) as total_fen'
      )
    )
  const loanBack = await scope(db.from('write_off_plan_items as i'), SCOPE)
    .join(book.repayments.as('r'), 'r.loan_id', 'i.subject_id')
    .where('i.subject_kind', 'loan')
    .whereNotNull('i.written_off_on')
    .whereRaw('r.paid_on >= i.written_off_on')
    .whereBetween('r.paid_on', [from, to])
    .select(db.raw('CAST(SUM(r.principal_fen + r.interest_fen + r.penalty_fen) AS CHAR) as fen'))
    .first()
  const cardBack = await scope(db.from('write_off_plan_items as i'), SCOPE)
    .join(book.cardRepayments.as('r'), 'r.account_id', 'i.subject_id')
    .where('i.subject_kind', 'card')
    .whereNotNull('i.written_off_on')
    .whereRaw('r.paid_on >= i.written_off_on')
    .whereBetween('r.paid_on', [from, to])
    .select(db.raw('CAST(SUM(r.amount_fen) AS CHAR) as fen'))
    .first()
  const byKind = Object.fromEntries(
    ['loan', 'card'].map((k) => {
      const row = written.find((w: any) => w.subject_kind === k)
      return [k, { count: Number(row?.n ?? 0), amount: fen(row?.total_fen).toYuan() }]
    })
  )
  const total = Money.sum(written.map((w: any) => fen(w.total_fen)))
  const target = Money.fromYuan(await settings.raw('write-off.annualTarget'))
  return {
    year,
    writtenOff: total.toYuan(),
    target: target.toYuan(),
    completion: completionPercent(total, target),
    byKind,
    recovered: fen(loanBack?.fen).plus(fen(cardBack?.fen)).toYuan(),
  }
}

export default handler
