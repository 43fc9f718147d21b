/*
| After approval: 已支付 (the accounting posting goes to the outbox in the same
| transaction, keyed by the expense) and 已收回 (a recoverable expense the
| debtor paid back). Each in the caller's transaction, locked, audited.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { ExpenseError } from './expense_error.js'
import { TABLE, loadExpense, type Expense } from './expense_read.js'
import { enqueuePosting } from './posting.js'
import {
  auditExpense as record,
  feeKindName,
  locked,
  refuse,
  type Actor,
  type WriteContext,
} from './expense_write.js'

/**
 * 已支付: the expense is paid; its accounting posting goes to the outbox in this
 * transaction, keyed by the expense (core banking applies a key once).
 */
export async function payExpense(
  trx: TransactionClientContract,
  id: number,
  input: { paidOn: string; remark?: string },
  actor: Actor,
  context: WriteContext
): Promise<Expense> {
  const row = await locked(trx, id)
  if (row.status !== 'approved')
    throw refuse(
      row.status === 'paid' || row.status === 'recovered'
        ? `费用 ${row.expense_no} 已支付`
        : `费用 ${row.expense_no} 尚未审批通过，不能支付`,
      row.status === 'paid' || row.status === 'recovered'
        ? `Expense ${row.expense_no} is already paid`
        : `Expense ${row.expense_no} is not approved`
    )
  const expense = (await loadExpense(id, { client: trx }))!
  if (input.paidOn > context.today)
    throw new ExpenseError(
      422,
      `支付日期不得晚于营业日期 ${context.today}`,
      `The payment date may not be after the business date ${context.today}`,
      'paidOn'
    )
  if (input.paidOn < expense.expenseDate)
    throw new ExpenseError(
      422,
      `支付日期不得早于费用日期 ${expense.expenseDate}`,
      `The payment date may not precede the expense date ${expense.expenseDate}`,
      'paidOn'
    )
  const key = await enqueuePosting(trx, expense, await feeKindName(expense.feeKind))
  await trx.from(TABLE).where('id', id).update({
    status: 'paid',
    paid_on: input.paidOn,
    posting_key: key,
    updated_by: actor.userId,
    updated_at: dbNow(),
  })
  await record(trx, actor, {
    action: 'pay',
    id,
    before: { status: row.status },
    after: { status: 'paid', paidOn: input.paidOn, postingKey: key },
    detail: input.remark,
  })
  return (await loadExpense(id, { client: trx }))!
}

/** 已收回: a recoverable expense the debtor paid back. */
export async function recoverExpense(
  trx: TransactionClientContract,
  id: number,
  input: { recoveredOn: string; remark?: string },
  actor: Actor,
  context: WriteContext
): Promise<Expense> {
  const row = await locked(trx, id)
  if (row.status !== 'paid')
    throw refuse(
      `费用 ${row.expense_no} 未支付或已收回，不能登记收回`,
      `Expense ${row.expense_no} is not paid, or already recovered`
    )
  if (![true, 1, '1'].includes(row.recoverable))
    throw refuse(
      `费用 ${row.expense_no} 不可向债务人收回`,
      `Expense ${row.expense_no} is not recoverable`
    )
  const paidOn = (await loadExpense(id, { client: trx }))!.paidOn!
  if (input.recoveredOn > context.today || input.recoveredOn < paidOn)
    throw new ExpenseError(
      422,
      `收回日期须在支付日期 ${paidOn} 与营业日期 ${context.today} 之间`,
      `The recovery date must lie between ${paidOn} and ${context.today}`,
      'recoveredOn'
    )
  await trx.from(TABLE).where('id', id).update({
    status: 'recovered',
    recovered_on: input.recoveredOn,
    updated_by: actor.userId,
    updated_at: dbNow(),
  })
  await record(trx, actor, {
    action: 'recover',
    id,
    before: { status: 'paid' },
    after: { status: 'recovered', recoveredOn: input.recoveredOn },
    detail: input.remark,
  })
  return (await loadExpense(id, { client: trx }))!
}
