/*
| 记账: an expense marked paid is posted to core banking through the outbox
| (bank-systems' connector `core-banking`, interface `posting`), written in the
| payment's transaction — never lost, never sent for a payment that rolled
| back. The idempotency key is the expense's own (`expenses:expense:<id>`), so
| every redelivery and every retry is applied once by core banking. A posting
| the core system keeps refusing ends `dead` in the outbox: the expense shows
| the reason and 重新记账 puts the same message (same key) back in line.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'
import type { Expense } from './expense_read.js'

export const POSTING_SYSTEM = 'core-banking'
export const POSTING_INTERFACE = 'posting'

export const postingKey = (expenseId: number) => `expenses:expense:${expenseId}`

/** Writes the posting message in `trx`; returns its idempotency key. */
export async function enqueuePosting(
  trx: TransactionClientContract,
  expense: Expense,
  feeKindName: string
): Promise<string> {
  const key = postingKey(expense.id)
  await outbox.enqueue(trx, {
    system: POSTING_SYSTEM,
    interface: POSTING_INTERFACE,
    idempotencyKey: key,
    correlationId: expense.expenseNo,
    payload: {
      // The first loan carries the fee in core banking (the 费用 sub-ledger of the loan).
      ...(expense.loans[0] ? { loanNo: expense.loans[0].loanNo } : {}),
      amount: expense.amount,
      direction: 'debit',
      memo: `${feeKindName} ${expense.expenseNo} 收款方 ${expense.payee}`.slice(0, 200),
    },
  })
  return key
}

/**
 * 重新记账: a posting the outbox gave up on (`dead`) goes back to pending with the
 * same key. False when there is nothing to retry (not failed, or already retried).
 */
export async function retryPosting(expense: Expense): Promise<boolean> {
  if (expense.posting.state !== 'failed' || !expense.posting.key) return false
  const message = await db
    .from('outbox_messages')
    .where('idempotency_key', expense.posting.key)
    .select('id')
    .first()
  return message ? outbox.retryDead(Number(message.id)) : false
}
