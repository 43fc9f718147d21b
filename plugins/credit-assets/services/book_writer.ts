/*
| 信贷台账写入 (book_writer): the one documented way another plugin changes the
| book — a loan's status after 核销, 转让, 以资抵债 or 减免 (and back to 存续
| when such a step is reversed), and the balances a non-cash settlement
| (以资抵债) reduces (book/settlement_writer.ts, once per ref). It runs in
| the caller's transaction: the status, the risk asset's exit and the timeline event (ca_risk_events, type
| `status`) commit or roll back with the caller's own records.
|
|   await db.transaction(async (trx) => {
|     await writeOff.save(trx)
|     await bookWriter.changeLoanStatus(trx, { loanId, status: 'written_off',
|       reason: '核销 HX2026-001', businessDate, operatorId: user.id })
|   })
|
| A batch (批量核销: thousands of loans of one status change) uses the set-based
| `changeLoanStatuses` / `changeCardAccountStatuses`: a few statements per
| thousand loans instead of several per loan, with the same rows as a result.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { bookLookups } from './book_lookups.js'
import { recordRiskEvent, recordRiskEvents } from './risk_events.js'
import { bookApi, type BookLoan } from './book_api.js'
import { recordRecovery } from './book/recovery_writer.js'
import { changeCustomerMaster } from './book/customer_writer.js'
import { settleLoan } from './book/settlement_writer.js'

export {
  RecoveryWriteError,
  RECOVERY_METHOD_DICT,
  type RecoveryInput,
  type RecoveryWritten,
} from './book/recovery_writer.js'
export {
  SettlementWriteError,
  type LoanSettlement,
  type LoanSettled,
} from './book/settlement_writer.js'
export {
  CustomerWriteError,
  type CustomerMasterChange,
  type CustomerMasterWritten,
} from './book/customer_writer.js'

/** Codes of the dictionary credit_assets_loan_status. */
export const LOAN_STATUSES = [
  'active',
  'settled',
  'written_off',
  'transferred',
  'foreclosed',
  'relieved',
] as const
export type LoanStatus = (typeof LOAN_STATUSES)[number]

export interface LoanStatusChange {
  loanId: number
  status: LoanStatus
  /** Why, shown on the timeline: the disposal step and its number ("核销 HX2026-001"). */
  reason: string
  /** Business date the change takes effect. */
  businessDate: string
  operatorId: number | null
}

export class BookWriteError extends Error {}

function checkedReason(change: { status: string; reason: string; businessDate: string }) {
  if (!LOAN_STATUSES.includes(change.status as LoanStatus))
    throw new BookWriteError(`Unknown loan status: ${change.status}`)
  assertDate(change.businessDate)
  const reason = change.reason.trim().slice(0, 200)
  if (!reason) throw new BookWriteError('A book change needs a reason')
  return reason
}

/* Loans locked and changed per statement: bound variables stay well below SQLite's limit. */
const STATUS_CHUNK = 1000

/** The rows of `ids` locked in id order (no deadlock between two batches); a missing id fails the batch. */
async function lockRows(
  trx: TransactionClientContract,
  table: string,
  ids: number[],
  what: string,
  columns: string[]
) {
  const rows = await trx
    .from(table)
    .whereIn('id', ids)
    .orderBy('id')
    .forUpdate()
    .select('id', ...columns)
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => Number(r.id)))
    throw new BookWriteError(`${what} ${ids.find((id) => !found.has(id))} not found`)
  }
  return rows
}

export interface LoanStatusBatch {
  loanIds: number[]
  status: LoanStatus
  reason: string
  businessDate: string
  operatorId: number | null
}

/**
 * The set-based form of changeLoanStatus for a batch that shares one status,
 * reason and date (a 批量核销 chunk): the loans locked in id order, then one
 * UPDATE for the loans, one for their risk assets and one multi-row insert of
 * the timeline events per chunk of ids. Loans already in the status are left
 * alone, exactly as one call per loan would. Returns how many changed.
 */
async function changeLoanStatuses(trx: TransactionClientContract, batch: LoanStatusBatch) {
  if (!trx?.isTransaction) throw new BookWriteError('book_writer needs the caller’s transaction')
  const reason = checkedReason(batch)
  const loans = bookLookups.loans.table
  const risk = bookLookups.riskAssets.table
  const ids = [...new Set(batch.loanIds.map(Number))].sort((a, b) => a - b)
  // Leaving the book ends risk-asset management; a reversal brings it back under management.
  const leaving = batch.status !== 'active'
  let changed = 0
  for (let start = 0; start < ids.length; start += STATUS_CHUNK) {
    const chunk = ids.slice(start, start + STATUS_CHUNK)
    const rows = await lockRows(trx, loans, chunk, 'Loan', ['status', 'customer_id'])
    const moving = rows.filter((r) => r.status !== batch.status)
    if (!moving.length) continue
    const movingIds = moving.map((r) => Number(r.id))
    await trx
      .from(loans)
      .whereIn('id', movingIds)
      .update({ status: batch.status, updated_at: dbNow() })
    await trx
      .from(risk)
      .whereIn('loan_id', movingIds)
      .where('status', leaving ? 'managed' : 'exited')
      .update(
        leaving
          ? {
              status: 'exited',
              exited_on: batch.businessDate,
              exit_reason: reason,
              updated_at: dbNow(),
            }
          : { status: 'managed', exited_on: null, exit_reason: null, updated_at: dbNow() }
      )
    await recordRiskEvents(
      trx,
      moving.map((loan) => ({
        type: 'status' as const,
        businessDate: batch.businessDate,
        loanId: Number(loan.id),
        customerId: Number(loan.customer_id),
        before: { status: loan.status },
        after: { status: batch.status, reason },
        operatorId: batch.operatorId,
      }))
    )
    changed += moving.length
  }
  return changed
}

/** One loan's status (the batch of one), returned as the book reads it afterwards. */
async function changeLoanStatus(
  trx: TransactionClientContract,
  change: LoanStatusChange
): Promise<BookLoan> {
  if (!trx?.isTransaction) throw new BookWriteError('book_writer needs the caller’s transaction')
  checkedReason(change)
  await changeLoanStatuses(trx, {
    loanIds: [change.loanId],
    status: change.status,
    reason: change.reason,
    businessDate: change.businessDate,
    operatorId: change.operatorId,
  })
  return (await bookApi.loans.byId(change.loanId, { client: trx }))!
}

/**
 * Locks the customer's row until the caller's transaction ends, so changes about
 * one customer (customer-view's tags and their timeline event) happen one at a time.
 */
async function lockCustomer(trx: TransactionClientContract, customerId: number) {
  if (!trx?.isTransaction) throw new BookWriteError('book_writer needs the caller’s transaction')
  return Boolean(
    await trx
      .from(bookLookups.customers.table)
      .where('id', customerId)
      .forUpdate()
      .select('id')
      .first()
  )
}

export interface CardStatusChange {
  accountId: number
  status: LoanStatus
  reason: string
  businessDate: string
}

/**
 * Card accounts of a batch to one status (the set-based form, locked in id
 * order, one UPDATE per chunk of ids); accounts already in it are left alone.
 * Returns how many changed.
 */
async function changeCardAccountStatuses(
  trx: TransactionClientContract,
  batch: { accountIds: number[]; status: LoanStatus; reason: string; businessDate: string }
) {
  if (!trx?.isTransaction) throw new BookWriteError('book_writer needs the caller’s transaction')
  if (!LOAN_STATUSES.includes(batch.status))
    throw new BookWriteError(`Unknown account status: ${batch.status}`)
  assertDate(batch.businessDate)
  if (!batch.reason.trim()) throw new BookWriteError('A book change needs a reason')
  const table = bookLookups.cardAccounts.table
  const ids = [...new Set(batch.accountIds.map(Number))].sort((a, b) => a - b)
  let changed = 0
  for (let start = 0; start < ids.length; start += STATUS_CHUNK) {
    const chunk = ids.slice(start, start + STATUS_CHUNK)
    const rows = await lockRows(trx, table, chunk, 'Card account', ['status'])
    const moving = rows.filter((r) => r.status !== batch.status).map((r) => Number(r.id))
    if (moving.length)
      await trx
        .from(table)
        .whereIn('id', moving)
        .update({ status: batch.status, updated_at: dbNow() })
    changed += moving.length
  }
  return changed
}

/**
 * 信用卡透支账户的状态 (核销 → written_off, reversal → active), in the caller's
 * transaction, the account locked. Cards have no risk-asset timeline; the
 * caller's own record (the write-off plan) carries the history.
 */
async function changeCardAccountStatus(trx: TransactionClientContract, change: CardStatusChange) {
  await changeCardAccountStatuses(trx, { ...change, accountIds: [change.accountId] })
  return (await bookApi.cardAccounts.byId(change.accountId, { client: trx }))!
}

export interface LoanTermsChange {
  loanId: number
  /** 展期 / 借新还旧: the new maturity (YYYY-MM-DD); omitted = unchanged. */
  maturityDate?: string | null
  /** The new annual rate as a decimal fraction ("0.043500"); omitted = unchanged. */
  rate?: string | null
  /** 调整还款计划: the new repayment method code; omitted = unchanged. */
  repaymentMethod?: string | null
  /** Why, shown on the timeline ("资产重组 CZFA20261207000001 展期"). */
  reason: string
  /** The date the new terms apply: the loan is flagged restructured from it. */
  businessDate: string
  operatorId: number | null
}

/**
 * 重组: an approved restructuring changes the loan's terms in the book — the new
 * maturity / rate / repayment method and the restructured flag (restructured_on) —
 * with a `terms` event on the timeline, in the caller's transaction.
 */
async function changeLoanTerms(
  trx: TransactionClientContract,
  change: LoanTermsChange
): Promise<BookLoan> {
  if (!trx?.isTransaction) throw new BookWriteError('book_writer needs the caller’s transaction')
  assertDate(change.businessDate)
  if (change.maturityDate) assertDate(change.maturityDate)
  const reason = change.reason.trim().slice(0, 200)
  if (!reason) throw new BookWriteError('A book change needs a reason')
  const loans = bookLookups.loans.table
  const loan = await trx.from(loans).where('id', change.loanId).forUpdate().first()
  if (!loan) throw new BookWriteError(`Loan ${change.loanId} not found`)
  const before = await bookApi.loans.byId(Number(loan.id), { client: trx })
  const update: Record<string, unknown> = {
    restructured_on: change.businessDate,
    updated_at: dbNow(),
  }
  if (change.maturityDate) update.maturity_date = change.maturityDate
  if (change.rate) {
    if (!/^0(\.\d{1,6})?$/.test(change.rate))
      throw new BookWriteError(`Rate must be a decimal fraction: ${change.rate}`)
    update.rate = change.rate
  }
  if (change.repaymentMethod) update.repayment_method = change.repaymentMethod.slice(0, 32)
  await trx.from(loans).where('id', loan.id).update(update)
  await recordRiskEvent(trx, {
    type: 'terms',
    businessDate: change.businessDate,
    loanId: Number(loan.id),
    customerId: Number(loan.customer_id),
    before: {
      maturityDate: before!.maturityDate,
      rate: before!.rate,
      repaymentMethod: before!.repaymentMethod,
    },
    after: {
      maturityDate: change.maturityDate ?? before!.maturityDate,
      rate: change.rate ?? before!.rate,
      repaymentMethod: change.repaymentMethod ?? before!.repaymentMethod,
      restructured: true,
      reason,
    },
    operatorId: change.operatorId,
  })
  return (await bookApi.loans.byId(Number(loan.id), { client: trx }))!
}

export const bookWriter = {
  changeLoanStatus,
  changeLoanStatuses,
  changeLoanTerms,
  changeCardAccountStatus,
  changeCardAccountStatuses,
  lockCustomer,
  recordRecovery,
  changeCustomerMaster,
  /** 以资抵债 and other non-cash settlements: the loan's buckets reduced once per ref. */
  settleLoan,
}
