/*
| 客户主数据 → the book: the customer's master fields the book keeps (today the
| name; the 客户中心 also holds phone, address and legal representative, which
| the book does not store) changed by another plugin — monitoring's refresh
| from 客户中心 after a clerk saw the differences. Runs in the caller's
| transaction: the row is locked, the change and its 风险资产时间轴 event (the
| caller's kind, customer-level) commit or roll back with the caller's records.
| A value equal to the book's is no change and writes nothing.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { bookLookups } from '../book_lookups.js'
import { recordRiskEvent } from '../risk_events.js'

export interface CustomerMasterChange {
  customerId: number
  /** The fields to set; absent fields are left alone. */
  changes: { name?: string }
  /** The caller's timeline event kind (`<plugin>.<name>`, declared in its eventKinds). */
  eventType: `${string}.${string}`
  /** Shown on the timeline ("客户中心同步"). */
  reason: string
  businessDate: string
  operatorId: number | null
}

export interface CustomerMasterWritten {
  customerId: number
  /** Fields that changed, with the book's value before and after. */
  changed: Array<{ field: 'name'; before: string; after: string }>
}

export class CustomerWriteError extends Error {}

export async function changeCustomerMaster(
  trx: TransactionClientContract,
  change: CustomerMasterChange
): Promise<CustomerMasterWritten> {
  if (!trx?.isTransaction)
    throw new CustomerWriteError('book_writer needs the caller’s transaction')
  assertDate(change.businessDate)
  const name = change.changes.name?.trim()
  if (name !== undefined && (name.length === 0 || name.length > 200))
    throw new CustomerWriteError('A customer name is 1–200 characters')
  const table = bookLookups.customers.table
  const row = await trx.from(table).where('id', change.customerId).forUpdate().first()
  if (!row) throw new CustomerWriteError(`No customer ${change.customerId}`)
  const changed: CustomerMasterWritten['changed'] = []
  if (name !== undefined && name !== row.name)
    changed.push({ field: 'name', before: row.name, after: name })
  if (!changed.length) return { customerId: change.customerId, changed }
  await trx.from(table).where('id', change.customerId).update({ name, updated_at: dbNow() })
  await recordRiskEvent(trx, {
    type: change.eventType,
    businessDate: change.businessDate,
    loanId: null,
    customerId: change.customerId,
    before: { customerName: row.name },
    after: { customerName: name, reason: change.reason.trim().slice(0, 200) },
    operatorId: change.operatorId,
  })
  return { customerId: change.customerId, changed }
}
