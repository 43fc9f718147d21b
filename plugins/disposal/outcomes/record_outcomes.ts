/*
| recordDisposalOutcomes: the batch form of recordDisposalOutcome for a plugin
| that completes thousands of disposals in one step (批量核销 writes one
| outcome per loan). Same rules, same rows, far fewer statements: the inputs
| are validated one by one as the single path does, then the loans, customers
| and covering 处置预案 are read once for the whole batch, the outcomes and
| their loans inserted in multi-row statements, and the timeline events
| written in one go.
|
| - Idempotent like the single path: an input whose (sourcePlugin, sourceRef)
|   is already recorded goes through recordDisposalOutcome (same facts → kept,
|   other figures → 409). Two inputs of one batch with the same source: 422.
| - A concurrent twin inserted between the check and the insert makes that
|   chunk's multi-row INSERT fail as a whole (the statement rolls back); the
|   chunk is then recorded one by one, where the twin wins as usual.
| - Returns the outcome ids in input order and how many were new.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import {
  addDisposalEvents,
  loansAndCustomers,
  type OutcomeCustomer,
  type OutcomeLoan,
} from './credit_assets.js'
import { OutcomeError } from './outcome_error.js'
import {
  assertMethod,
  checkedInput,
  markImplemented,
  oneCustomersLoans,
  outcomeRow,
  recordDisposalOutcome,
  resolvePlan,
  type DisposalOutcomeInput,
} from './record_outcome.js'

/* ~22 columns a row: 500 rows stay below SQLite's 32 766 bound variables. */
const CHUNK = 500

export interface OutcomesRecorded {
  /** Outcome ids, in the order of the inputs. */
  ids: number[]
  /** How many were new (the rest were already recorded with the same facts). */
  created: number
}

interface Pending {
  index: number
  raw: DisposalOutcomeInput
  input: DisposalOutcomeInput
  fen: Record<string, string>
  loans: OutcomeLoan[]
  customer: OutcomeCustomer
  plan: { id: number; status: string; planNo: string | null } | null
}

const time = (value: unknown) =>
  value ? new Date(value as any).getTime() : Number.NEGATIVE_INFINITY

/**
 * The newest approved (or implemented) plan of each input's method covering all
 * its loans — approvedPlanFor's rule, for the whole batch in one read.
 */
async function coveringPlans(trx: TransactionClientContract, pending: Pending[]) {
  const loanIds = [...new Set(pending.flatMap((p) => p.loans.map((l) => l.id)))]
  const methods = [...new Set(pending.map((p) => p.input.method))]
  interface Candidate {
    id: number
    status: string
    planNo: string
    method: string
    decidedAt: number
    loans: Set<number>
  }
  const plans = new Map<number, Candidate>()
  const byLoan = new Map<number, Set<number>>()
  for (let start = 0; start < loanIds.length; start += 1000) {
    const rows = await trx
      .from('disposal_plan_loans as pl')
      .join('disposal_plans as p', 'p.id', 'pl.plan_id')
      .whereIn('pl.loan_id', loanIds.slice(start, start + 1000))
      .whereIn('p.status', ['approved', 'implemented'])
      .whereIn('p.method', methods)
      .select('pl.plan_id', 'pl.loan_id', 'p.status', 'p.plan_no', 'p.method', 'p.decided_at')
    for (const row of rows) {
      const id = Number(row.plan_id)
      const plan = plans.get(id) ?? {
        id,
        status: row.status,
        planNo: row.plan_no,
        method: row.method,
        decidedAt: time(row.decided_at),
        loans: new Set<number>(),
      }
      plan.loans.add(Number(row.loan_id))
      plans.set(id, plan)
      const loan = Number(row.loan_id)
      byLoan.set(loan, (byLoan.get(loan) ?? new Set()).add(id))
    }
  }
  return (p: Pending) => {
    const candidates = [...(byLoan.get(p.loans[0].id) ?? [])]
      .map((id) => plans.get(id)!)
      .filter((plan) => plan.method === p.input.method)
      .filter((plan) => p.loans.every((l) => plan.loans.has(l.id)))
      .sort((a, b) => b.decidedAt - a.decidedAt || b.id - a.id)
    const best = candidates[0]
    return best ? { id: best.id, status: best.status, planNo: best.planNo } : null
  }
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' || String(error?.code ?? '').startsWith('SQLITE_CONSTRAINT')

export async function recordDisposalOutcomes(
  trx: TransactionClientContract,
  raws: DisposalOutcomeInput[]
): Promise<OutcomesRecorded> {
  const ids: number[] = new Array(raws.length)
  let created = 0
  const checked = []
  const sources = new Set<string>()
  for (const [index, raw] of raws.entries()) {
    const { input, fen } = await checkedInput(raw)
    const source = `${input.sourcePlugin}\u0000${input.sourceRef}`
    if (sources.has(source))
      throw new OutcomeError(
        422,
        `来源记录 ${input.sourcePlugin}/${input.sourceRef} 在同一批中出现两次`,
        `${input.sourcePlugin}/${input.sourceRef} appears twice in one batch`
      )
    sources.add(source)
    checked.push({ index, raw, input, fen })
  }

  // Already recorded: the single path decides (same facts → kept, other figures → 409).
  const known = new Set<string>()
  for (const plugin of new Set(checked.map((c) => c.input.sourcePlugin))) {
    const refs = checked
      .filter((c) => c.input.sourcePlugin === plugin)
      .map((c) => c.input.sourceRef)
    for (let start = 0; start < refs.length; start += 1000)
      for (const row of await trx
        .from('disposal_outcomes')
        .where('source_plugin', plugin)
        .whereIn('source_ref', refs.slice(start, start + 1000))
        .select('source_ref'))
        known.add(`${plugin}\u0000${row.source_ref}`)
  }
  const fresh = []
  for (const c of checked) {
    if (!known.has(`${c.input.sourcePlugin}\u0000${c.input.sourceRef}`)) fresh.push(c)
    else ids[c.index] = (await recordDisposalOutcome(trx, c.raw)).outcome.id
  }
  if (!fresh.length) return { ids, created }

  for (const method of new Set(fresh.map((c) => c.input.method))) await assertMethod(method)
  const loanIds = [...new Set(fresh.flatMap((c) => c.input.loanIds))]
  const loans = new Map<number, OutcomeLoan>()
  const customers = new Map<number, OutcomeCustomer>()
  for (let start = 0; start < loanIds.length; start += 1000) {
    const found = await loansAndCustomers(trx, loanIds.slice(start, start + 1000))
    for (const l of found.loans) loans.set(l.id, l)
    for (const c of found.customers) customers.set(c.id, c)
  }
  const pending: Pending[] = fresh.map((c) => ({
    ...c,
    ...oneCustomersLoans(c.input.loanIds, loans, customers),
    plan: null,
  }))
  const covering = await coveringPlans(trx, pending)
  for (const p of pending)
    p.plan = p.input.planId
      ? { ...(await resolvePlan(trx, p.input, p.customer.id))!, planNo: null }
      : covering(p)
  const planNos = await planNumbers(trx, pending)

  const recordedOn = await businessDate.current()
  for (let start = 0; start < pending.length; start += CHUNK) {
    const chunk = pending.slice(start, start + CHUNK)
    const rows = chunk.map((p) =>
      outcomeRow(p.input, p.fen, {
        customer: p.customer,
        loans: p.loans,
        planId: p.plan?.id ?? null,
        recordedOn,
      })
    )
    try {
      await trx.table('disposal_outcomes').multiInsert(rows)
    } catch (error) {
      if (!isDuplicate(error)) throw error
      // A concurrent twin: this chunk one by one (the twin is returned, created: false).
      for (const p of chunk) {
        const one = await recordDisposalOutcome(trx, p.raw)
        ids[p.index] = one.outcome.id
        if (one.created) created++
      }
      continue
    }
    const byRef = new Map<string, number>()
    for (const plugin of new Set(chunk.map((p) => p.input.sourcePlugin)))
      for (const row of await trx
        .from('disposal_outcomes')
        .where('source_plugin', plugin)
        .whereIn(
          'source_ref',
          chunk.filter((p) => p.input.sourcePlugin === plugin).map((p) => p.input.sourceRef)
        )
        .select('id', 'source_ref'))
        byRef.set(`${plugin}\u0000${row.source_ref}`, Number(row.id))
    for (const p of chunk)
      ids[p.index] = byRef.get(`${p.input.sourcePlugin}\u0000${p.input.sourceRef}`)!
    await trx
      .table('disposal_outcome_loans')
      .multiInsert(
        chunk.flatMap((p) =>
          p.loans.map((l) => ({ outcome_id: ids[p.index], loan_id: l.id, loan_no: l.loanNo }))
        )
      )
    created += chunk.length
    for (const p of chunk) {
      await markImplemented(trx, p.plan, ids[p.index], p.input)
      // The plan is implemented now: later outcomes of the batch find it so, as one by one would.
      if (p.plan?.status === 'approved')
        for (const q of pending)
          if (q.plan?.id === p.plan.id) q.plan = { ...q.plan, status: 'implemented' }
    }
    const yuan = (fen: string) => Money.fromFen(fen).toYuan()
    await addDisposalEvents(
      trx,
      chunk.flatMap((p) =>
        p.loans.map((l) => ({
          loanId: l.id,
          customerId: p.customer.id,
          businessDate: p.input.completedOn,
          operatorId: p.input.operatorId ?? null,
          // The single path's timeline() payload, key for key.
          after: {
            outcomeId: ids[p.index],
            method: p.input.method,
            completedOn: p.input.completedOn,
            cashRecovered: yuan(p.fen.cashRecovered),
            balanceReduced: yuan(p.fen.balanceReduced),
            planNo: p.plan ? (planNos.get(p.plan.id) ?? null) : null,
            reversesId: null,
          },
        }))
      )
    )
  }
  return { ids, created }
}

async function planNumbers(trx: TransactionClientContract, pending: Pending[]) {
  const planIds = [...new Set(pending.flatMap((p) => (p.plan ? [p.plan.id] : [])))]
  const numbers = new Map<number, string>()
  for (let start = 0; start < planIds.length; start += 1000)
    for (const row of await trx
      .from('disposal_plans')
      .whereIn('id', planIds.slice(start, start + 1000))
      .select('id', 'plan_no'))
      numbers.set(Number(row.id), row.plan_no)
  return numbers
}
