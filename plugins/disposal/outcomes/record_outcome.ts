/*
| recordDisposalOutcome: records one disposal carried out (with
| reverse_outcome.ts, the only writers of disposal_outcomes). Called by a
| plugin inside its own transaction when a disposal completes, so the outcome, the plan's 已实施 and the risk-asset
| timeline events commit (or roll back) with the plugin's own change.
|
| - Idempotent on (sourcePlugin, sourceRef): the same completion sent twice is
|   one outcome (the second call returns it, created: false); the same ref with
|   different figures is a 409, never a silent overwrite.
| - Never updated: a correction is reverseDisposalOutcome (reverse_outcome.ts)
|   plus a new recordDisposalOutcome.
| - Amounts are yuan text to the fen ("1234.56"); stored as fen.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDate } from '#core/business_day/business_date'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { recordPlanEvent } from '../plans/plan_events.js'
import { outcomeInputValidator } from '../validators/outcome.js'
import { loansAndCustomers, type OutcomeCustomer, type OutcomeLoan } from './credit_assets.js'
import { OutcomeError, refuseUnknown } from './outcome_error.js'
import { approvedPlanFor } from './plan_for.js'
import { AMOUNTS, loadOutcome, type DisposalOutcome } from './outcome_read.js'
import { bySource, insertOutcome, timeline } from './outcome_write.js'

export interface DisposalOutcomeInput {
  /** The loans (借据) disposed of, all of one customer. */
  loanIds: number[]
  /** disposal_method dictionary code. */
  method: string
  /** Business date the disposal completed ('YYYY-MM-DD'). */
  completedOn: string
  /** Yuan text, at most two decimals, ≥ 0; omitted = 0. */
  cashRecovered?: string
  nonCashRecovered?: string
  writtenOff?: string
  relieved?: string
  loss?: string
  fees?: string
  /**
   * 压降: how much the risk-asset (principal) balance came down. Omitted = cash +
   * non-cash + written off + relieved + loss (fees are a cost, not a reduction).
   * A cash recovery that also paid interest passes the principal part here.
   */
  balanceReduced?: string
  /** The 处置预案 carried out; omitted = the newest approved plan of the method covering the loans. */
  planId?: number | null
  /** The calling plugin's id and its record's reference: the idempotency key. */
  sourcePlugin: string
  sourceRef: string
  /** Console path of the source record, e.g. '/p/litigation/Cases?id=12'. */
  sourceLink?: string | null
  remark?: string | null
  /** The user who completed it (null for a system feed). */
  operatorId?: number | null
}

export const INPUT_KEYS = [
  'loanIds',
  'method',
  'completedOn',
  ...AMOUNTS.map((a) => a.key),
  'balanceReduced',
  'planId',
  'sourcePlugin',
  'sourceRef',
  'sourceLink',
  'remark',
  'operatorId',
] as const
const fenOf = (yuan: string | undefined) => Money.fromYuan(yuan ?? '0').toFen()

export async function assertMethod(method: string) {
  const { data } = await dictionariesCache.current()
  const item = (data['disposal_method'] ?? []).find((i) => i.code === method)
  if (!item || !item.enabled)
    throw new OutcomeError(
      422,
      `处置方式 ${method} 不在字典中或已停用`,
      `Unknown disposal method ${method}`
    )
}

/** The input validated (unknown fields refused) and its amounts in fen, 压降 filled in. */
export async function checkedInput(raw: DisposalOutcomeInput) {
  refuseUnknown(raw, INPUT_KEYS)
  const input = (await outcomeInputValidator.validate(raw)) as DisposalOutcomeInput
  const fen: Record<string, string> = {}
  for (const { key } of AMOUNTS) fen[key] = fenOf((input as any)[key])
  fen.balanceReduced =
    input.balanceReduced !== undefined
      ? fenOf(input.balanceReduced)
      : Money.sum(
          ['cashRecovered', 'nonCashRecovered', 'writtenOff', 'relieved', 'loss'].map((k) =>
            Money.fromFen(fen[k])
          )
        ).toFen()
  return { input, fen }
}

/** The outcome's loans (in id order) and their one customer; 422 when a loan is missing or customers differ. */
export function oneCustomersLoans(
  loanIds: number[],
  loans: Map<number, OutcomeLoan>,
  customers: Map<number, OutcomeCustomer>
) {
  const missing = loanIds.find((id) => !loans.has(id))
  if (missing) throw new OutcomeError(422, `借据 ${missing} 不存在`, `Loan ${missing} not found`)
  const mine = [...new Set(loanIds)].map((id) => loans.get(id)!).sort((a, b) => a.id - b.id)
  const customerIds = new Set(mine.map((l) => l.customerId))
  const customer = customers.get(mine[0].customerId)
  if (customerIds.size !== 1 || !customer)
    throw new OutcomeError(
      422,
      '一条处置结果只能包含同一客户的借据',
      'An outcome covers one customer’s loans'
    )
  return { loans: mine, customer }
}

/** The disposal_outcomes row of a new outcome (one place for the single and the batch path). */
export function outcomeRow(
  input: DisposalOutcomeInput,
  fen: Record<string, string>,
  of: { customer: OutcomeCustomer; loans: OutcomeLoan[]; planId: number | null; recordedOn: string }
) {
  const one = <T>(values: T[], fallback: T) => (new Set(values).size === 1 ? values[0] : fallback)
  return {
    source_plugin: input.sourcePlugin,
    source_ref: input.sourceRef,
    source_link: input.sourceLink ?? null,
    customer_id: of.customer.id,
    customer_no: of.customer.customerNo,
    customer_name: of.customer.name,
    // The loans' booking org and manager decide whose result it is (目标管理 does the same).
    org_id: one(
      of.loans.map((l) => l.orgId),
      of.customer.orgId
    ),
    manager_id: one(
      of.loans.map((l) => l.managerId),
      of.customer.managerId
    ),
    method: input.method,
    completed_on: input.completedOn,
    recorded_on: of.recordedOn,
    ...Object.fromEntries(AMOUNTS.map((a) => [a.column, fen[a.key]])),
    balance_reduced_fen: fen.balanceReduced,
    plan_id: of.planId,
    reverses_id: null,
    remark: input.remark ?? null,
    created_by: input.operatorId ?? null,
    created_at: dbNow(),
  }
}

/** The same completion sent again must carry the same facts. */
function sameFacts(
  existing: DisposalOutcome,
  input: DisposalOutcomeInput,
  fen: Record<string, string>
) {
  const loans = [...input.loanIds].sort((a, b) => a - b).join(',')
  return (
    existing.method === input.method &&
    existing.completedOn === input.completedOn &&
    existing.loans
      .map((l) => l.loanId)
      .sort((a, b) => a - b)
      .join(',') === loans &&
    [...AMOUNTS.map((a) => a.key), 'balanceReduced'].every(
      (key) => Money.fromYuan((existing as any)[key]).toFen() === fen[key]
    )
  )
}

export async function resolvePlan(
  trx: TransactionClientContract,
  input: DisposalOutcomeInput,
  customerId: number
) {
  if (!input.planId) {
    const found = await approvedPlanFor(input.loanIds, input.method, {
      includeImplemented: true,
      client: trx,
    })
    return found ? { id: found.id, status: found.status } : null
  }
  const plan = await trx.from('disposal_plans').where('id', input.planId).forUpdate().first()
  const refuse = (zh: string, en: string) => {
    throw new OutcomeError(422, zh, en)
  }
  if (!plan) return refuse(`处置预案 ${input.planId} 不存在`, `Plan ${input.planId} not found`)
  if (Number(plan.customer_id) !== customerId)
    refuse(
      `处置预案 ${plan.plan_no} 不是该客户的预案`,
      `Plan ${plan.plan_no} is another customer's`
    )
  if (!['approved', 'implemented'].includes(plan.status))
    refuse(`处置预案 ${plan.plan_no} 未获批准`, `Plan ${plan.plan_no} is not approved`)
  if (plan.method !== input.method)
    refuse(
      `处置预案 ${plan.plan_no} 的处置方式与本次处置不符`,
      `Plan ${plan.plan_no} is for another method`
    )
  return { id: Number(plan.id), status: plan.status as string }
}

/** A plan still `approved` becomes `implemented` with its event, naming the outcome that did it. */
export async function markImplemented(
  trx: TransactionClientContract,
  plan: { id: number; status: string } | null,
  outcomeId: number,
  input: Pick<DisposalOutcomeInput, 'sourcePlugin' | 'sourceRef' | 'operatorId'>
) {
  if (plan?.status !== 'approved') return
  // Conditional on 'approved': of two outcomes recorded at once, one marks it and writes the event.
  const marked = await trx
    .from('disposal_plans')
    .where({ id: plan.id, status: 'approved' })
    .update({ status: 'implemented', updated_at: dbNow() })
  if (Number(Array.isArray(marked) ? marked[0] : marked) !== 1) return
  await recordPlanEvent(trx, {
    planId: plan.id,
    eventType: 'implemented',
    fromStatus: 'approved',
    toStatus: 'implemented',
    actorId: input.operatorId ?? null,
    comment: `处置结果 #${outcomeId}（${input.sourcePlugin}/${input.sourceRef}）`,
  })
}

export async function recordDisposalOutcome(
  trx: TransactionClientContract,
  raw: DisposalOutcomeInput
): Promise<{ outcome: DisposalOutcome; created: boolean }> {
  const { input, fen } = await checkedInput(raw)

  const existing = await bySource(trx, input.sourcePlugin, input.sourceRef)
  if (existing) {
    const outcome = (await loadOutcome(trx, Number(existing.id)))!
    if (!sameFacts(outcome, input, fen))
      throw new OutcomeError(
        409,
        `来源记录 ${input.sourcePlugin}/${input.sourceRef} 已登记为处置结果 #${outcome.id}，内容不同：更正请先冲正`,
        `${input.sourcePlugin}/${input.sourceRef} is already outcome #${outcome.id} with other figures: reverse it to correct`
      )
    return { outcome, created: false }
  }

  await assertMethod(input.method)
  const found = await loansAndCustomers(trx, input.loanIds)
  const { loans, customer } = oneCustomersLoans(
    input.loanIds,
    new Map(found.loans.map((l) => [l.id, l])),
    new Map(found.customers.map((c) => [c.id, c]))
  )
  const plan = await resolvePlan(trx, input, customer.id)

  const { id, created } = await insertOutcome(
    trx,
    outcomeRow(input, fen, {
      customer,
      loans,
      planId: plan?.id ?? null,
      recordedOn: await businessDate.current(),
    }),
    loans
  )
  const outcome = (await loadOutcome(trx, id))!
  if (!created) return { outcome, created }
  await markImplemented(trx, plan, id, input)
  await timeline(trx, outcome, input.operatorId ?? null)
  return { outcome, created }
}
