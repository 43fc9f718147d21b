/*
| 风险资产日终同步 from 数据中台: once per business date, fetch the data
| platform's risk-loan feed page by page, then import it in one daily-step
| transaction (core runDailyStep: claimed per date, so a rerun or a second
| worker is a no-op, and a failed run leaves nothing and can run again).
|
| The order is the point. On SQLite the transaction holds the only connection
| and the write lock; a connector call logs itself through the pool (and the
| demo simulator reads the book through it), so fetching inside the
| transaction would wait on itself. Everything that talks to the network or
| reads through the pool happens before the transaction opens.
|
| credit-assets does not know how the platform is reached: the caller passes
| `fetchPage` (bank-systems' job passes its data-platform adapter), so the
| dependency points from the integration plugin to the domain, never back.
*/
import { hasRun, runDailyStep } from '#core/business_day/daily_step'
import { assertDate } from '#core/business_day/business_date'
import {
  assertPlatformLoan,
  importPlatformFeed,
  type PlatformImportReport,
  type PlatformRiskLoan,
} from './platform_import.js'
import {
  assertPlatformCard,
  importCardFeed,
  type CardImportReport,
  type PlatformCardAccount,
} from './platform_card_import.js'

export const PLATFORM_SYNC_STEP = 'credit-assets:platform-sync'

/** One page of the feed: items after the cursor `after` (a loan number), and the next cursor. */
export type PlatformFeedPage = (page: {
  after: string | null
  limit: number
}) => Promise<{ items: PlatformRiskLoan[]; next: string | null }>

export interface PlatformSyncReport extends Partial<PlatformImportReport> {
  businessDate: string
  /** False when this date was already synced (nothing fetched, nothing changed). */
  ran: boolean
  pages: number
}

/** A feed larger than this is refused (a runaway cursor, not a bank). */
const MAX_PAGES = 10_000

/**
 * Every page of a keyset-paged feed, keyed by its business number (`check`
 * validates an item and returns the key): a page boundary or a resent page
 * never imports a record twice.
 */
async function readFeed<T>(
  fetchPage: (page: {
    after: string | null
    limit: number
  }) => Promise<{ items: T[]; next: string | null }>,
  pageSize: number,
  check: (item: T) => string
) {
  const feed = new Map<string, T>()
  let after: string | null = null
  let pages = 0
  do {
    if (++pages > MAX_PAGES) throw new Error('数据中台分页超过上限，已停止同步')
    const page = await fetchPage({ after, limit: pageSize })
    for (const item of page.items) feed.set(check(item), item)
    if (page.next !== null && page.next === after)
      throw new Error('数据中台分页游标未前进，已停止同步')
    after = page.next
  } while (after !== null)
  return { feed, pages }
}

export async function syncFromDataPlatform(
  businessDate: string,
  fetchPage: PlatformFeedPage,
  options: { pageSize?: number } = {}
): Promise<PlatformSyncReport> {
  assertDate(businessDate)
  if (await hasRun(PLATFORM_SYNC_STEP, businessDate)) return { businessDate, ran: false, pages: 0 }

  const { feed, pages } = await readFeed(fetchPage, options.pageSize ?? 1000, (item) => {
    assertPlatformLoan(item)
    return item.loanNo
  })

  let report: PlatformImportReport | undefined
  const ran = await runDailyStep(PLATFORM_SYNC_STEP, businessDate, async (trx) => {
    report = await importPlatformFeed(trx, businessDate, [...feed.values()])
  })
  return { businessDate, ran, pages, ...report }
}

export const CARD_SYNC_STEP = 'credit-assets:card-sync'

export type PlatformCardPage = (page: {
  after: string | null
  limit: number
}) => Promise<{ items: PlatformCardAccount[]; next: string | null }>

/**
 * 信用卡透支账户日终同步: the same shape as the risk-loan sync — fetch every page
 * first (keyed by account number), then import in one daily-step transaction,
 * once per business date.
 */
export async function syncCardsFromDataPlatform(
  businessDate: string,
  fetchPage: PlatformCardPage,
  options: { pageSize?: number } = {}
) {
  assertDate(businessDate)
  if (await hasRun(CARD_SYNC_STEP, businessDate)) return { businessDate, ran: false, pages: 0 }
  const { feed, pages } = await readFeed(fetchPage, options.pageSize ?? 1000, (item) => {
    assertPlatformCard(item)
    return item.accountNo
  })
  let report: CardImportReport | undefined
  const ran = await runDailyStep(CARD_SYNC_STEP, businessDate, async (trx) => {
    report = await importCardFeed(trx, [...feed.values()])
  })
  return { businessDate, ran, pages, ...report }
}
