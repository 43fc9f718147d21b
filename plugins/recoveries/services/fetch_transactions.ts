/*
| 获取交易流水: one business date's recovery transactions from core banking
| (bank-systems' adapter, outside any transaction: the call log writes through
| the pool), kept when the loan is under risk-asset management, stored once
| per transaction number. Run by the job recoveries:fetch — scheduled every
| morning for the business date, and on demand from the page — so fetching a
| date twice (or the schedule and a clerk at once) adds nothing the second time.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bankSystems, type CoreRecoveryTransaction } from '../../bank-systems/adapters/index.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { isDuplicateKey } from '#core/db/db_errors'

export const TRANSACTIONS = 'recoveries_transactions'
const CHUNK = 200

export interface FetchResult {
  businessDate: string
  received: number
  added: number
  alreadyKnown: number
  /** Transactions on loans not under risk-asset management (not recoveries). */
  notRiskAssets: number
}

export async function fetchTransactions(
  businessDate: string,
  progress: (percent: number, message?: string) => Promise<void> = async () => {}
): Promise<FetchResult> {
  const received = await bankSystems.coreBanking.recoveryTransactions(businessDate)
  const result: FetchResult = {
    businessDate,
    received: received.length,
    added: 0,
    alreadyKnown: 0,
    notRiskAssets: 0,
  }
  await progress(10, `${received.length} 笔`)
  await storeTransactions(received, result, async (done) => {
    await progress(10 + Math.round((90 * done) / received.length), `${done}/${received.length}`)
  })
  await progress(100, `新增 ${result.added} 笔`)
  return result
}

/**
 * Stores transactions once per transaction number, keeping those on loans under
 * risk-asset management; counts into `result`. Shared by the morning fetch and
 * 数据中台's recovery notice (接入接口 recoveries.recovery-notice).
 */
export async function storeTransactions(
  received: CoreRecoveryTransaction[],
  result: Pick<FetchResult, 'added' | 'alreadyKnown' | 'notRiskAssets'>,
  done: (count: number) => Promise<void> = async () => {}
) {
  for (let start = 0; start < received.length; start += CHUNK) {
    const chunk = received.slice(start, start + CHUNK)
    const known = new Set(
      (
        await db
          .from(TRANSACTIONS)
          .whereIn(
            'txn_no',
            chunk.map((t) => t.txnNo)
          )
          .select('txn_no')
      ).map((r) => r.txn_no as string)
    )
    const loans = new Map(
      (await bookApi.loans.byKeys([...new Set(chunk.map((t) => t.loanNo))])).map((l) => [
        l.loanNo,
        l,
      ])
    )
    const customerIds = [...new Set([...loans.values()].map((l) => l.customerId))]
    const customers = new Map(
      customerIds.length
        ? (await bookApi.customers.search({ ids: customerIds, perPage: CHUNK })).data.map((c) => [
            c.id,
            c,
          ])
        : []
    )
    const risky = new Set(
      (await bookApi.riskAssets.byKeys([...loans.values()].map((l) => l.id))).map((r) => r.loanId)
    )
    for (const t of chunk) {
      if (known.has(t.txnNo)) {
        result.alreadyKnown++
        continue
      }
      const loan = loans.get(t.loanNo)
      if (!loan || !risky.has(loan.id)) {
        result.notRiskAssets++
        continue
      }
      const customer = customers.get(loan.customerId)
      const now = dbNow()
      try {
        await db.table(TRANSACTIONS).insert({
          txn_no: t.txnNo,
          loan_id: loan.id,
          loan_no: loan.loanNo,
          customer_id: loan.customerId,
          customer_no: customer?.customerNo ?? t.customerNo,
          customer_name: customer?.name ?? t.payerName,
          org_id: loan.orgId,
          manager_id: loan.managerId ?? null,
          posted_on: t.postedOn,
          principal_fen: Money.fromYuan(t.principal).toFen(),
          interest_fen: Money.fromYuan(t.interest).toFen(),
          penalty_fen: Money.fromYuan(t.penalty).toFen(),
          amount_fen: Money.fromYuan(t.amount).toFen(),
          channel: t.channel.slice(0, 40),
          payer_name: t.payerName.slice(0, 200),
          memo: t.memo.slice(0, 200),
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        result.added++
      } catch (error) {
        // A concurrent fetch stored it first: still one row.
        if (!isDuplicateKey(error)) throw error
        result.alreadyKnown++
      }
    }
    await done(Math.min(received.length, start + CHUNK))
  }
}
