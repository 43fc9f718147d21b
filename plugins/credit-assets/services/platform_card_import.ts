/*
| Applies one business date's credit-card feed from 数据中台 to the book
| (ca_card_accounts), inside the daily step's transaction: an account the
| platform lists that the book lacks is opened (its holder must be a known
| customer); a known account takes the platform's figures — 透支本金, 利息,
| 费用, limit, overdue days, class, org, manager. The status stays the book's:
| a card written off here (核销) is not brought back by the warehouse.
| Unknown holders, orgs or managers are reported, never guessed.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { Money } from '#core/money/money'
import { isFiveClass } from '../rules/five_class.js'
import { updateRowsById } from './bulk_update.js'
import { bookLookups as book } from './book_lookups.js'

/** One account as the data platform reports it (the bank-systems contract's shape). */
export interface PlatformCardAccount {
  accountNo: string
  cardNoMasked: string
  customerNo: string
  product: string
  creditLimit: string
  principal: string
  interest: string
  fee: string
  overdueDays: number
  fiveClass: string
  openedOn: string
  orgCode: string
  managerNo: string | null
  status: string
}

export interface CardImportReport {
  received: number
  opened: number
  updated: number
  /** Accounts whose holder, org or manager we could not map (first 20). */
  unmapped: string[]
}

const CHUNK = 500
const MONEY = /^\d+\.\d{2}$/

export function assertPlatformCard(item: PlatformCardAccount) {
  const problem =
    (!item.accountNo && 'accountNo') ||
    (!item.customerNo && 'customerNo') ||
    (!isFiveClass(item.fiveClass) && 'fiveClass') ||
    (!/^\d{4}-\d{2}-\d{2}$/.test(String(item.openedOn)) && 'openedOn') ||
    (!Number.isSafeInteger(item.overdueDays) || item.overdueDays < 0 ? 'overdueDays' : '') ||
    (['creditLimit', 'principal', 'interest', 'fee'] as const).find(
      (k) => !MONEY.test(String(item[k]))
    ) ||
    (!item.orgCode && 'orgCode')
  if (problem)
    throw new Error(`数据中台数据格式错误：卡账户 ${item.accountNo ?? '?'} 的 ${problem} 不合法`)
}

async function idsBy(
  trx: TransactionClientContract,
  table: string,
  column: string,
  keys: string[]
) {
  const map = new Map<string, number>()
  const unique = [...new Set(keys.filter(Boolean))]
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await trx
      .from(table)
      .whereIn(column, unique.slice(i, i + CHUNK))
      .select('id', column)
    for (const r of rows) map.set(String(r[column]), Number(r.id))
  }
  return map
}

export async function importCardFeed(
  trx: TransactionClientContract,
  items: PlatformCardAccount[]
): Promise<CardImportReport> {
  const report: CardImportReport = { received: items.length, opened: 0, updated: 0, unmapped: [] }
  const table = book.cardAccounts.table
  const customers = await idsBy(
    trx,
    book.customers.table,
    'customer_no',
    items.map((i) => i.customerNo)
  )
  const orgs = await idsBy(
    trx,
    'orgs',
    'code',
    items.map((i) => i.orgCode)
  )
  const managers = await idsBy(
    trx,
    'users',
    'username',
    items.map((i) => i.managerNo ?? '')
  )
  const existing = new Map<string, any>()
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = await trx
      .from(table)
      .whereIn(
        'account_no',
        items.slice(i, i + CHUNK).map((x) => x.accountNo)
      )
      .select(
        'id',
        'account_no',
        'customer_id',
        'org_id',
        'manager_id',
        'product',
        'overdue_days',
        'five_class'
      )
      .select(
        ...['credit_limit_fen', 'principal_fen', 'interest_fen', 'fee_fen'].map((c) =>
          trx.raw(`CAST(${c} AS CHAR) as ${c}`)
        )
      )
    for (const r of rows) existing.set(r.account_no, r)
  }
  const now = dbNow()
  const inserts: any[] = []
  const updates: Array<{ id: number; values: Record<string, unknown> }> = []
  for (const item of items) {
    const orgId = orgs.get(item.orgCode)
    const customerId = customers.get(item.customerNo)
    const managerId = item.managerNo ? (managers.get(item.managerNo) ?? null) : null
    if (!orgId || !customerId || (item.managerNo && managerId === null)) {
      if (report.unmapped.length < 20) report.unmapped.push(item.accountNo)
      continue
    }
    const facts = {
      org_id: orgId,
      manager_id: managerId,
      product: item.product.slice(0, 40),
      credit_limit_fen: Money.fromYuan(item.creditLimit).toFen(),
      principal_fen: Money.fromYuan(item.principal).toFen(),
      interest_fen: Money.fromYuan(item.interest).toFen(),
      fee_fen: Money.fromYuan(item.fee).toFen(),
      overdue_days: item.overdueDays,
      five_class: item.fiveClass,
    }
    const row = existing.get(item.accountNo)
    if (!row) {
      inserts.push({
        account_no: item.accountNo,
        card_no_masked: item.cardNoMasked.slice(0, 32),
        customer_id: customerId,
        opened_on: item.openedOn,
        status: 'active',
        ...facts,
        created_at: now,
        updated_at: now,
      })
      continue
    }
    const changed = Object.fromEntries(
      Object.entries(facts).filter(([k, v]) => String(row[k] ?? '') !== String(v ?? ''))
    )
    if (Object.keys(changed).length) updates.push({ id: Number(row.id), values: changed })
  }
  for (let i = 0; i < inserts.length; i += CHUNK)
    await trx.table(table).multiInsert(inserts.slice(i, i + CHUNK))
  await updateRowsById(trx, table, updates, { updated_at: now })
  report.opened = inserts.length
  report.updated = updates.length
  return report
}
