/*
| 律师费 due under an engagement on what was actually recovered (实际回收金额): the
| confirmed recoveries (recoveries plugin's public service) on the engagement's loans
| — the case's or the 诉前方案's — from the day the case was filed (or the plan was
| applied for) to the business date; or a figure the user enters with a reason (a
| recovery outside the book: an asset taken in payment, a third party's payment). The
| agreement's rule (lawyers/rules.ts agreementFee: rate, cap, statutory ceiling) then
| gives the fee, rounded once. A payment never takes the total paid beyond it.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { decimalText, Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { businessDate } from '#core/business_day/business_date'
import { confirmedRecoveries } from '../../recoveries/services/recoveries_api.js'
import { agreementFee, riskCeiling, type FeeAgreement } from './rules.js'
import { RegistryError } from './registry.js'

export interface RecoveryBasisInput {
  /** Yuan text; omitted: the confirmed recoveries. */
  actualRecovery?: string
  actualRecoveryReason?: string
}

export interface FeeDue {
  /** The base of the fee (yuan). */
  recovered: string
  source: 'recoveries' | 'entered'
  reason: string | null
  /** What the recoveries plugin confirmed on the loans in the window (yuan), whatever the source. */
  confirmed: { amount: string; count: number; from: string; to: string }
  /** Under the agreement on `recovered`, half-up to the fen. */
  feeDue: string
  /** 司发通〔2021〕87号's ceiling on `recovered` (risk / mixed), else null. */
  ceiling: string | null
  paid: string
  /** feeDue − paid, never below zero. */
  outstanding: string
}

const fenOf = (v: unknown) => Money.fromFen(String(v ?? 0))

/** The loans and the start of the recovery window of an engagement row. */
async function subjectOf(client: QueryClientContract, row: any) {
  if (row.case_id) {
    const c = await client.from('lit_cases').where('id', row.case_id).select('filed_on').first()
    const loans = await client
      .from('lit_case_loans')
      .where('case_id', row.case_id)
      .select('loan_id')
    return { from: dateText(c?.filed_on), loanIds: loans.map((l) => Number(l.loan_id)) }
  }
  const p = await client
    .from('lit_plans')
    .where('id', row.plan_id)
    .select('application_date')
    .first()
  const loans = await client.from('lit_plan_loans').where('plan_id', row.plan_id).select('loan_id')
  return { from: dateText(p?.application_date), loanIds: loans.map((l) => Number(l.loan_id)) }
}

export function agreementOfRow(row: any): FeeAgreement {
  return {
    feeType: row.fee_type,
    fixedFee: fenOf(row.fixed_fee_fen).toYuan(),
    riskRate: String(row.risk_rate),
    feeCap: row.fee_cap_fen === null ? null : fenOf(row.fee_cap_fen).toYuan(),
  }
}

/** The fee due on an engagement row (scope already checked by the caller). */
export async function feeDueOf(
  row: any,
  input: RecoveryBasisInput,
  client: QueryClientContract = db.connection()
): Promise<FeeDue> {
  const entered = input.actualRecovery !== undefined && input.actualRecovery !== null
  const reason = input.actualRecoveryReason?.trim() || null
  if (entered && !reason)
    throw new RegistryError(422, '手工录入实际回收金额须说明理由', 'actualRecoveryReason')
  const to = await businessDate.current()
  const { from, loanIds } = await subjectOf(client, row)
  const rows = await confirmedRecoveries({ loanIds, from, to, client })
  const confirmed = Money.sum(rows.map((r) => Money.fromYuan(r.amount)))
  const recovered = entered ? Money.fromYuan(input.actualRecovery!) : confirmed
  const agreement = agreementOfRow(row)
  const feeDue = Money.fromYuan(agreementFee(agreement, recovered.toYuan()))
  const paidRow = await client
    .from('lit_engagement_payments')
    .where('engagement_id', row.id)
    .sum('amount_fen as fen')
    .first()
  const paid = fenOf(paidRow?.fen ?? 0)
  const outstanding = feeDue.minus(paid)
  return {
    recovered: recovered.toYuan(),
    source: entered ? 'entered' : 'recoveries',
    reason: entered ? reason : null,
    confirmed: { amount: confirmed.toYuan(), count: rows.length, from, to },
    feeDue: feeDue.toYuan(),
    ceiling:
      agreement.feeType === 'fixed'
        ? null
        : decimalText(riskCeiling(recovered.toYuan()).toString(), 2),
    paid: paid.toYuan(),
    outstanding: outstanding.isNegative() ? '0.00' : outstanding.toYuan(),
  }
}
