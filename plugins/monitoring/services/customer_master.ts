/*
| 客户中心 master data: our copy per customer (monitoring_customer_master),
| compared with what 客户中心 says now. The differences are shown first; the
| clerk applies the ones they accept, sending the values they saw — if 客户中心
| changed in between, nothing is applied (409) and they compare again. Before
| the first refresh our copy is the book's name and nothing else.
| The name lives in the book (credit-assets): "ours" is always the book's name,
| and an accepted name goes into the book through credit-assets' public writer
| (bookWriter.changeCustomerMaster, with a timeline event) in the same
| transaction as our copy, so the two never disagree.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { ConnectorError } from '#core/connectors/connector_error'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { MonitoringError, scopedCustomer } from './alerts.js'

export const MASTER = 'monitoring_customer_master'
export const MASTER_FIELDS = ['name', 'phone', 'address', 'legalRepresentative'] as const
export type MasterField = (typeof MASTER_FIELDS)[number]
type Master = Record<MasterField, string | null>

const COLUMN: Record<MasterField, string> = {
  name: 'name',
  phone: 'phone',
  address: 'address',
  legalRepresentative: 'legal_representative',
}

async function localMaster(customerId: number, bookName: string) {
  const row = await db.from(MASTER).where('customer_id', customerId).first()
  const master = Object.fromEntries(
    MASTER_FIELDS.map((f) => [f, f === 'name' ? bookName : row ? (row[COLUMN[f]] ?? null) : null])
  ) as Master
  return { master, refreshedAt: row?.refreshed_at ?? null }
}

async function remoteMaster(customerNo: string): Promise<Master> {
  try {
    const p = await bankSystems.customerCenter.profile(customerNo)
    return {
      name: p.name,
      phone: p.phone,
      address: p.address,
      legalRepresentative: p.legalRepresentative,
    }
  } catch (error) {
    if (error instanceof ConnectorError)
      throw new MonitoringError(
        503,
        '客户中心暂不可用，请稍后再比对',
        'The customer centre is unavailable; compare again later'
      )
    throw error
  }
}

const differencesOf = (local: Master, remote: Master) =>
  MASTER_FIELDS.filter((f) => (local[f] ?? null) !== (remote[f] ?? null)).map((field) => ({
    field,
    local: local[field] ?? null,
    remote: remote[field] ?? null,
  }))

export async function compareMaster(access: UserAccess, customerId: number) {
  const customer = await scopedCustomer(access, customerId)
  const local = await localMaster(customer.id, customer.name)
  const remote = await remoteMaster(customer.customerNo)
  return {
    customerId: customer.id,
    local: local.master,
    refreshedAt: local.refreshedAt,
    remote,
    differences: differencesOf(local.master, remote),
  }
}

/** Applies the accepted changes (field → the 客户中心 value the clerk saw). */
export async function applyMaster(
  access: UserAccess,
  customerId: number,
  changes: Partial<Record<MasterField, string | null>>
) {
  const customer = await scopedCustomer(access, customerId)
  const fields = Object.keys(changes) as MasterField[]
  if (!fields.length)
    throw new MonitoringError(422, '请选择要更新的字段', 'Choose the fields to update', 'changes')
  const remote = await remoteMaster(customer.customerNo)
  const stale = fields.filter((f) => (remote[f] ?? null) !== (changes[f] ?? null))
  if (stale.length)
    throw new MonitoringError(
      409,
      '客户中心数据已变化，请重新比对后再更新',
      'The customer centre changed since you compared; compare again'
    )
  const before = (await localMaster(customer.id, customer.name)).master
  const after: Master = { ...before }
  for (const f of fields) after[f] = remote[f] ?? null
  const row = {
    name: (after.name ?? customer.name).slice(0, 200),
    phone: after.phone?.slice(0, 64) ?? null,
    address: after.address?.slice(0, 300) ?? null,
    legal_representative: after.legalRepresentative?.slice(0, 100) ?? null,
    refreshed_by: access.user.id,
    refreshed_at: dbNow(),
  }
  const date = await businessDate.current()
  const book = await db.transaction(async (trx) => {
    const written = fields.includes('name')
      ? await bookWriter.changeCustomerMaster(trx, {
          customerId: customer.id,
          changes: { name: row.name },
          eventType: 'monitoring.master',
          reason: '客户中心同步',
          businessDate: date,
          operatorId: access.user.id,
        })
      : { changed: [] }
    const existing = await trx.from(MASTER).where('customer_id', customer.id).forUpdate().first()
    if (existing) await trx.from(MASTER).where('id', existing.id).update(row)
    else await trx.table(MASTER).insert({ customer_id: customer.id, ...row })
    return written.changed
  })
  return { customerId: customer.id, fields, before, after, bookChanged: book }
}
