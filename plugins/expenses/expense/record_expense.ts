/*
| recordExpense / listFor / totalsFor: what other plugins call (through
| services/expenses_api.ts). An expense recorded by another plugin is the same
| application the console makes — approved at once up to the 审批金额, else
| through the workflow — with the caller's record as its source.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { recordExpenseValidator } from '../validators/expense.js'
import { ExpenseError, refuseUnknown } from './expense_error.js'
import { expenseQuery, present, scopedExpenses, TABLE, type Expense } from './expense_read.js'
import { createExpense, writeContext, type ExpenseInput } from './expense_write.js'

/** The calling plugin's record: { plugin: 'litigation', kind: 'case', id: 12, label: '（2024）京0105民初12345号' }. */
export interface ExpenseSourceRef {
  plugin: string
  kind: string
  id: string | number
}

export interface RecordExpenseInput extends Omit<ExpenseInput, 'remark'> {
  remark?: string
  source: ExpenseSourceRef & {
    label?: string
    /** Internal console path of the record, e.g. '/p/litigation/Cases?id=12'. */
    link?: string
  }
  /** Your idempotency key: the same key from the same plugin is one expense. */
  requestKey?: string
  /** Who applied (the workflow's applicant, the audit row's actor). */
  operatorId: number
  /** Only a customer and loans in this scope may be named (else 404). Omitted: a system call. */
  access?: UserAccess
  /** The request, when there is one (the audit row then has its IP). */
  ctx?: HttpContext | null
}

const KEYS = [
  'feeKind',
  'customerId',
  'loanIds',
  'payer',
  'payee',
  'amount',
  'expenseDate',
  'recoverable',
  'remark',
  'source',
  'requestKey',
  'operatorId',
]

export async function recordExpense(
  trx: TransactionClientContract,
  raw: RecordExpenseInput
): Promise<{ expense: Expense; created: boolean }> {
  if (!trx) throw new Error('recordExpense needs the caller’s transaction')
  const { access, ctx, ...rest } = raw
  refuseUnknown(rest, KEYS)
  const input = await recordExpenseValidator.validate({
    ...rest,
    source: rest.source && { ...rest.source, id: String(rest.source.id ?? '') },
  })
  if (input.requestKey) {
    const existing = await expenseQuery(trx)
      .where('e.source_plugin', input.source.plugin)
      .where('e.request_key', input.requestKey)
      .first()
    if (existing) {
      const [expense] = await present([existing], trx)
      const same =
        expense.amount === Money.fromYuan(input.amount).toYuan() &&
        expense.feeKind === input.feeKind &&
        expense.customerId === input.customerId
      if (!same)
        throw new ExpenseError(
          409,
          `请求标识 ${input.requestKey} 已登记为另一笔费用 ${expense.expenseNo}`,
          `Request key ${input.requestKey} already recorded another expense`,
          'requestKey'
        )
      return { expense, created: false }
    }
  }
  const user = await trx.from('users').where('id', input.operatorId).select('id', 'org_id').first()
  if (!user) throw new ExpenseError(422, '经办人不存在', 'Unknown operator', 'operatorId')
  const expense = await createExpense(
    trx,
    input,
    { userId: Number(user.id), orgId: Number(user.org_id), access, ctx },
    await writeContext(),
    { source: input.source, requestKey: input.requestKey ?? null }
  )
  return { expense, created: true }
}

/** A record's expenses, newest first; with `access`, only those in the caller's scope. */
export async function listFor(source: ExpenseSourceRef, access?: UserAccess): Promise<Expense[]> {
  const query = access ? scopedExpenses(access) : expenseQuery()
  const rows = await query
    .where('e.source_plugin', source.plugin)
    .where('e.source_kind', source.kind)
    .where('e.source_id', String(source.id))
    .orderBy('e.expense_date', 'desc')
    .orderBy('e.id', 'desc')
  return present(rows)
}

export interface ExpenseTotals {
  plugin: string
  kind: string
  id: string
  /** Applications not rejected or withdrawn. */
  count: number
  /** Yuan text: every application not rejected or withdrawn (申请, 已审批, 已支付, 已收回, 已退回). */
  total: string
  /** 已支付 and 已收回. */
  paid: string
  /** 已收回 from the debtor. */
  recovered: string
  /** Paid, recoverable from the debtor, not yet recovered. */
  toRecover: string
}

const sumIf = (condition: string) =>
  `CAST(COALESCE(SUM(CASE WHEN ${condition} THEN amount_fen ELSE 0 END), 0) AS CHAR)`

/**
 * Totals per source record, for another plugin's ledger (诉讼台账's 费用). No
 * data scope: pass only records your own scoped query returned. Sources
 * without expenses come back with zeros, in the order asked.
 */
export async function totalsFor(sources: ExpenseSourceRef[]): Promise<ExpenseTotals[]> {
  const wanted = sources.map((s) => ({ plugin: s.plugin, kind: s.kind, id: String(s.id) }))
  const found = new Map<string, Record<string, any>>()
  const keyOf = (s: { plugin: string; kind: string; id: string }) =>
    `${s.plugin}\u0000${s.kind}\u0000${s.id}`
  for (let i = 0; i < wanted.length; i += 200) {
    const chunk = wanted.slice(i, i + 200)
    const rows = await db
      .from(TABLE)
      .whereNotIn('status', ['rejected', 'withdrawn'])
      .where((q) => {
        for (const s of chunk)
          q.orWhere((w) =>
            w.where('source_plugin', s.plugin).where('source_kind', s.kind).where('source_id', s.id)
          )
      })
      .groupBy('source_plugin', 'source_kind', 'source_id')
      .select(
        'source_plugin',
        'source_kind',
        'source_id',
        db.raw('COUNT(*) as n'),
        db.raw(`${sumIf('1 = 1')} as total_fen`),
        db.raw(`${sumIf("status IN ('paid', 'recovered')")} as paid_fen`),
        db.raw(`${sumIf("status = 'recovered'")} as recovered_fen`),
        db.raw(`${sumIf("status = 'paid' AND recoverable = 1")} as to_recover_fen`)
      )
    for (const r of rows)
      found.set(keyOf({ plugin: r.source_plugin, kind: r.source_kind, id: r.source_id }), r)
  }
  const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()
  return wanted.map((s) => {
    const r = found.get(keyOf(s))
    return {
      ...s,
      count: Number(r?.n ?? 0),
      total: yuan(r?.total_fen),
      paid: yuan(r?.paid_fen),
      recovered: yuan(r?.recovered_fen),
      toRecover: yuan(r?.to_recover_fen),
    }
  })
}
