/*
| Reading assets: the plain shape every page, ledger and the public service
| use (money as fen strings and yuan text, dates 'YYYY-MM-DD').
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dateText as asDate } from '#core/holidays/calendar_date'
import { ASSETS, ASSET_LOANS } from './receive.js'

type Client = TransactionClientContract | typeof db

export interface ForeclosedAsset {
  id: number
  assetNo: string
  receiptRef: string
  customerId: number
  orgId: number
  custodianOrgId: number
  managerId: number | null
  businessLine: string | null
  region: string | null
  assetClass: string
  name: string
  location: string | null
  certificates: string | null
  acquiredOn: string
  disposalDeadline: string
  bookValueFen: string
  appraisedValueFen: string
  currentValueFen: string
  /** Yuan text of the three values. */
  bookValue: string
  appraisedValue: string
  currentValue: string
  status: string
  disposalKind: string | null
  disposedOn: string | null
  nextCheckDue: string | null
  loanIds: number[]
}

const yuan = (fen: unknown) => Money.fromFen(String(fen)).toYuan()

export function toAsset(r: Record<string, any>, loanIds: number[] = []): ForeclosedAsset {
  return {
    id: Number(r.id),
    assetNo: r.asset_no,
    receiptRef: r.receipt_ref,
    customerId: Number(r.customer_id),
    orgId: Number(r.org_id),
    custodianOrgId: Number(r.custodian_org_id),
    managerId: r.manager_id === null ? null : Number(r.manager_id),
    businessLine: r.business_line ?? null,
    region: r.region ?? null,
    assetClass: r.asset_class,
    name: r.name,
    location: r.location ?? null,
    certificates: r.certificates ?? null,
    acquiredOn: asDate(r.acquired_on),
    disposalDeadline: asDate(r.disposal_deadline),
    bookValueFen: String(r.book_value_fen),
    appraisedValueFen: String(r.appraised_value_fen),
    currentValueFen: String(r.current_value_fen),
    bookValue: yuan(r.book_value_fen),
    appraisedValue: yuan(r.appraised_value_fen),
    currentValue: yuan(r.current_value_fen),
    status: r.status,
    disposalKind: r.disposal_kind ?? null,
    disposedOn: r.disposed_on ? asDate(r.disposed_on) : null,
    nextCheckDue: r.next_check_due ? asDate(r.next_check_due) : null,
    loanIds,
  }
}

export async function loanIdsOf(
  ids: number[],
  client: Client = db
): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>()
  if (!ids.length) return map
  const rows = await client.from(ASSET_LOANS).whereIn('asset_id', ids).orderBy('loan_id')
  for (const r of rows) {
    const list = map.get(Number(r.asset_id)) ?? []
    list.push(Number(r.loan_id))
    map.set(Number(r.asset_id), list)
  }
  return map
}

export async function assetsWhere(
  build: (q: ReturnType<Client['from']>) => unknown,
  client: Client = db
): Promise<ForeclosedAsset[]> {
  const q = client.from(ASSETS).select('*')
  build(q)
  const rows = await q
  const loans = await loanIdsOf(
    rows.map((r: any) => Number(r.id)),
    client
  )
  return rows.map((r: any) => toAsset(r, loans.get(Number(r.id)) ?? []))
}
