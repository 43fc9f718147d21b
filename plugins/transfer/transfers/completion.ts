/*
| After approval: the 债权转让通知 served (date, way, proof), the fees of the
| transfer recorded with the expenses plugin (评估费, 拍卖费, 公告费, 过户税费), and
| 结果登记 — the contract, the payment and the transfer date — which, in one
| transaction, posts to core banking through the outbox, takes the loans off
| the book as 已转让 (credit-assets' book_writer; the history stays) and records
| the disposal outcome.
|
| 民法典 §546: 债权人转让债权，未通知债务人的，该转让对债务人不发生效力. So 结果登记 is
| refused (409 naming the rule) while any notice to the debtor or a guarantor
| is not served.
|
| Postings, per loan, each with its own idempotency key
| `transfer:<application>:<loan>:<kind>` (unique in transfer_postings too):
|   price        the share of the price received, allocated over the loans by
|                book value without losing a fen (Money.allocate)
|   loss         book value − that share (转让损失; a gain is posted negative)
|   off_balance  the off-balance interest removed (表外利息核销)
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcome, OutcomeError } from '../../disposal/services/outcomes_api.js'
import { recordExpense, totalsFor } from '../../expenses/services/expenses_api.js'
import { APPS, NOTICES, POSTINGS, appRow, loanRows } from './store.js'
import { moveApp } from './service.js'
import { POSTING_KINDS } from './dictionaries.js'
import { TransferError } from './transfer_error.js'

export const POSTING_ACCOUNTS = 'transfer.postingAccounts'
export const RULE_546 = '民法典第五百四十六条：债权转让未通知债务人的，该转让对债务人不发生效力'

export const postingKey = (appId: number, loanId: number, kind: string) =>
  `transfer:${appId}:${loanId}:${kind}`

/** The postings of a transfer, per loan: price share, loss (book − share), off-balance interest. */
export function planPostings(priceFen: string, loans: any[]) {
  const books = loans.map((l) =>
    Money.fromFen(String(l.principal_fen)).plus(Money.fromFen(String(l.on_balance_interest_fen)))
  )
  const allBook = Money.sum(books)
  const shares = allBook.isZero()
    ? loans.map(() => Money.zero())
    : Money.fromFen(priceFen).allocate(books.map((b) => b.toFen()))
  return loans.flatMap((l, i) => [
    { loanId: Number(l.loan_id), loanNo: l.loan_no, kind: 'price', amount: shares[i] },
    {
      loanId: Number(l.loan_id),
      loanNo: l.loan_no,
      kind: 'loss',
      amount: books[i].minus(shares[i]),
    },
    {
      loanId: Number(l.loan_id),
      loanNo: l.loan_no,
      kind: 'off_balance',
      amount: Money.fromFen(String(l.off_balance_interest_fen)),
    },
  ])
}

async function openApp(access: UserAccess, appId: number, statuses: string[]) {
  const app = await appRow(access, appId)
  if (!statuses.includes(app.status))
    throw new TransferError(409, `债权转让申请 ${app.app_no} 当前状态不能办理该操作`)
  return app
}

/** 送达登记 of one notice (approved applications only); a served notice is not served again. */
export async function serveNotice(
  access: UserAccess,
  appId: number,
  noticeId: number,
  input: { servedOn: string; serviceWay: string; proofRef: string }
) {
  await openApp(access, appId, ['approved'])
  if (input.servedOn > (await businessDate.current()))
    throw new TransferError(422, '送达日期不能晚于当前营业日')
  const moved = await db
    .from(NOTICES)
    .where('id', noticeId)
    .where('app_id', appId)
    .whereNull('served_on')
    .update({
      served_on: input.servedOn,
      service_way: input.serviceWay,
      proof_ref: input.proofRef,
      served_by: access.user.id,
    })
  if (!Number(Array.isArray(moved) ? moved[0] : moved)) {
    const exists = await db.from(NOTICES).where('id', noticeId).where('app_id', appId).first()
    if (!exists) throw new TransferError(404, '通知不存在')
    throw new TransferError(409, `通知 ${exists.notice_no} 已登记送达`)
  }
}

/** 债权转让费用: a fee through the expenses plugin, with this application as its source. */
export async function recordFee(
  access: UserAccess,
  appId: number,
  input: {
    feeKind: string
    payee: string
    amount: string
    expenseDate: string
    recoverable: boolean
  },
  ctx?: HttpContext
) {
  const app = await openApp(access, appId, ['approved', 'completed', 'committee', 'pending'])
  const loans = await loanRows(appId)
  return db.transaction(async (trx) => {
    const { expense } = await recordExpense(trx, {
      feeKind: input.feeKind,
      customerId: Number(app.customer_id),
      loanIds: loans.map((l: any) => Number(l.loan_id)),
      payer: '本行',
      payee: input.payee,
      amount: input.amount,
      expenseDate: input.expenseDate,
      recoverable: input.recoverable,
      source: {
        plugin: 'transfer',
        kind: 'application',
        id: appId,
        label: app.app_no,
        link: `/p/transfer/Applications?id=${appId}`,
      },
      operatorId: access.user.id,
      access,
      ctx,
    } as any)
    return expense
  })
}

/** 结果登记: contract, payment, transfer date — then postings, book status and the outcome. */
export async function completeTransfer(
  access: UserAccess,
  appId: number,
  input: { contractNo: string; paidOn: string; paidAmount: string; transferDate: string }
) {
  const app = await openApp(access, appId, ['approved'])
  const unserved = await db.from(NOTICES).where('app_id', appId).whereNull('served_on')
  if (unserved.length)
    throw new TransferError(
      409,
      `${RULE_546}。尚有 ${unserved.length} 份债权转让通知未送达：${unserved.map((n: any) => `${n.party_name}（${n.notice_no}）`).join('、')}`
    )
  if (!Money.fromYuan(input.paidAmount).equals(Money.fromFen(String(app.price_fen))))
    throw new TransferError(
      422,
      `收款金额 ${input.paidAmount} 与成交价 ${Money.fromFen(String(app.price_fen)).toYuan()} 不符`
    )
  const today = await businessDate.current()
  if (input.transferDate > today || input.paidOn > today)
    throw new TransferError(422, '收款日期和转让日期不能晚于当前营业日')
  const accounts = await settings.json<Record<string, string>>(POSTING_ACCOUNTS)
  const loans = await loanRows(appId)
  const [fees] = await totalsFor([{ plugin: 'transfer', kind: 'application', id: appId }])
  const memoOf = new Map<string, string>(POSTING_KINDS.map(([k, zh]) => [k, zh]))
  try {
    await db.transaction(async (trx) => {
      // Completed: moveApp frees the loans (transfer_locks and the asset claims).
      await moveApp(trx, appId, ['approved'], 'completed', {
        contract_no: input.contractNo,
        paid_on: input.paidOn,
        transfer_date: input.transferDate,
        completed_at: dbNow(),
      })
      await enqueuePostings(trx, app, loans, accounts, memoOf)
      for (const l of loans)
        await bookWriter.changeLoanStatus(trx, {
          loanId: Number(l.loan_id),
          status: 'transferred',
          reason: `债权转让 ${app.app_no}`,
          businessDate: input.transferDate,
          operatorId: access.user.id,
        })
      const book = Money.fromFen(String(app.book_fen))
      const price = Money.fromFen(String(app.price_fen))
      const loss = book.minus(price)
      await recordDisposalOutcome(trx, {
        loanIds: loans.map((l: any) => Number(l.loan_id)),
        method: 'transfer',
        completedOn: input.transferDate,
        cashRecovered: price.toYuan(),
        loss: loss.isNegative() ? '0.00' : loss.toYuan(),
        fees: fees?.total ?? '0.00',
        balanceReduced: book.toYuan(),
        sourcePlugin: 'transfer',
        sourceRef: `application:${appId}`,
        sourceLink: `/p/transfer/Applications?id=${appId}`,
        operatorId: access.user.id,
      })
    })
  } catch (error) {
    if (error instanceof OutcomeError) throw new TransferError(error.status as any, error.zh)
    throw error
  }
}

async function enqueuePostings(
  trx: TransactionClientContract,
  app: any,
  loans: any[],
  accounts: Record<string, string>,
  memoOf: Map<string, string>
) {
  for (const p of planPostings(String(app.price_fen), loans)) {
    if (p.amount.isZero()) continue
    const key = postingKey(Number(app.id), p.loanId, p.kind)
    const outboxId = await outbox.enqueue(trx, {
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: key,
      correlationId: app.app_no,
      payload: {
        loanNo: p.loanNo,
        accountNo: accounts[p.kind] ?? p.kind,
        amount: p.amount.toYuan(),
        direction: p.kind === 'price' ? 'debit' : 'credit',
        memo: `${memoOf.get(p.kind)} ${app.app_no}`,
      },
    })
    await trx.table(POSTINGS).insert({
      app_id: app.id,
      loan_id: p.loanId,
      kind: p.kind,
      amount_fen: p.amount.toFen(),
      idempotency_key: key,
      outbox_id: outboxId,
      created_at: dbNow(),
    })
  }
}

/** The application's postings with the outbox's state (sent, pending, dead). */
export async function postingsOf(appId: number) {
  const rows = await db
    .from(`${POSTINGS} as p`)
    .join('outbox_messages as o', 'o.id', 'p.outbox_id')
    .join('transfer_loans as l', (j) =>
      j.on('l.app_id', 'p.app_id').andOn('l.loan_id', 'p.loan_id')
    )
    .where('p.app_id', appId)
    .orderBy('p.id')
    .select(
      'p.id',
      'p.kind',
      'p.idempotency_key',
      'l.loan_no',
      'o.status',
      'o.attempts',
      'o.last_error'
    )
    .select(db.raw('CAST(p.amount_fen AS CHAR) as amount_fen'))
  return rows.map((r: any) => ({
    id: Number(r.id),
    loanNo: r.loan_no,
    kind: r.kind,
    amount: Money.fromFen(r.amount_fen).toYuan(),
    idempotencyKey: r.idempotency_key,
    status: r.status as 'pending' | 'sent' | 'dead',
    attempts: Number(r.attempts),
    reason: r.last_error ?? null,
  }))
}

/** 重发 a refused posting; null when not the application's, false when not dead. */
export async function retryPosting(appId: number, postingId: number) {
  const row = await db.from(POSTINGS).where('id', postingId).where('app_id', appId).first()
  if (!row) return null
  return outbox.retryDead(Number(row.outbox_id))
}

export { APPS }
