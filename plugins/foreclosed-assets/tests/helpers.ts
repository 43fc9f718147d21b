/*
| Test DSL for 抵债资产: a loan on the shared book's way (credit-assets' public
| fixture) at 朝阳支行 (110101), an asset received on it through the public
| service, the people (a distributor at the branch, the 朝阳 manager, a clerk
| of another branch), and the workflow approvals as the demo approvers give them.
*/
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { approveRecord } from '#tests/helpers/approvals'
import { bookLoan } from '../../credit-assets/fixtures/book_fixture.js'
import { receiveAsset } from '../services/foreclosed_assets_api.js'

export const API = '/api/foreclosed-assets'

export const ALL_CODES = [
  'foreclosed-assets:asset:list',
  'foreclosed-assets:asset:update',
  'foreclosed-assets:distribution:create',
  'foreclosed-assets:rule:update',
  'foreclosed-assets:check:list',
  'foreclosed-assets:check:create',
  'foreclosed-assets:lease:list',
  'foreclosed-assets:lease:create',
  'foreclosed-assets:entry:list',
  'foreclosed-assets:entry:create',
  'foreclosed-assets:disposal:list',
  'foreclosed-assets:disposal:create',
  'foreclosed-assets:ledger:list',
  'foreclosed-assets:ledger:export',
  'expenses:expense:list',
]

export const distributor = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '110000' })
export const chaoyangManager = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'self', orgCode: '110101' })
export const otherBranchClerk = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '310000' })

let n = 0

/** An asset received on a new 损失类 loan at 朝阳支行. */
export async function receivedAsset(
  options: {
    assetClass?: 'real_estate' | 'movable' | 'equity' | 'other_right'
    acquiredOn?: string
    bookFen?: string
    actorId?: number
  } = {}
) {
  const loan = await bookLoan({
    orgCode: '110101',
    fiveClass: 'loss',
    overdueDays: 400,
    riskAsset: true,
  })
  const actorId =
    options.actorId ?? Number((await db.from('users').where('username', 'admin').first()).id)
  n++
  const { id } = await receiveAsset({
    receiptRef: `test:${process.pid}:${n}:${loan.loanId}`,
    customerId: loan.customerId,
    orgId: loan.orgId,
    loanIds: [loan.loanId],
    assetClass: options.assetClass ?? 'real_estate',
    name: `测试抵债房产${n}`,
    location: '北京市朝阳区测试路1号',
    acquiredOn: options.acquiredOn ?? '2026-06-30',
    bookValueFen: options.bookFen ?? '86000000',
    appraisedValueFen: '90000000',
    actorId,
  })
  return { id, loan }
}

export async function instanceOf(type: string, businessId: number) {
  return db
    .from('wf_instances')
    .where('type_code', type)
    .where('business_id', String(businessId))
    .orderBy('id', 'desc')
    .firstOrFail()
}

/** Approves every open node of the instance as the demo approvers (bj_asset, then hq_risk). */
export const approveAll = (client: any, type: string, businessId: number) =>
  approveRecord(client, type, businessId)

/** A 1×1 PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
