/*
| reverseDisposalOutcome: a correction's first half. The reversing row has
| every amount negated and the original's loans, method, completion date and
| plan, so the original period nets out; the original row is never touched.
| Idempotent on its own (sourcePlugin, sourceRef) like any outcome.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { reversalInputValidator } from '../validators/outcome.js'
import { OutcomeError, refuseUnknown } from './outcome_error.js'
import { AMOUNTS, loadOutcome, type DisposalOutcome } from './outcome_read.js'
import { bySource, insertOutcome, timeline } from './outcome_write.js'

export interface ReversalInput {
  outcomeId: number
  sourcePlugin: string
  sourceRef: string
  sourceLink?: string | null
  /** Why (required: a reversal without a reason is not auditable). */
  remark: string
  operatorId?: number | null
}

const REVERSAL_KEYS = [
  'outcomeId',
  'sourcePlugin',
  'sourceRef',
  'sourceLink',
  'remark',
  'operatorId',
]

/** Cancels an outcome with a negated twin (the plan keeps its 已实施: the disposal happened). */
export async function reverseDisposalOutcome(
  trx: TransactionClientContract,
  raw: ReversalInput
): Promise<{ outcome: DisposalOutcome; created: boolean }> {
  refuseUnknown(raw, REVERSAL_KEYS)
  const input = (await reversalInputValidator.validate(raw)) as ReversalInput
  const existing = await bySource(trx, input.sourcePlugin, input.sourceRef)
  if (existing) {
    const outcome = (await loadOutcome(trx, Number(existing.id)))!
    if (outcome.reversesId !== input.outcomeId)
      throw new OutcomeError(
        409,
        `来源记录 ${input.sourcePlugin}/${input.sourceRef} 已登记为处置结果 #${outcome.id}`,
        `${input.sourcePlugin}/${input.sourceRef} is already outcome #${outcome.id}`
      )
    return { outcome, created: false }
  }
  const original = await trx
    .from('disposal_outcomes')
    .where('id', input.outcomeId)
    .forUpdate()
    .first()
  if (!original)
    throw new OutcomeError(
      404,
      `处置结果 #${input.outcomeId} 不存在`,
      `Outcome #${input.outcomeId} not found`
    )
  if (original.reverses_id !== null)
    throw new OutcomeError(422, '冲正记录不能再冲正', 'A reversal cannot be reversed')
  const twice = await trx
    .from('disposal_outcomes')
    .where('reverses_id', original.id)
    .select('id')
    .first()
  if (twice)
    throw new OutcomeError(
      409,
      `处置结果 #${original.id} 已由 #${twice.id} 冲正`,
      `Outcome #${original.id} was already reversed by #${twice.id}`
    )
  const loans = await trx
    .from('disposal_outcome_loans')
    .where('outcome_id', original.id)
    .orderBy('id')
  const negate = (value: unknown) => Money.fromFen(String(value)).negate().toFen()
  const { id, created } = await insertOutcome(
    trx,
    {
      ...Object.fromEntries(
        [
          'customer_id',
          'customer_no',
          'customer_name',
          'org_id',
          'manager_id',
          'method',
          'completed_on',
          'plan_id',
        ].map((c) => [c, original[c]])
      ),
      source_plugin: input.sourcePlugin,
      source_ref: input.sourceRef,
      source_link: input.sourceLink ?? null,
      recorded_on: await businessDate.current(),
      ...Object.fromEntries(
        [...AMOUNTS.map((a) => a.column), 'balance_reduced_fen'].map((c) => [
          c,
          negate(original[c]),
        ])
      ),
      reverses_id: original.id,
      remark: input.remark,
      created_by: input.operatorId ?? null,
      created_at: dbNow(),
    },
    loans.map((l) => ({ id: Number(l.loan_id), loanNo: l.loan_no }))
  )
  const outcome = (await loadOutcome(trx, id))!
  if (created) await timeline(trx, outcome, input.operatorId ?? null)
  return { outcome, created }
}
