/*
| The asset's deadlines in the core reminder engine (时效提醒):
| - 处置期限 (kind foreclosed-assets:disposal): reminders N working days before
|   (the class rule's offsets) and once overdue, to the assigned manager and to
|   everyone at the booking org holding the asset list permission whose data
|   scope covers the asset. Removed once the asset is disposed.
| - 定期检查 (kind foreclosed-assets:check): the next check's due date.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'
import { classRule } from '../rules/class_rules.js'

const SOURCE = 'foreclosed-assets'
export const LIST_PERMISSION = 'foreclosed-assets:asset:list'
export const CHECK_PERMISSION = 'foreclosed-assets:check:list'
const ENDED = ['sold', 'fixed', 'written_off']

import { dateText as asDate } from '#core/holidays/calendar_date'

export async function syncDisposalDeadline(trx: TransactionClientContract, assetId: number) {
  const a = await trx.from('foreclosed_assets').where('id', assetId).first()
  if (!a) return
  const key = { source: SOURCE, subjectType: 'foreclosed_asset', subjectId: String(a.id) }
  if (ENDED.includes(a.status)) {
    await deadlines.remove({ ...key, kind: `${SOURCE}:disposal` }, trx)
    await deadlines.remove({ ...key, kind: `${SOURCE}:check` }, trx)
    return
  }
  const rule = await classRule(a.asset_class, trx)
  const people = a.manager_id ? [Number(a.manager_id)] : []
  const record = { orgId: Number(a.org_id), ownerId: a.manager_id ? Number(a.manager_id) : null }
  await deadlines.upsert(
    {
      ...key,
      kind: `${SOURCE}:disposal`,
      title: `抵债资产 ${a.asset_no} ${a.name} 处置期限`,
      dueDate: asDate(a.disposal_deadline),
      rule: rule.basis,
      offsets: rule.reminderOffsets,
      userIds: people,
      orgId: Number(a.org_id),
      permission: LIST_PERMISSION,
      record,
      link: `/p/foreclosed-assets/CustodyBasic?id=${a.id}`,
    },
    trx
  )
  if (a.next_check_due) {
    await deadlines.upsert(
      {
        ...key,
        kind: `${SOURCE}:check`,
        title: `抵债资产 ${a.asset_no} ${a.name} 定期检查`,
        dueDate: asDate(a.next_check_due),
        rule: `定期检查：每${rule.checkIntervalMonths}个月检查一次`,
        offsets: [5, 1],
        userIds: people,
        orgId: Number(a.org_id),
        permission: CHECK_PERMISSION,
        record,
        link: `/p/foreclosed-assets/Checks?assetId=${a.id}`,
      },
      trx
    )
  }
}
