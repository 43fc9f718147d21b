/*
| Shared arrangements of the 律师选聘 tests: a panel firm and lawyer, an approved
| 诉前方案 of the troubled 朝阳 customer with its applicant, an engagement body.
*/
import { tokenFor, userWith } from '#tests/helpers/auth'
import { LIT_API, litPlanBody, troubledCustomer } from './plan_helpers.js'

export const FIRM = {
  name: '北京市正衡律师事务所',
  licenceNo: '311100004000000015',
  address: '北京市朝阳区建国路 1 号',
  contact: '周主任',
  phone: '010-65000000',
  specialities: ['financial_lending', 'enforcement'],
  panelStatus: 'panel',
  rating: 5,
  conflicts: '',
}
export const LAWYER = {
  name: '林清',
  licenceNo: '11101201010123456',
  phone: '13800000000',
  specialities: ['financial_lending'],
  panelStatus: 'panel',
  rating: 4,
}

export async function manager() {
  return userWith({
    permissions: ['litigation:lawyer:list', 'litigation:lawyer:manage'],
    dataScope: 'all',
    orgCode: '000000',
  })
}

export async function registry(client: any) {
  const admin = await manager()
  const firm = await client.post(`${LIT_API}/law-firms`).bearerToken(admin.token).json(FIRM)
  firm.assertStatus(201)
  const lawyer = await client
    .post(`${LIT_API}/lawyers`)
    .bearerToken(admin.token)
    .json({ ...LAWYER, firmId: firm.body().id })
  lawyer.assertStatus(201)
  return { admin, firm: firm.body(), lawyer: lawyer.body() }
}

/** An approved 诉前方案 of the troubled 朝阳 customer, and its applicant (who may also engage and pay). */
export async function approvedPlan(client: any) {
  const { customer, loanIds } = await troubledCustomer(50_000_000n)
  const applicant = await userWith({
    permissions: [
      'litigation:plan:create',
      'litigation:plan:list',
      'litigation:lawyer:list',
      'litigation:engagement:list',
      'litigation:engagement:create',
      'litigation:engagement:pay',
      'credit-assets:loan:list',
    ],
    dataScope: 'org_and_below',
    orgCode: '110101',
  })
  const plan = (
    await client
      .post(`${LIT_API}/plans`)
      .bearerToken(applicant.token)
      .json(litPlanBody(customer.id, loanIds))
  ).body()
  const { instanceId } = (
    await client.post(`${LIT_API}/plans/${plan.id}/submit`).bearerToken(applicant.token)
  ).body()
  ;(
    await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '同意' })
  ).assertStatus(200)
  return { customer, plan, applicant }
}

export const engagementBody = (planId: number, firmId: number, lawyerId: number, extra = {}) => ({
  planId,
  firmId,
  lawyerId,
  feeType: 'mixed',
  fixedFee: '20000.00',
  riskRate: '0.05',
  feeCap: '60000.00',
  expectedRecovery: '500000.00',
  scope: '一审、二审及执行阶段代理',
  engagementReason: '该所金融借款案件经验丰富，在朝阳法院胜诉率高',
  ...extra,
})
