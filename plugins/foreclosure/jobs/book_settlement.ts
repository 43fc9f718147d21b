/*
| Job foreclosure:book-settlement — carries the receipts whose postings core
| banking has acknowledged into credit-assets' book (receipts/book_settlement.ts).
| Safe to repeat: each receipt is settled once.
*/
import type { JobHandler } from '#core/plugins/types'
import { settleAcknowledged } from '../receipts/book_settlement.js'

const bookSettlement: JobHandler = async () => ({ settled: await settleAcknowledged() })
export default bookSettlement
