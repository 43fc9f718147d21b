/*
| 抵债资产收取: a draft holding the asset, the way, the valuation and the loans
| it settles (one debtor's, active, in scope) with each bucket owed (core
| banking, else the interest trial) and the part the 抵债金额 settles
| (allocation.ts, 先本后息). 入账价值 = 抵债金额 + the taxes and fees the bank
| paid to take the asset. Submission goes through the core workflow (type
| `foreclosure:receipt`, amount = 抵债金额 for the tiers); the decision comes back
| through workflow/handler.ts and, at or above 参数 foreclosure.committeeThreshold,
| the receipt goes on to the 资产处置委员会 (committee.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { isDuplicateKey } from '#core/db/db_errors'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { AllocationError, BUCKET_ORDER, allocate, totalOf, type Buckets } from './allocation.js'
import { owedBuckets } from './balances.js'
import { loanCollaterals } from './collateral.js'
import { RECEIPTS, LOANS, LOCKS, receiptRow } from './store.js'
import { ForeclosureError } from './foreclosure_error.js'
import type { AssetClass, ReceiptStatus, Way } from './dictionaries.js'

export const WORKFLOW_TYPE = 'foreclosure:receipt'
export const COMMITTEE_THRESHOLD = 'foreclosure.committeeThreshold'

export interface ReceiptInput {
  loanIds: number[]
  way: Way
  source: 'collateral' | 'other_asset'
  collateralRef?: string | null
  assetClass: AssetClass
  assetName: string
  location?: string | null
  certificates?: string | null
  rulingNo?: string | null
  appraisedValue: string
  appraisedOn?: string | null
  agreedValue: string
  taxesAndFees: string
  acquiredOn: string
  reasons: string
}

const fen = (yuanText: string) => Money.fromYuan(yuanText)

/** 入账价值: the agreed value (抵债金额) plus the taxes and fees paid, to the fen. */
export const bookValueOf = (agreed: string, taxes: string) => fen(agreed).plus(fen(taxes))

async function loansOf(access: UserAccess, loanIds: number[]) {
  if (new Set(loanIds).size !== loanIds.length)
    throw new ForeclosureError(422, '同一借据不能重复选择')
  const loans: NonNullable<Awaited<ReturnType<typeof bookApi.loans.byId>>>[] = []
  for (const id of loanIds) {
    const loan = await bookApi.loans.byId(id, { access })
    if (!loan) throw new ForeclosureError(404, '借据不存在或无权访问')
    loans.push(loan)
  }
  if (new Set(loans.map((l) => l.customerId)).size > 1)
    throw new ForeclosureError(422, '一笔抵债资产收取只能抵偿同一债务人的借据')
  const closed = loans.find((l) => l.status !== 'active')
  if (closed)
    throw new ForeclosureError(409, `${closed.loanNo} 状态为 ${closed.status}，不能以资抵债`)
  return loans
}

/** The collateral named must be one of the loans' (book); 押品管理's facts when it answers. */
async function collateralFacts(access: UserAccess, input: ReceiptInput) {
  if (input.source !== 'collateral') return { checked: false, snapshot: null }
  if (!input.collateralRef) throw new ForeclosureError(422, '请选择抵债的押品')
  const view = await loanCollaterals(access, input.loanIds)
  const row = view.rows.find((r) => r.collateralRef === input.collateralRef)
  if (!row) throw new ForeclosureError(422, `押品 ${input.collateralRef} 不是所选借据的押品`)
  return {
    checked: view.available && row.appraisedValue !== null,
    snapshot: view.available ? JSON.stringify(row) : null,
  }
}

/**
 * What a receipt's input comes to (shared by 保存草稿 and 修改草稿): the loans
 * (one debtor's, active, in scope), 押品管理's facts, each bucket owed and the
 * part the 抵债金额 settles, the shortfall. Throws 404/409/422 as a ForeclosureError.
 */
export async function prepareReceipt(access: UserAccess, input: ReceiptInput) {
  const today = await businessDate.current()
  if (input.acquiredOn > today) throw new ForeclosureError(422, '取得日期不能晚于当前营业日')
  if (input.appraisedOn && input.appraisedOn > today)
    throw new ForeclosureError(422, '评估基准日不能晚于当前营业日')
  const loans = await loansOf(access, input.loanIds)
  const collateral = await collateralFacts(access, input)
  const owed: Buckets[] = []
  let source: 'core' | 'trial' = 'core'
  for (const l of loans) {
    const b = await owedBuckets(access, { id: l.id, loanNo: l.loanNo }, today)
    if (b.source === 'trial') source = 'trial'
    owed.push(b.buckets)
  }
  let settled: Buckets[]
  try {
    settled = allocate(fen(input.agreedValue), owed)
  } catch (error) {
    if (error instanceof AllocationError) throw new ForeclosureError(422, error.message)
    throw error
  }
  const owedTotal = Money.sum(owed.map(totalOf))
  const shortfall = owedTotal.minus(fen(input.agreedValue))
  const customer = await bookApi.customers.byId(loans[0].customerId)
  return { loans, collateral, owed, settled, owedTotal, shortfall, source, customer }
}

type Prepared = Awaited<ReturnType<typeof prepareReceipt>>

/** The receipt's columns from the input and what it comes to. */
export function receiptColumns(input: ReceiptInput, p: Prepared) {
  return {
    org_id: p.loans[0].orgId,
    customer_id: p.loans[0].customerId,
    customer_name: String(p.customer?.name ?? '').slice(0, 200),
    way: input.way,
    source: input.source,
    collateral_ref: input.source === 'collateral' ? input.collateralRef : null,
    collateral_checked: p.collateral.checked,
    collateral_snapshot: p.collateral.snapshot,
    asset_class: input.assetClass,
    asset_name: input.assetName,
    location: input.location ?? null,
    certificates: input.certificates ?? null,
    ruling_no: input.rulingNo ?? null,
    appraised_fen: fen(input.appraisedValue).toFen(),
    appraised_on: input.appraisedOn ?? null,
    agreed_fen: fen(input.agreedValue).toFen(),
    taxes_fen: fen(input.taxesAndFees).toFen(),
    book_value_fen: bookValueOf(input.agreedValue, input.taxesAndFees).toFen(),
    owed_fen: p.owedTotal.toFen(),
    shortfall_fen: p.shortfall.toFen(),
    balance_source: p.source,
    acquired_on: input.acquiredOn,
    reasons: input.reasons,
  }
}

/** The receipt's loan locks (one open receipt per loan) and its loans with owed / settled buckets. */
export async function insertReceiptLoans(
  trx: TransactionClientContract,
  receiptId: number,
  p: Prepared
) {
  try {
    await trx
      .table(LOCKS)
      .multiInsert(p.loans.map((l) => ({ loan_id: l.id, receipt_id: receiptId })))
  } catch (error) {
    if (isDuplicateKey(error))
      throw new ForeclosureError(
        409,
        '所选借据已有未入账的抵债资产收取，请待其入账或撤销后再办理'
      )
    throw error
  }
  await trx.table(LOANS).multiInsert(
    p.loans.map((l, i) => ({
      receipt_id: receiptId,
      loan_id: l.id,
      loan_no: l.loanNo,
      ...Object.fromEntries(
        BUCKET_ORDER.flatMap((b) => [
          [`${b}_owed_fen`, p.owed[i][b].toFen()],
          [`${b}_settled_fen`, p.settled[i][b].toFen()],
        ])
      ),
    }))
  )
}

/** 保存草稿: the receipt and its loans with owed and settled buckets. Returns the id. */
export async function createReceipt(access: UserAccess, input: ReceiptInput) {
  const prepared = await prepareReceipt(access, input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(RECEIPTS).insert({
      receipt_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      created_by: access.user.id,
      ...receiptColumns(input, prepared),
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const receiptId = Number(id)
    const stamp = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    await trx
      .from(RECEIPTS)
      .where('id', receiptId)
      .update({ receipt_no: `DZSQ${stamp}${String(receiptId).padStart(6, '0')}` })
    await insertReceiptLoans(trx, receiptId, prepared)
    return receiptId
  })
}

export async function needsCommittee(agreedFen: string) {
  const threshold = Money.fromYuan(await settings.string(COMMITTEE_THRESHOLD))
  return Money.fromFen(agreedFen).compare(threshold) >= 0
}

/** 提交审批: only the maker, only a draft. */
export async function submitReceipt(access: UserAccess, receiptId: number) {
  const r = await receiptRow(access, receiptId)
  if (Number(r.created_by) !== access.user.id)
    throw new ForeclosureError(422, `只有经办人可以提交 ${r.receipt_no}`)
  if (r.status !== 'draft') throw new ForeclosureError(409, `${r.receipt_no} 已提交，不能重复提交`)
  const committee = await needsCommittee(String(r.agreed_fen))
  await db.transaction(async (trx) => {
    const moved = await trx.from(RECEIPTS).where('id', receiptId).where('status', 'draft').update({
      status: 'pending',
      committee_required: committee,
      submitted_at: dbNow(),
      updated_at: dbNow(),
    })
    if (!Number(Array.isArray(moved) ? moved[0] : moved))
      throw new ForeclosureError(409, `${r.receipt_no} 已提交，不能重复提交`)
    await submitForApproval({
      type: WORKFLOW_TYPE,
      businessId: String(receiptId),
      title: `以资抵债 ${r.receipt_no} ${r.customer_name}`,
      amount: Money.fromFen(String(r.agreed_fen)).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

/** The receipt's approval still open in the core workflow (undefined when none). */
export function pendingInstance(receiptId: number) {
  return db
    .from('wf_instances')
    .where('type_code', WORKFLOW_TYPE)
    .where('business_id', String(receiptId))
    .where('status', 'pending')
    .orderBy('id', 'desc')
    .first()
}

/** Moves a receipt from one of `from` to `to`, or throws (the caller's transaction rolls back). */
export async function moveReceipt(
  trx: TransactionClientContract,
  receiptId: number,
  from: ReceiptStatus[],
  to: ReceiptStatus,
  extra: Record<string, unknown> = {}
) {
  const r = await trx.from(RECEIPTS).where('id', receiptId).forUpdate().first()
  if (!r) throw new ForeclosureError(404, '抵债资产收取记录不存在')
  if (!from.includes(r.status))
    throw new ForeclosureError(409, `${r.receipt_no} 当前状态不能办理该操作`)
  await trx
    .from(RECEIPTS)
    .where('id', receiptId)
    .update({ status: to, ...extra, updated_at: dbNow() })
  // Closed (refused, withdrawn or booked): its loans are free for another receipt.
  if (['rejected', 'withdrawn', 'posted'].includes(to))
    await trx.from(LOCKS).where('receipt_id', receiptId).delete()
  return r
}
