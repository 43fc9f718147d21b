/*
| 诉前方案申报 in the browser: 张朝阳客户经理 (bj_cy_am) picks one of his troubled
| customers and its loans with the record pickers; 标的本金/利息 arrive from 核心系统
| (the demo simulator) at the application date and the 智能催收 records appear with
| their source and time; he fills the case fields and submits. 李北京资产 (bj_asset)
| approves (and 王总行风险 hq_risk when the claim reaches the 授权 tier); the applicant
| finds it approved. Then 诉讼费试算, 律所律师库, 律师选聘申请 and 诉中方案申报 are
| looked at. Serial: each step works on the plan the first one submitted.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
  fillTestId,
  login,
  send,
  settled,
  shot,
} from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 1000 } })

let applicantToken
let planId
let instanceId

/** A customer of the applicant for whom 智能催收 has records, with its active loans. */
async function troubledCustomer(token) {
  const customers = await api(token, '/api/credit-assets/pickers/customers?perPage=50')
  for (const customer of customers.data) {
    const loans = await api(
      token,
      `/api/credit-assets/pickers/loans?customerId=${customer.value}&perPage=50`
    )
    if (!loans.data.length) continue
    const ids = loans.data.map((l) => l.value).join(',')
    const response = await send(
      token,
      'GET',
      `/api/litigation/plan-facts?customerId=${customer.value}&loanIds=${ids}`
    )
    if (!response.ok) continue // a settled loan among them: try the next customer
    const facts = await response.json()
    if (facts.collections.status === 'ok' && facts.collections.data.length)
      return { customer, loans: loans.data, facts }
  }
  throw new Error('bj_cy_am has no customer with 催收 records')
}

/** Picks an option of an open Element Plus select by its text. */
async function pickOption(page, text) {
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

test.beforeAll(async () => {
  applicantToken = await apiLogin('bj_cy_am')
})

test('诉前方案申报: pickers, 核心系统 figures, 催收 records with source and time; submitted', async ({
  page,
}) => {
  const { customer, loans, facts } = await troubledCustomer(applicantToken)
  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('诉讼管理', { exact: true }).click()
  await menu.locator('[data-menu="litigation:plan-apply"]').click()
  await page.waitForURL(/\/p\/litigation\/plans\/PlanApply/)

  // The customer through the record picker.
  await page.getByTestId('lit-plan-customer').click()
  await page.getByTestId('lit-plan-customer').locator('input').fill(customer.hint)
  await pickOption(page, customer.label)
  // Its loans, all of them.
  await page.getByTestId('lit-plan-loans').click()
  for (const loan of loans) await pickOption(page, loan.label)
  await page.keyboard.press('Escape')

  const figures = page.getByTestId('lit-plan-figures')
  await expect(figures).toBeVisible()
  await expect(figures.getByText('核心系统').first()).toBeVisible()
  await expect(page.getByTestId('lit-plan-total')).toHaveText(
    new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(Number(facts.total))
  )
  const collections = page.getByTestId('plan-collections')
  await expect(collections.getByText('智能催收')).toBeVisible()
  await expect(collections.getByText('获取时间')).toBeVisible()
  await expect(collections.locator('tbody tr')).toHaveCount(facts.collections.data.length)

  await page.getByTestId('lit-plan-case-type').click()
  await pickOption(page, '金融借款合同纠纷')
  await page.getByTestId('lit-plan-method').click()
  await pickOption(page, '实现担保物权特别程序')
  await page.getByTestId('lit-plan-segment').click()
  await pickOption(page, '公司金融')
  await fillTestId(page, 'lit-plan-cause', '金融借款合同纠纷')
  await fillTestId(
    page,
    'lit-plan-reason',
    '借款人逾期超过 90 天，电话及上门催收均未果；抵押物价值足以覆盖债权，拟申请实现担保物权。'
  )
  await settled(page)
  await shot(page, 'litigation-plan-apply')

  await page.getByTestId('lit-plan-submit').click()
  await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/\/p\/litigation\/plans\/PlanQuery\?id=\d+/, { timeout: 20000 })
  planId = Number(new URL(page.url()).searchParams.get('id'))
  await expect(page.getByTestId('lit-plan-detail')).toBeVisible()
  await settled(page)
  await shot(page, 'litigation-plan-submitted')

  const plan = await api(applicantToken, `/api/litigation/plans/${planId}`)
  expect(plan.status).toBe('pending')
  expect(plan.collections.data.length).toBe(facts.collections.data.length)
  expect(plan.claimTotal).toBe(facts.total)
  instanceId = plan.workflowInstanceId
})

test('审批: the branch approves (and the head office above the tier); the applicant sees it approved', async ({
  page,
  signIn,
}) => {
  expect(instanceId, 'a plan was submitted').toBeTruthy()
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/workflow/instances/${instanceId}`)
  await expect(page.getByTestId('workflow-action-approve')).toBeVisible()
  await shot(page, 'litigation-plan-approval')
  await approveInDrawer(page, '同意，请尽快立案')
  let plan = await api(applicantToken, `/api/litigation/plans/${planId}`)
  if (plan.status === 'pending') {
    const head = await signIn('hq_risk')
    await head.goto(`${BASE}/workflow/instances/${instanceId}`)
    await expect(head.getByTestId('workflow-action-approve')).toBeVisible()
    await approveInDrawer(head, '总行同意')
    plan = await api(applicantToken, `/api/litigation/plans/${planId}`)
  }
  expect(plan.status, 'the plan after approval').toBe('approved')

  const applicant = await signIn('bj_cy_am')
  await applicant.goto(`${BASE}/p/litigation/plans/PlanQuery`)
  await expect(applicant.getByTestId(`lit-plan-open-${planId}`)).toBeVisible()
  await settled(applicant)
  await shot(applicant, 'litigation-plan-list')
  await applicant.getByTestId(`lit-plan-open-${planId}`).click()
  await expect(applicant.getByTestId('lit-plan-status')).toHaveText('已批准')
  await settled(applicant)
  await shot(applicant, 'litigation-plan-approved')
})

test('诉讼费试算, 律所律师库, 律师选聘申请 and 诉中方案申报 pages', async ({ page }) => {
  await login(page, 'hq_risk')
  await page.goto(`${BASE}/p/litigation/fees/FeeTrial`)
  await fillTestId(page, 'fee-amount', '250000')
  await page.getByTestId('fee-summary').click()
  await page.getByTestId('fee-run').click()
  await expect(page.getByTestId('fee-value')).toHaveText('2,525.00')
  await expect(page.getByTestId('fee-schedule')).toContainText('第十三条')
  await shot(page, 'litigation-fee-trial')

  const token = await apiLogin('hq_risk')
  const firm = await send(token, 'POST', '/api/litigation/law-firms', {
    name: '北京市正衡律师事务所',
    licenceNo: '311100004000000015',
    address: '北京市朝阳区建国路 1 号',
    contact: '周主任',
    phone: '010-65000000',
    specialities: ['financial_lending', 'enforcement'],
    panelStatus: 'panel',
    rating: 5,
  })
  expect(firm.status).toBe(201)
  const firmId = (await firm.json()).id
  const lawyer = await send(token, 'POST', '/api/litigation/lawyers', {
    firmId,
    name: '林清',
    licenceNo: '11101201010123456',
    specialities: ['financial_lending'],
    panelStatus: 'panel',
    rating: 4,
  })
  expect(lawyer.status).toBe(201)
  await page.goto(`${BASE}/p/litigation/lawyers/Registry`)
  await expect(page.getByTestId('firms-table').getByText('北京市正衡律师事务所')).toBeVisible()
  await settled(page)
  await shot(page, 'litigation-lawyer-registry')

  // The applicant engages the lawyer for the approved plan.
  const engagement = await send(applicantToken, 'POST', '/api/litigation/engagements', {
    planId,
    firmId,
    lawyerId: (await lawyer.json()).id,
    feeType: 'mixed',
    fixedFee: '20000.00',
    riskRate: '0.05',
    feeCap: '60000.00',
    expectedRecovery: '500000.00',
    scope: '一审、二审及执行阶段代理',
    engagementReason: '该所金融借款案件经验丰富',
  })
  expect(engagement.status).toBe(201)
  const engagementId = (await engagement.json()).id
  const am = await page
    .context()
    .browser()
    .newPage({ viewport: { width: 1440, height: 1000 } })
  await login(am, 'bj_cy_am')
  await am.goto(`${BASE}/p/litigation/lawyers/Engagements`)
  await expect(am.getByTestId('engagements-table').locator('tbody tr').first()).toBeVisible()
  await settled(am)
  await shot(am, 'litigation-engagements')
  await am.goto(`${BASE}/p/litigation/lawyers/Engagements?id=${engagementId}`)
  await expect(am.getByTestId('engagement-submit')).toBeVisible()
  await settled(am)
  await shot(am, 'litigation-engagement-detail')
  await am.goto(`${BASE}/p/litigation/lawyers/Engagements`)
  await am.getByTestId('engagement-apply').click()
  await expect(am.getByTestId('engagement-plan')).toBeVisible()
  await shot(am, 'litigation-engagement-form', false)
  await am.keyboard.press('Escape')

  await am.goto(`${BASE}/p/litigation/proceedings/Proceedings`)
  await expect(am.getByTestId('proceedings-table')).toBeVisible()
  await am.getByTestId('proceeding-add').click()
  await expect(am.getByTestId('proceeding-kind')).toBeVisible()
  await shot(am, 'litigation-proceeding-form', false)
  await am.close()
})
