/*
| Reading 抵债资产收取 rows: the receipt in the caller's data scope (org of the
| receipt, or the maker for 仅本人), its loans with owed / settled / shortfall
| per bucket, its documents; plain data out (money as yuan text, dates as
| 'YYYY-MM-DD').
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { findByReceipt } from '../../foreclosed-assets/services/foreclosed_assets_api.js'
import { BUCKET_ORDER } from './allocation.js'
import { ForeclosureError } from './foreclosure_error.js'

export const RECEIPTS = 'foreclosure_receipts'
export const LOANS = 'foreclosure_loans'
export const DOCUMENTS = 'foreclosure_documents'
export const LOCKS = 'foreclosure_locks'
export const POSTINGS = 'foreclosure_postings'

export const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
export const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()!
      : String(v).slice(0, 10)

const RECEIPT_MONEY = [
  'appraised_fen',
  'agreed_fen',
  'taxes_fen',
  'book_value_fen',
  'owed_fen',
  'shortfall_fen',
]
export const LOAN_MONEY = BUCKET_ORDER.flatMap((b) => [`${b}_owed_fen`, `${b}_settled_fen`])
export const asText = (columns: string[], alias: string) =>
  columns.map((c) => db.raw(`CAST(${alias}.${c} AS CHAR) as ${c}`))

export function scopedReceipts(access: UserAccess, client: Pick<QueryClientContract, 'from'> = db) {
  return applyDataScope(
    client.from(`${RECEIPTS} as r`).select('r.*', ...asText(RECEIPT_MONEY, 'r')),
    access,
    { orgColumn: 'r.org_id', ownerColumn: 'r.created_by' }
  )
}

export async function receiptRow(access: UserAccess, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new ForeclosureError(404, '抵债资产收取记录不存在或无权访问')
  const row = await scopedReceipts(access).where('r.id', id).first()
  if (!row) throw new ForeclosureError(404, '抵债资产收取记录不存在或无权访问')
  return row
}

export async function loanRows(receiptId: number, client: Pick<QueryClientContract, 'from'> = db) {
  return client
    .from(`${LOANS} as l`)
    .where('l.receipt_id', receiptId)
    .select('l.*', ...asText(LOAN_MONEY, 'l'))
    .orderBy('l.id')
}

export function loanPlain(r: any) {
  const owed: Record<string, string> = {}
  const settled: Record<string, string> = {}
  const shortfall: Record<string, string> = {}
  let owedSum = 0n
  let settledSum = 0n
  for (const b of BUCKET_ORDER) {
    const o = BigInt(r[`${b}_owed_fen`])
    const s = BigInt(r[`${b}_settled_fen`])
    owed[b] = yuan(o)
    settled[b] = yuan(s)
    shortfall[b] = yuan(o - s)
    owedSum += o
    settledSum += s
  }
  return {
    loanId: Number(r.loan_id),
    loanNo: r.loan_no,
    owed,
    settled,
    shortfall,
    owedTotal: yuan(owedSum),
    settledTotal: yuan(settledSum),
    shortfallTotal: yuan(owedSum - settledSum),
  }
}

export const documentPlain = (r: any) => ({
  id: Number(r.id),
  docKind: r.doc_kind,
  title: r.title,
  docNo: r.doc_no,
  url: r.url ?? null,
  createdAt: new Date(r.created_at).toISOString(),
})

const snapshotOf = (text: unknown) => {
  if (!text) return null
  try {
    return JSON.parse(String(text))
  } catch {
    return null
  }
}

export const receiptPlain = (r: any) => ({
  id: Number(r.id),
  receiptNo: r.receipt_no,
  orgId: Number(r.org_id),
  createdBy: Number(r.created_by),
  customerId: Number(r.customer_id),
  customerName: r.customer_name,
  way: r.way,
  source: r.source,
  collateralRef: r.collateral_ref ?? null,
  collateralChecked: Boolean(r.collateral_checked),
  collateral: snapshotOf(r.collateral_snapshot),
  assetClass: r.asset_class,
  assetName: r.asset_name,
  location: r.location ?? null,
  certificates: r.certificates ?? null,
  rulingNo: r.ruling_no ?? null,
  appraisedValue: yuan(r.appraised_fen),
  appraisedOn: day(r.appraised_on),
  agreedValue: yuan(r.agreed_fen),
  taxesAndFees: yuan(r.taxes_fen),
  bookValue: yuan(r.book_value_fen),
  owed: yuan(r.owed_fen),
  shortfall: yuan(r.shortfall_fen),
  balanceSource: r.balance_source,
  acquiredOn: day(r.acquired_on),
  reasons: r.reasons,
  status: r.status,
  committeeRequired: Boolean(r.committee_required),
  committeeRef: r.committee_ref ?? null,
  committeeResult: r.committee_result ?? null,
  assetId: r.asset_id === null || r.asset_id === undefined ? null : Number(r.asset_id),
  postedOn: day(r.posted_on),
  /** When the loans' balances in the book were reduced (core banking acknowledged the postings). */
  bookSettledAt: r.book_settled_at ? new Date(r.book_settled_at).toISOString() : null,
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
})

export async function receiptDetail(access: UserAccess, id: number) {
  const row = await receiptRow(access, id)
  const loans = (await loanRows(id)).map(loanPlain)
  const documents = (await db.from(DOCUMENTS).where('receipt_id', id).orderBy('id')).map(
    documentPlain
  )
  // The 抵债资产 it was booked as (foreclosed-assets' public service).
  const booked = row.asset_id ? await findByReceipt(`receipt:${id}`) : null
  const asset = booked
    ? {
        id: booked.id,
        assetNo: booked.assetNo,
        bookValue: booked.bookValue,
        disposalDeadline: booked.disposalDeadline,
        status: booked.status,
      }
    : null
  return { ...receiptPlain(row), loans, documents, asset }
}
