/*
| 债权转让通知 (民法典 §546: the transfer binds the debtor once notified): drawn
| up at 交割 for every debtor and guarantor of the package, set-based, and
| served in bulk (送达登记) in the server's scope.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { ITEMS, NOTICES, packageRow } from './store.js'
import { BatchError } from './batch_error.js'

/** 债权转让通知: the package's debtors and their guarantors, one notice each, set-based. */
export async function drawUpNotices(trx: TransactionClientContract, packageId: number) {
  const now = dbNow()
  await trx.rawQuery(
    `INSERT INTO ${NOTICES} (package_id, party_kind, party_key, party_name, customer_id, org_id, created_at)
     SELECT ?, 'debtor', CAST(i.customer_id AS CHAR), MIN(i.customer_name), i.customer_id, MIN(i.org_id), ?
       FROM ${ITEMS} i WHERE i.package_id = ? GROUP BY i.customer_id`,
    [packageId, now, packageId]
  )
  await trx.rawQuery(
    `INSERT INTO ${NOTICES} (package_id, party_kind, party_key, party_name, customer_id, org_id, created_at)
     SELECT ?, 'guarantor', COALESCE(CAST(g.guarantor_customer_id AS CHAR), g.guarantor_name),
            MIN(COALESCE(g.guarantor_name, '')), MIN(g.guarantor_customer_id), MIN(i.org_id), ?
       FROM ${book.guarantees.table} g JOIN ${ITEMS} i ON i.loan_id = g.loan_id
      WHERE i.package_id = ? AND (g.guarantor_customer_id IS NOT NULL OR g.guarantor_name IS NOT NULL)
      GROUP BY COALESCE(CAST(g.guarantor_customer_id AS CHAR), g.guarantor_name)`,
    [packageId, now, packageId]
  )
}

/** 送达登记 in bulk: the given notices (or every unserved one) of the package, in the caller's scope. */
export async function serveNotices(
  access: UserAccess,
  packageId: number,
  input: { noticeIds?: number[]; servedOn: string; serviceWay: string; proofRef: string }
) {
  const pkg = await packageRow(access, packageId)
  if (!['delivering', 'delivered'].includes(pkg.status))
    throw new BatchError(409, '资产包尚未交割，没有债权转让通知')
  if (input.servedOn > (await businessDate.current()))
    throw new BatchError(422, '送达日期不能晚于当前营业日')
  const q = applyDataScope(
    db.from(NOTICES).where('package_id', packageId).whereNull('served_on'),
    access,
    { orgColumn: 'org_id' }
  )
  if (input.noticeIds?.length) q.whereIn('id', input.noticeIds)
  const n = await q.update({
    served_on: input.servedOn,
    service_way: input.serviceWay,
    proof_ref: input.proofRef,
    served_by: access.user.id,
  })
  return Number(Array.isArray(n) ? n[0] : n)
}
