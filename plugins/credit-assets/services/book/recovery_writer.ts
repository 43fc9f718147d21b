/*
| 交易流水确认 → the book: a recovery transaction from core banking, confirmed
| and tagged with its recovery method by a clerk (the recoveries plugin), is
| one repayment (ca_repayments) carrying the transaction number and the method.
| 风险资产处置回收台账 shows that method; the disposal plugin's recovery flow
| turns the repayment into an outcome of the matching disposal method.
|
| - One transaction is one repayment (txn_no unique). A repayment the book
|   already holds for the same loan, date and amounts without a transaction
|   number (the data platform's or the demo's) is claimed, never doubled.
| - Confirming again with the same method changes nothing; another method is a
|   correction (the caller audits the reason). The amounts of a transaction
|   never change: different figures under one number are refused.
| - Each change adds the caller's event to the 风险资产时间轴 (customer timeline).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from '#core/business_day/business_date'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bookLookups } from '../book_lookups.js'
import { recordRiskEvent } from '../risk_events.js'

export const RECOVERY_METHOD_DICT = 'credit_assets_recovery_method'

export interface RecoveryInput {
  loanId: number
  /** Core banking's transaction number (交易流水号). */
  txnNo: string
  /** Business date the money was booked ('YYYY-MM-DD'). */
  paidOn: string
  /** Yuan text, ≥ 0, at most two decimals. */
  principal: string
  interest: string
  penalty: string
  /** credit_assets_recovery_method code. */
  method: string
  /** The caller's timeline event kind (`<plugin>.<name>`, declared in its eventKinds). */
  eventType: `${string}.${string}`
  /** Shown on the timeline, e.g. a correction's reason. */
  note?: string | null
  operatorId: number | null
}

export interface RecoveryWritten {
  repaymentId: number
  /** A new repayment row (false: the book's own row was claimed, or it was already confirmed). */
  inserted: boolean
  /** The method before (null: not confirmed before). */
  previousMethod: string | null
  changed: boolean
}

export class RecoveryWriteError extends Error {
  constructor(
    public status: 404 | 409 | 422,
    public zh: string,
    public en: string
  ) {
    super(en)
  }
}

async function assertMethod(method: string) {
  const { data } = await dictionariesCache.current()
  const item = (data[RECOVERY_METHOD_DICT] ?? []).find((i) => i.code === method)
  if (!item || !item.enabled)
    throw new RecoveryWriteError(
      422,
      `回收方式 ${method} 不在字典中或已停用`,
      `Unknown recovery method ${method}`
    )
}

const fen = (yuan: string) => Money.fromYuan(yuan).toFen()

export async function recordRecovery(
  trx: TransactionClientContract,
  input: RecoveryInput
): Promise<RecoveryWritten> {
  if (!trx?.isTransaction) throw new Error('recordRecovery needs the caller’s transaction')
  assertDate(input.paidOn)
  await assertMethod(input.method)
  const figures = {
    principal_fen: fen(input.principal),
    interest_fen: fen(input.interest),
    penalty_fen: fen(input.penalty),
  }
  const repayments = bookLookups.repayments.table
  const loan = await trx
    .from(bookLookups.loans.table)
    .where('id', input.loanId)
    .forUpdate()
    .select('id', 'customer_id')
    .first()
  if (!loan) throw new RecoveryWriteError(404, '借据不存在', 'Loan not found')

  const same = (row: any) =>
    Number(row.loan_id) === Number(loan.id) &&
    String(row.paid_on instanceof Date ? dateText(row.paid_on) : row.paid_on).slice(0, 10) ===
      input.paidOn &&
    String(row.principal_fen) === figures.principal_fen &&
    String(row.interest_fen) === figures.interest_fen &&
    String(row.penalty_fen) === figures.penalty_fen

  let row = await trx.from(repayments).where('txn_no', input.txnNo).forUpdate().first()
  if (row && !same(row))
    throw new RecoveryWriteError(
      409,
      `交易流水 ${input.txnNo} 已登记为其他还款，金额或日期不符`,
      `Transaction ${input.txnNo} is already booked with other figures`
    )
  let inserted = false
  if (!row) {
    // The book may already hold this payment (data platform, demo) without its number.
    row = await trx
      .from(repayments)
      .where({ loan_id: loan.id, paid_on: input.paidOn, ...figures })
      .whereNull('txn_no')
      .orderBy('id')
      .forUpdate()
      .first()
    if (row) {
      await trx.from(repayments).where('id', row.id).update({ txn_no: input.txnNo })
    } else {
      const [id] = await trx.table(repayments).insert({
        loan_id: loan.id,
        paid_on: input.paidOn,
        ...figures,
        txn_no: input.txnNo,
        recovery_method: null,
        created_at: dbNow(),
      })
      row = { id, recovery_method: null }
      inserted = true
    }
  }
  const previousMethod = (row.recovery_method as string | null) ?? null
  const changed = previousMethod !== input.method
  if (changed) {
    await trx.from(repayments).where('id', row.id).update({ recovery_method: input.method })
    await recordRiskEvent(trx, {
      type: input.eventType,
      businessDate: input.paidOn,
      loanId: Number(loan.id),
      customerId: Number(loan.customer_id),
      before: previousMethod ? { method: previousMethod } : null,
      after: {
        txnNo: input.txnNo,
        method: input.method,
        amount: Money.fromFen(figures.principal_fen)
          .plus(Money.fromFen(figures.interest_fen))
          .plus(Money.fromFen(figures.penalty_fen))
          .toYuan(),
        ...(input.note ? { note: input.note.slice(0, 200) } : {}),
      },
      operatorId: input.operatorId,
    })
  }
  return { repaymentId: Number(row.id), inserted, previousMethod, changed }
}

function dateText(value: Date) {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${value.getFullYear()}-${p(value.getMonth() + 1)}-${p(value.getDate())}`
}
