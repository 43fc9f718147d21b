/*
| Job non-credit:sync — 数据中台's non-credit assets of a business date (default:
| the current one), with progress. Scheduled every morning; dispatched from the
| console (同步数据中台) for any date. Safe to repeat (services/sync.ts).
*/
import type { JobHandler } from '#core/plugins/types'
import { businessDate } from '#core/business_day/business_date'
import { syncNonCredit } from '../services/sync.js'

const sync: JobHandler = async ({ payload, progress }) =>
  syncNonCredit(payload?.businessDate ?? (await businessDate.current()), progress)

export default sync
