/*
| 债权转让申请: a draft holding the loans (one customer's, active, in scope) with
| their book figures, the transferee, the method and the three prices; on
| creation the 债权转让通知 to the debtor and to every guarantor are drawn up
| (民法典 §546: the transfer has no effect on the debtor until notified).
| Submission goes through the core workflow (type `transfer:application`,
| amount = the book value for the tiers); the decision comes back through
| workflow/handler.ts and — at or above 参数 transfer.committeeThreshold — the
| application goes on to the 资产处置委员会 (committee.ts).
|
| One open application per loan: a row in transfer_locks keyed by the loan.
| Across plugins the loans are claimed through credit-assets' asset claims
| (one holder per loan): a loan in a 核销方案, a 批量转让 pool, a 减免 / 重组
| / 处置 plan is refused with a 409 naming that plan, and a loan in an open
| application is refused to them. Like a 核销方案 the claim is taken when the
| draft is saved, not at submission: the draft already names the loans and
| draws up the notices to their debtor, so a second disposal of them must be
| stopped before anyone works on it, not when one of the two is submitted.
| The claim goes when the application closes: rejected, withdrawn, completed.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import { APPS, LOANS, LOCKS, NOTICES, appRow } from './store.js'
import { TransferError } from './transfer_error.js'
import type { AppStatus } from './dictionaries.js'

export const WORKFLOW_TYPE = 'transfer:application'
export const COMMITTEE_THRESHOLD = 'transfer.committeeThreshold'

export interface AppInput {
  loanIds: number[]
  transferee: string
  transfereeIdNo?: string | null
  method: 'agreement' | 'listing' | 'auction'
  valuation: string
  reservePrice: string
  price: string
  reasons: string
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

const fen = (yuanText: string) => Money.fromYuan(yuanText)

/** The application's hold on its loans in credit-assets' register (label: what a refusal names). */
export const claimOwner = (appId: number, appNo = '') => ({
  holder: 'transfer',
  ref: `app:${appId}`,
  label: `债权转让申请 ${appNo}`,
})

/** Releases the application's claims (it closed), in the closing transaction. */
export const releaseLoans = (trx: TransactionClientContract, appId: number) =>
  assetClaims.release(trx, claimOwner(appId))

/**
 * The prices' rule: the agreed price is never below the reserve price (底价), and
 * the reserve price never below... nothing else is guessed; a price above the
 * valuation is allowed (an auction may beat it).
 */
export function checkPrices(input: Pick<AppInput, 'valuation' | 'reservePrice' | 'price'>) {
  if (fen(input.price).compare(fen(input.reservePrice)) < 0)
    throw new TransferError(422, `成交价 ${input.price} 低于转让底价 ${input.reservePrice}`)
  if (fen(input.price).isZero()) throw new TransferError(422, '成交价必须大于 0')
}

async function loansOf(access: UserAccess, loanIds: number[]) {
  if (new Set(loanIds).size !== loanIds.length) throw new TransferError(422, '同一借据不能重复选择')
  const loans: NonNullable<Awaited<ReturnType<typeof bookApi.loans.byId>>>[] = []
  for (const id of loanIds) {
    const loan = await bookApi.loans.byId(id, { access })
    if (!loan) throw new TransferError(404, '借据不存在或无权访问')
    loans.push(loan)
  }
  if (new Set(loans.map((l) => l.customerId)).size > 1)
    throw new TransferError(422, '一笔债权转让申请只能包含同一客户的借据')
  const closed = loans.find((l) => l.status !== 'active')
  if (closed) throw new TransferError(409, `${closed.loanNo} 状态为 ${closed.status}，不能转让`)
  return loans
}

/** 保存草稿: the application, its loans and the notices to draw up. Returns the id. */
export async function createApplication(access: UserAccess, input: AppInput) {
  checkPrices(input)
  const loans = await loansOf(access, input.loanIds)
  const customer = await bookApi.customers.byId(loans[0].customerId)
  const guarantees = (await bookApi.guarantees.byKeys(loans.map((l) => l.id))) as any[]
  const book = Money.sum(loans.map((l) => fen(l.balance).plus(fen(l.onBalanceInterest))))
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(APPS).insert({
      app_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      org_id: loans[0].orgId,
      created_by: access.user.id,
      customer_id: loans[0].customerId,
      customer_name: String(customer?.name ?? '').slice(0, 200),
      transferee: input.transferee,
      transferee_id_no: input.transfereeIdNo ?? null,
      method: input.method,
      valuation_fen: fen(input.valuation).toFen(),
      reserve_fen: fen(input.reservePrice).toFen(),
      price_fen: fen(input.price).toFen(),
      book_fen: book.toFen(),
      reasons: input.reasons,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const appId = Number(id)
    const stamp = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    const appNo = `ZRSQ${stamp}${String(appId).padStart(6, '0')}`
    await trx.from(APPS).where('id', appId).update({ app_no: appNo })
    // Held elsewhere: AssetClaimError, a 409 naming the holder (zh and en); the
    // transaction rolls back, so nothing of the application is kept half-made.
    await assetClaims.claim(
      trx,
      claimOwner(appId, appNo),
      loans.map((l) => l.id)
    )
    try {
      await trx.table(LOCKS).multiInsert(loans.map((l) => ({ loan_id: l.id, app_id: appId })))
    } catch (error) {
      if (isDuplicate(error)) throw new TransferError(409, '所选借据已在另一债权转让申请中')
      throw error
    }
    await trx.table(LOANS).multiInsert(
      loans.map((l) => ({
        app_id: appId,
        loan_id: l.id,
        loan_no: l.loanNo,
        principal_fen: fen(l.balance).toFen(),
        on_balance_interest_fen: fen(l.onBalanceInterest).toFen(),
        off_balance_interest_fen: fen(l.offBalanceInterest).toFen(),
      }))
    )
    // 债权转让通知: the debtor once, each guarantor once (by customer, else by name).
    const parties = new Map<string, { kind: string; name: string; customerId: number | null }>()
    parties.set(`c:${loans[0].customerId}`, {
      kind: 'debtor',
      name: String(customer?.name ?? ''),
      customerId: loans[0].customerId,
    })
    for (const g of guarantees) {
      if (!g.guarantorName && !g.guarantorCustomerId) continue
      const key = g.guarantorCustomerId ? `c:${g.guarantorCustomerId}` : `n:${g.guarantorName}`
      if (!parties.has(key))
        parties.set(key, {
          kind: 'guarantor',
          name: String(g.guarantorName ?? ''),
          customerId: g.guarantorCustomerId ?? null,
        })
    }
    let seq = 0
    for (const p of parties.values())
      await trx.table(NOTICES).insert({
        app_id: appId,
        notice_no: `${appNo}-TZ${String(++seq).padStart(2, '0')}`,
        party_kind: p.kind,
        party_name: p.name.slice(0, 200),
        party_customer_id: p.customerId,
        created_at: now,
      })
    return appId
  })
}

export async function needsCommittee(bookFen: string) {
  const threshold = Money.fromYuan(await settings.raw(COMMITTEE_THRESHOLD))
  return Money.fromFen(bookFen).compare(threshold) >= 0
}

/** 提交审批: only the applicant, only a draft or returned application. */
export async function submitApplication(access: UserAccess, appId: number) {
  const app = await appRow(access, appId)
  if (Number(app.created_by) !== access.user.id)
    throw new TransferError(422, '只有申请人可以提交该债权转让申请')
  if (!['draft', 'returned'].includes(app.status))
    throw new TransferError(409, '债权转让申请已提交，不能重复提交')
  const committee = await needsCommittee(String(app.book_fen))
  await db.transaction(async (trx) => {
    const moved = await trx
      .from(APPS)
      .where('id', appId)
      .whereIn('status', ['draft', 'returned'])
      .update({
        status: 'pending',
        committee_required: committee,
        submitted_at: dbNow(),
        updated_at: dbNow(),
      })
    if (!Number(Array.isArray(moved) ? moved[0] : moved))
      throw new TransferError(409, '债权转让申请已提交，不能重复提交')
    await submitForApproval({
      type: WORKFLOW_TYPE,
      businessId: String(appId),
      title: `债权转让 ${app.app_no} ${app.customer_name}`,
      amount: Money.fromFen(String(app.book_fen)).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

/** Moves an application from one of `from` to `to`, or throws (the caller's transaction rolls back). */
export async function moveApp(
  trx: TransactionClientContract,
  appId: number,
  from: AppStatus[],
  to: AppStatus,
  extra: Record<string, unknown> = {}
) {
  const app = await trx.from(APPS).where('id', appId).forUpdate().first()
  if (!app) throw new TransferError(404, '债权转让申请不存在')
  if (!from.includes(app.status))
    throw new TransferError(409, `债权转让申请 ${app.app_no} 当前状态不能办理该操作`)
  await trx
    .from(APPS)
    .where('id', appId)
    .update({ status: to, ...extra, updated_at: dbNow() })
  // Closed (rejected, withdrawn, or transferred): the loans are free for other disposals.
  if (['rejected', 'withdrawn', 'completed'].includes(to)) {
    await trx.from(LOCKS).where('app_id', appId).delete()
    await releaseLoans(trx, appId)
  }
  return app
}
