/*
| Reading 债权转让申请 rows: the application in the caller's data scope (org of
| the application, or the applicant for 仅本人), its loans and notices, and plain
| data out (money as yuan text, dates as 'YYYY-MM-DD').
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { TransferError } from './transfer_error.js'

export const APPS = 'transfer_applications'
export const LOANS = 'transfer_loans'
export const LOCKS = 'transfer_locks'
export const NOTICES = 'transfer_notices'
export const POSTINGS = 'transfer_postings'

export const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
export const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()!
      : String(v).slice(0, 10)

const APP_MONEY = ['valuation_fen', 'reserve_fen', 'price_fen', 'book_fen']
const LOAN_MONEY = ['principal_fen', 'on_balance_interest_fen', 'off_balance_interest_fen']
export const asText = (columns: string[], alias: string) =>
  columns.map((c) => db.raw(`CAST(${alias}.${c} AS CHAR) as ${c}`))

export function scopedApps(access: UserAccess, client: Pick<QueryClientContract, 'from'> = db) {
  return applyDataScope(
    client.from(`${APPS} as a`).select('a.*', ...asText(APP_MONEY, 'a')),
    access,
    { orgColumn: 'a.org_id', ownerColumn: 'a.created_by' }
  )
}

export async function appRow(access: UserAccess, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new TransferError(404, '债权转让申请不存在或无权访问')
  const row = await scopedApps(access).where('a.id', id).first()
  if (!row) throw new TransferError(404, '债权转让申请不存在或无权访问')
  return row
}

export async function loanRows(appId: number, client: Pick<QueryClientContract, 'from'> = db) {
  return client
    .from(`${LOANS} as l`)
    .where('l.app_id', appId)
    .select('l.*', ...asText(LOAN_MONEY, 'l'))
    .orderBy('l.id')
}

export const loanPlain = (r: any) => ({
  loanId: Number(r.loan_id),
  loanNo: r.loan_no,
  principal: yuan(r.principal_fen),
  onBalanceInterest: yuan(r.on_balance_interest_fen),
  offBalanceInterest: yuan(r.off_balance_interest_fen),
  bookValue: yuan(BigInt(r.principal_fen) + BigInt(r.on_balance_interest_fen)),
})

export const noticePlain = (r: any) => ({
  id: Number(r.id),
  noticeNo: r.notice_no,
  partyKind: r.party_kind,
  partyName: r.party_name,
  servedOn: day(r.served_on),
  serviceWay: r.service_way ?? null,
  proofRef: r.proof_ref ?? null,
  served: r.served_on !== null && r.served_on !== undefined,
})

export const appPlain = (r: any) => ({
  id: Number(r.id),
  appNo: r.app_no,
  orgId: Number(r.org_id),
  createdBy: Number(r.created_by),
  customerId: Number(r.customer_id),
  customerName: r.customer_name,
  transferee: r.transferee,
  transfereeIdNo: r.transferee_id_no ?? null,
  method: r.method,
  valuation: yuan(r.valuation_fen),
  reservePrice: yuan(r.reserve_fen),
  price: yuan(r.price_fen),
  bookValue: yuan(r.book_fen),
  loss: yuan(BigInt(r.book_fen) - BigInt(r.price_fen)),
  reasons: r.reasons,
  status: r.status,
  committeeRequired: Boolean(r.committee_required),
  committeeRef: r.committee_ref ?? null,
  committeeResult: r.committee_result ?? null,
  contractNo: r.contract_no ?? null,
  paidOn: day(r.paid_on),
  transferDate: day(r.transfer_date),
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
})

export async function appDetail(access: UserAccess, id: number) {
  const row = await appRow(access, id)
  const loans = (await loanRows(id)).map(loanPlain)
  const notices = (await db.from(NOTICES).where('app_id', id).orderBy('id')).map(noticePlain)
  return {
    ...appPlain(row),
    loans,
    notices,
    unservedNotices: notices.filter((n) => !n.served).length,
  }
}
