/*
| 数据中台 → 非信贷资产: one business date's feed, page by page (keyset on the
| asset number), with progress. Idempotent: an asset is found by the platform's
| `source_id` and only changed figures are written; the date's snapshot row is
| written once per asset and date (a rerun overwrites it with the same figures).
| A class the platform reports differently from what it reported before applies
| at once and is written to the history; a class a clerk changed after approval
| stays until the platform reports a new one. Rows for an org this bank does not
| know are skipped and counted (the platform's mapping is wrong, not ours).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { call } from '#core/connectors/http_connector'
import { ConnectorError } from '#core/connectors/connector_error'
import { dateText } from '#core/holidays/calendar_date'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { isFiveClass } from '../../credit-assets/rules/five_class.js'
import type { FeedItem } from './source.js'
import { ASSETS, ASSET_TYPES, CHANGES, DAYS, FEED_INTERFACE, FEED_SYSTEM } from './tables.js'

export interface SyncResult {
  businessDate: string
  received: number
  created: number
  updated: number
  unchanged: number
  reclassified: number
  skipped: number
}

const FEN = /^\d{1,15}$/
const DEADLOCK = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'])
const DATE_COLUMNS = new Set(['start_date', 'maturity_date', 'last_fed_on'])
/** A stored value as the feed would send it (dates as 'YYYY-MM-DD', numbers as text). */
const stored = (column: string, value: unknown) =>
  value === null || value === undefined
    ? ''
    : DATE_COLUMNS.has(column)
      ? dateText(value)
      : String(value)
type Progress = (percent: number, message?: string) => Promise<void>

async function page(businessDate: string, after: string | null, limit: number) {
  // Reading changes nothing: keyed so the connector may retry a dropped page.
  const answer: any = await call(
    FEED_SYSTEM,
    FEED_INTERFACE,
    { businessDate, after, limit },
    { idempotencyKey: `non-credit:${businessDate}:${after ?? ''}:${limit}` }
  )
  if (answer?.retCode !== '0000')
    throw new ConnectorError(
      'http',
      `${FEED_SYSTEM}.${FEED_INTERFACE} refused: ${answer?.retCode ?? '?'} ${answer?.retMsg ?? ''}`,
      FEED_SYSTEM,
      FEED_INTERFACE,
      200,
      answer
    )
  return answer.data as { items: FeedItem[]; next: string | null; total?: number }
}

const valid = (i: FeedItem) =>
  typeof i?.sourceId === 'string' &&
  i.sourceId.length > 0 &&
  (ASSET_TYPES as readonly string[]).includes(i.assetType) &&
  isFiveClass(i.fiveClass) &&
  [i.principalFen, i.bookValueFen, i.accruedInterestFen, i.provisionFen].every((f) =>
    FEN.test(String(f))
  ) &&
  Number.isSafeInteger(Number(i.overdueDays))

async function lookups(items: FeedItem[]) {
  const orgCodes = [...new Set(items.map((i) => i.orgCode))]
  const usernames = [...new Set(items.map((i) => i.managerNo).filter((u): u is string => !!u))]
  const customerNos = [...new Set(items.map((i) => i.customerNo).filter((c): c is string => !!c))]
  const orgs = orgCodes.length
    ? await db.from('orgs').whereIn('code', orgCodes).select('id', 'code')
    : []
  const users = usernames.length
    ? await db.from('users').whereIn('username', usernames).select('id', 'username')
    : []
  const customers = customerNos.length ? await bookApi.customers.byKeys(customerNos) : []
  return {
    org: new Map(orgs.map((o: any) => [o.code as string, Number(o.id)])),
    user: new Map(users.map((u: any) => [u.username as string, Number(u.id)])),
    customer: new Map(customers.map((c) => [c.customerNo, c.id])),
  }
}

async function upsert(
  trx: TransactionClientContract,
  item: FeedItem,
  ids: { orgId: number; managerId: number | null; customerId: number | null },
  businessDate: string,
  result: SyncResult
) {
  const now = dbNow()
  const values = {
    asset_no: item.assetNo,
    asset_type: item.assetType,
    sub_type: item.subType,
    asset_name: item.assetName,
    counterparty: item.counterparty,
    customer_no: item.customerNo ?? null,
    customer_id: ids.customerId,
    principal_fen: String(item.principalFen),
    book_value_fen: String(item.bookValueFen),
    accrued_interest_fen: String(item.accruedInterestFen),
    provision_fen: String(item.provisionFen),
    overdue_days: Number(item.overdueDays),
    start_date: item.startDate,
    maturity_date: item.maturityDate ?? null,
    org_id: ids.orgId,
    manager_id: ids.managerId,
  }
  const row = await trx.from(ASSETS).where('source_id', item.sourceId).forUpdate().first()
  let assetId: number
  let fiveClass = item.fiveClass
  if (!row) {
    const [id] = await trx.table(ASSETS).insert({
      source_id: item.sourceId,
      ...values,
      five_class: item.fiveClass,
      fed_class: item.fiveClass,
      last_fed_on: businessDate,
      created_at: now,
      updated_at: now,
    })
    assetId = Number(id)
    result.created++
  } else {
    assetId = Number(row.id)
    const changed = Object.entries(values).some(([k, v]) => stored(k, row[k]) !== String(v ?? ''))
    const reclassify = row.fed_class !== item.fiveClass
    fiveClass = reclassify ? item.fiveClass : row.five_class
    if (reclassify && row.five_class !== item.fiveClass) {
      await trx.table(CHANGES).insert({
        asset_id: assetId,
        from_class: row.five_class,
        to_class: item.fiveClass,
        source: 'feed',
        status: 'effective',
        reason: `数据中台 ${businessDate} 报送`,
        effective_on: businessDate,
        created_at: now,
        updated_at: now,
      })
      result.reclassified++
    }
    if (changed || reclassify) {
      await trx
        .from(ASSETS)
        .where('id', assetId)
        .update({
          ...values,
          five_class: fiveClass,
          fed_class: item.fiveClass,
          last_fed_on: businessDate,
          updated_at: now,
        })
      result.updated++
    } else {
      if (stored('last_fed_on', row.last_fed_on) !== businessDate)
        await trx.from(ASSETS).where('id', assetId).update({ last_fed_on: businessDate })
      result.unchanged++
    }
  }
  const day = {
    principal_fen: values.principal_fen,
    book_value_fen: values.book_value_fen,
    accrued_interest_fen: values.accrued_interest_fen,
    provision_fen: values.provision_fen,
    five_class: fiveClass,
    overdue_days: values.overdue_days,
    org_id: ids.orgId,
    manager_id: ids.managerId,
  }
  const dayRow = trx.from(DAYS).where('asset_id', assetId).where('business_date', businessDate)
  if (await dayRow.clone().first()) await dayRow.update(day)
  else await trx.table(DAYS).insert({ asset_id: assetId, business_date: businessDate, ...day })
}

const emptyResult = (businessDate: string): SyncResult => ({
  businessDate,
  received: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  reclassified: 0,
  skipped: 0,
})

/** Writes one page of the feed in one transaction; `result` counts (received excluded). */
export async function importItems(
  items: FeedItem[],
  businessDate: string,
  result: SyncResult = emptyResult(businessDate)
) {
  const ids = await lookups(items)
  // A page is one transaction; on a deadlock (Galera/TiDB certification, a clerk's approval
  // on the same row) it is run again from the start with fresh counters.
  for (let attempt = 1; ; attempt++) {
    const counts = emptyResult(businessDate)
    try {
      await db.transaction(async (trx) => {
        for (const item of items) {
          const orgId = ids.org.get(item.orgCode)
          if (!valid(item) || orgId === undefined) {
            counts.skipped++
            continue
          }
          await upsert(
            trx,
            item,
            {
              orgId,
              managerId: (item.managerNo && ids.user.get(item.managerNo)) || null,
              customerId: (item.customerNo && ids.customer.get(item.customerNo)) || null,
            },
            businessDate,
            counts
          )
        }
      })
    } catch (error) {
      if (attempt < 3 && DEADLOCK.has((error as { code?: string }).code ?? '')) continue
      throw error
    }
    result.received += items.length
    for (const key of ['created', 'updated', 'unchanged', 'reclassified', 'skipped'] as const)
      result[key] += counts[key]
    return result
  }
}

export async function syncNonCredit(
  businessDate: string,
  progress: Progress = async () => {},
  pageSize = 500
): Promise<SyncResult> {
  const result = emptyResult(businessDate)
  let after: string | null = null
  do {
    const { items, next, total } = await page(businessDate, after, pageSize)
    await importItems(items, businessDate, result)
    const percent = total ? Math.min(99, Math.floor((result.received * 100) / total)) : 50
    await progress(percent, `已同步 ${result.received}${total ? ` / ${total}` : ''} 笔`)
    after = next
  } while (after !== null)
  await progress(
    100,
    `完成：新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}`
  )
  return result
}
