/*
| Applies one business date's risk-loan feed from 数据中台 to the book, inside
| the daily step's transaction (platform_sync.ts fetched it beforehand). The
| data platform is the source of truth for the facts it sends:
|   - a loan it lists that is not yet a risk asset is handed over (移交), with a
|     `handover` event;
|   - for a loan already under management, each changed fact is a timeline
|     event with before/after: classification (plus the history row every
|     class change keeps), balance, org (机构), manager (管户人);
|   - overdue days change every day for every overdue loan: updated, but not a
|     timeline event (it would bury the changes a clerk looks for).
| All reads go through `trx`: on SQLite the transaction holds the only
| connection. Writes are batched (multi-row INSERT, CASE updates).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { Money } from '#core/money/money'
import { isFiveClass, type FiveClass } from '../rules/five_class.js'
import { recordRiskEvents, type RiskEvent } from './risk_events.js'
import { updateRowsById } from './bulk_update.js'

/** One loan as the data platform reports it for a business date (the bank-systems contract's shape). */
export interface PlatformRiskLoan {
  loanNo: string
  reason: 'classification' | 'overdue'
  handedOverOn: string
  fiveClass: FiveClass
  /** Yuan text with two decimals. */
  balance: string
  overdueDays: number
  orgCode: string
  managerNo: string | null
}

export interface PlatformImportReport {
  received: number
  handedOver: number
  /** Loans whose facts changed (any column, overdue days included). */
  updated: number
  events: number
  /** Listed by the platform but unknown here (loaded later by the book's own load); first 20. */
  unknownLoans: string[]
  unknownLoanCount: number
  /** Org codes / manager numbers we could not map: the fact is kept as it was; first 20. */
  unmapped: string[]
}

const CHUNK = 500

/** One update per row: a loan whose org and manager both changed gets both columns in one entry. */
function mergeById(rows: Array<{ id: number; values: Record<string, unknown> }>) {
  const merged = new Map<number, Record<string, unknown>>()
  for (const r of rows) merged.set(r.id, { ...merged.get(r.id), ...r.values })
  return [...merged].map(([id, values]) => ({ id, values }))
}
const HISTORY_REASON = '数据中台日终同步'

async function codeMap(
  trx: TransactionClientContract,
  table: string,
  column: string,
  keys: string[]
) {
  const map = new Map<string, { id: number; name: string }>()
  const unique = [...new Set(keys)]
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await trx
      .from(table)
      .whereIn(column, unique.slice(start, start + CHUNK))
      .select('id', column, table === 'users' ? 'real_name as name' : 'name')
    for (const r of rows) map.set(String(r[column]), { id: Number(r.id), name: r.name })
  }
  return map
}

async function currentLoans(trx: TransactionClientContract, loanNos: string[]) {
  const map = new Map<string, any>()
  for (let start = 0; start < loanNos.length; start += CHUNK) {
    const rows = await trx
      .from('ca_loans as l')
      .leftJoin('ca_risk_assets as r', 'r.loan_id', 'l.id')
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
      .leftJoin('users as u', 'u.id', 'l.manager_id')
      .whereIn('l.loan_no', loanNos.slice(start, start + CHUNK))
      .select(
        'l.id',
        'l.loan_no',
        'l.customer_id',
        'l.five_class',
        trx.raw('CAST(l.balance_fen AS CHAR) as balance_text'),
        'l.overdue_days',
        'l.org_id',
        'l.manager_id',
        'r.id as risk_id',
        'o.name as org_name',
        'u.real_name as manager_name'
      )
    for (const r of rows) map.set(r.loan_no, r)
  }
  return map
}

/** Throws on a malformed item: a feed we cannot read is not imported by halves. */
export function assertPlatformLoan(item: PlatformRiskLoan) {
  const problem =
    (!item.loanNo && 'loanNo') ||
    (!isFiveClass(item.fiveClass) && 'fiveClass') ||
    (!/^\d{4}-\d{2}-\d{2}$/.test(String(item.handedOverOn)) && 'handedOverOn') ||
    (!Number.isSafeInteger(item.overdueDays) || item.overdueDays < 0 ? 'overdueDays' : '') ||
    (!/^\d+\.\d{2}$/.test(String(item.balance)) && 'balance') ||
    (!item.orgCode && 'orgCode')
  if (problem)
    throw new Error(`数据中台数据格式错误：借据 ${item.loanNo ?? '?'} 的 ${problem} 不合法`)
}

export async function importPlatformFeed(
  trx: TransactionClientContract,
  businessDate: string,
  items: PlatformRiskLoan[]
): Promise<PlatformImportReport> {
  const report: PlatformImportReport = {
    received: items.length,
    handedOver: 0,
    updated: 0,
    events: 0,
    unknownLoans: [],
    unknownLoanCount: 0,
    unmapped: [],
  }
  const loans = await currentLoans(
    trx,
    items.map((i) => i.loanNo)
  )
  const orgs = await codeMap(
    trx,
    'orgs',
    'code',
    items.map((i) => i.orgCode)
  )
  const managers = await codeMap(
    trx,
    'users',
    'username',
    items.flatMap((i) => (i.managerNo ? [i.managerNo] : []))
  )
  const unmapped = (what: string) => {
    if (report.unmapped.length < 20 && !report.unmapped.includes(what)) report.unmapped.push(what)
  }

  const now = dbNow()
  const events: RiskEvent[] = []
  const loanUpdates: Array<{ id: number; values: Record<string, unknown> }> = []
  const riskUpdates: Array<{ id: number; values: Record<string, unknown> }> = []
  const history: Record<string, unknown>[] = []
  const newRiskAssets: Record<string, unknown>[] = []

  for (const item of items) {
    const loan = loans.get(item.loanNo)
    if (!loan) {
      report.unknownLoanCount++
      if (report.unknownLoans.length < 20) report.unknownLoans.push(item.loanNo)
      continue
    }
    const loanId = Number(loan.id)
    const customerId = Number(loan.customer_id)
    const event = (type: RiskEvent['type'], before: object, after: object) =>
      events.push({
        type,
        businessDate,
        loanId,
        customerId,
        before: { ...before },
        after: { ...after },
      })
    const values: Record<string, unknown> = {}
    const isRisk = loan.risk_id !== null && loan.risk_id !== undefined

    const balanceFen = Money.fromYuan(item.balance).toFen()
    const org = orgs.get(item.orgCode)
    if (!org) unmapped(`org:${item.orgCode}`)
    const manager = item.managerNo ? managers.get(item.managerNo) : null
    if (item.managerNo && !manager) unmapped(`manager:${item.managerNo}`)
    const orgId = org ? org.id : Number(loan.org_id)
    const managerId =
      item.managerNo === null ? null : manager ? manager.id : (loan.manager_id ?? null)

    if (item.fiveClass !== loan.five_class) {
      values.five_class = item.fiveClass
      values.classified_on = businessDate
      history.push({
        loan_id: loanId,
        from_class: loan.five_class,
        to_class: item.fiveClass,
        changed_on: businessDate,
        reason: HISTORY_REASON,
        operator_id: null,
        created_at: now,
      })
      if (isRisk)
        event('classification', { fiveClass: loan.five_class }, { fiveClass: item.fiveClass })
    }
    if (balanceFen !== String(loan.balance_text)) {
      values.balance_fen = balanceFen
      if (isRisk)
        event(
          'balance',
          { balance: Money.fromFen(String(loan.balance_text)).toYuan() },
          { balance: item.balance }
        )
    }
    if (orgId !== Number(loan.org_id)) {
      values.org_id = orgId
      if (isRisk) {
        riskUpdates.push({ id: Number(loan.risk_id), values: { org_id: orgId } })
        event(
          'org',
          { orgId: Number(loan.org_id), orgName: loan.org_name ?? null },
          { orgId, orgName: org?.name ?? null }
        )
      }
    }
    if ((managerId ?? null) !== (loan.manager_id === null ? null : Number(loan.manager_id))) {
      values.manager_id = managerId
      if (isRisk) {
        riskUpdates.push({ id: Number(loan.risk_id), values: { manager_id: managerId } })
        event(
          'manager',
          { managerId: loan.manager_id ?? null, managerName: loan.manager_name ?? null },
          { managerId, managerName: manager?.name ?? null }
        )
      }
    }
    if (item.overdueDays !== Number(loan.overdue_days)) values.overdue_days = item.overdueDays

    if (!isRisk) {
      newRiskAssets.push({
        loan_id: loanId,
        customer_id: customerId,
        org_id: orgId,
        manager_id: managerId,
        status: 'managed',
        entered_on: item.handedOverOn,
        created_at: now,
        updated_at: now,
      })
      events.push({
        type: 'handover',
        businessDate,
        loanId,
        customerId,
        after: {
          reason: item.reason,
          fiveClass: item.fiveClass,
          overdueDays: item.overdueDays,
          balance: item.balance,
        },
      })
    }
    if (Object.keys(values).length) loanUpdates.push({ id: loanId, values })
  }

  await updateRowsById(trx, 'ca_loans', loanUpdates, { updated_at: now })
  await updateRowsById(trx, 'ca_risk_assets', mergeById(riskUpdates), { updated_at: now })
  for (let start = 0; start < history.length; start += CHUNK)
    await trx.table('ca_classification_history').multiInsert(history.slice(start, start + CHUNK))
  for (let start = 0; start < newRiskAssets.length; start += CHUNK)
    await trx.table('ca_risk_assets').multiInsert(newRiskAssets.slice(start, start + CHUNK))
  await recordRiskEvents(trx, events)

  report.handedOver = newRiskAssets.length
  report.updated = loanUpdates.length
  report.events = events.length
  return report
}
