/*
| Test DSL for 批量处置: loans on the shared book's way (credit-assets' public
| fixture) tagged with a region of their own (so a pool filter picks exactly
| them), a head-office project owner, and the workflow approvals as the demo
| bank's 总行风险管理部 (hq_risk) gives them.
*/
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { approveRecord } from '#tests/helpers/approvals'
import { addGuarantor, bookLoan } from '../../credit-assets/fixtures/book_fixture.js'

export const API = '/api/batch-disposal'

export const ALL_CODES = [
  'batch-disposal:project:list',
  'batch-disposal:project:create',
  'batch-disposal:rule:configure',
  'batch-disposal:pool:update',
  'batch-disposal:dd:update',
  'batch-disposal:package:create',
  'batch-disposal:implementation:update',
  'batch-disposal:fee:create',
  'batch-disposal:posting:list',
  'batch-disposal:posting:update',
  'batch-disposal:ledger:list',
  'expenses:expense:list',
]

export const headOffice = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '000000' })

let regionSeq = 0
/** A fresh region tag: the filter { regions: [tag] } picks only the loans booked with it. */
export const newRegion = () => `R${process.pid}-${++regionSeq}`.slice(0, 60)

/** A 可疑 managed risk asset; its customer carries `region`. */
export async function poolLoan(
  region: string,
  opts: { orgCode?: string; balanceFen?: string; guarantor?: string; interestFen?: string } = {}
) {
  const loan = await bookLoan({
    orgCode: opts.orgCode ?? '110101',
    fiveClass: 'doubtful',
    overdueDays: 200,
    riskAsset: true,
    balanceFen: opts.balanceFen ?? '10000000',
    amountFen: opts.balanceFen ?? '10000000',
    interestFen: opts.interestFen ?? '50000',
  })
  await db.from('ca_customers').where('id', loan.customerId).update({ region })
  if (opts.guarantor) await addGuarantor(loan.loanId, opts.guarantor)
  return loan
}

export async function poolLoans(
  region: string,
  n: number,
  opts: Parameters<typeof poolLoan>[1] = {}
) {
  const loans = []
  for (let i = 0; i < n; i++) loans.push(await poolLoan(region, opts))
  return loans
}

/** Batch disposal goes to the head office alone (hq_risk). */
export const approveInstance = (client: any, type: string, businessId: number) =>
  approveRecord(client, type, businessId, ['hq_risk'])

export const projectBody = (extra: Record<string, unknown> = {}) => ({
  name: '2026 年第四季度不良资产批量转让',
  mode: 'batch_transfer',
  targetSize: '50000000.00',
  plannedStart: '2026-10-01',
  plannedEnd: '2027-03-31',
  team: '总行资产保全部：张三（组长）、李四；法律合规部：王五',
  reasons: '压降不良贷款，集中处置长期未能清收的对公不良资产。',
  ...extra,
})

export async function approvedProject(client: any, token: string, extra = {}) {
  const created = await client.post(`${API}/projects`).bearerToken(token).json(projectBody(extra))
  if (created.status() !== 201) throw new Error(`create ${created.status()}: ${created.text()}`)
  const id = created.body().id as number
  const submitted = await client.post(`${API}/projects/${id}/submit`).bearerToken(token)
  if (submitted.status() !== 200)
    throw new Error(`submit ${submitted.status()}: ${submitted.text()}`)
  await approveInstance(client, 'batch-disposal:project', id)
  return id
}

export const ddBody = (recoverable = '50000.00', extra: Record<string, unknown> = {}) => ({
  collateralStatus: '无抵押物',
  debtorStatus: '停业，无可执行财产',
  litigation: '已起诉，终结本次执行',
  recoverableValue: recoverable,
  valuationMethod: 'hypothetical',
  investigatedOn: '2026-11-20',
  ...extra,
})

export const packageBody = (extra: Record<string, unknown> = {}) => ({
  name: '第一包',
  allUnpacked: true,
  valuation: '300000.00',
  reservePrice: '250000.00',
  method: 'bidding',
  allocation: 'principal',
  ...extra,
})

/** Every pool item of the project (as the head office sees them). */
export async function itemsOf(client: any, token: string, projectId: number) {
  const res = await client
    .get(`${API}/projects/${projectId}/items`)
    .bearerToken(token)
    .qs({ perPage: 200 })
  return res.body().data as any[]
}
