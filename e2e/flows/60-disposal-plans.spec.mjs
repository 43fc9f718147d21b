/*
| 处置预案 in the browser: 张朝阳客户经理 (bj_cy_am) applies for a plan for one
| of his customers — the form fills itself from the bank's systems (the demo
| simulator) — and submits it; 李北京资产 (bj_asset) approves it from 我的审批 ›
| 待办, and, the principal being above the 1 000 000.00 授权 tier, 王总行风险
| (hq_risk) approves it too; the applicant finds it approved and downloads its
| 审批表 as PDF. Serial: each step works on the plan the first one submitted.
*/
import { readFileSync } from 'node:fs'
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  SCREENS,
  SIMULATOR,
  api,
  apiLogin,
  approveInDrawer,
  fillTestId,
  login,
  send,
  settled,
  shot,
} from '../support/helpers.mjs'

const TIER_FEN = 100_000_000n

const fen = (yuan) => {
  const [whole, frac = ''] = String(yuan).split('.')
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2))
}

/** A customer of the applicant whose free loans add up to more than the 总行 tier. */
async function bigCustomer(token) {
  const { data } = await api(token, '/api/disposal/plan-customers')
  let best = null
  for (const customer of data) {
    const { loans } = await api(token, `/api/disposal/plan-customers/${customer.id}/loans`)
    const free = loans.filter((l) => !l.pendingPlanNo && !l.heldBy)
    const total = free.reduce((sum, l) => sum + fen(l.balance), 0n)
    if (free.length && (!best || total > best.total)) best = { customer, total }
    if (total >= TIER_FEN) break
  }
  expect(best, 'bj_cy_am has a customer with active loans').toBeTruthy()
  return best
}

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 1000 } })

let applicantToken
let planId
let instanceId
let twoTiers = false

test.beforeAll(async () => {
  applicantToken = await apiLogin('bj_cy_am')
})

test('处置预案申请: the form fills from the bank systems; the plan is submitted', async ({
  page,
}) => {
  const { customer, total } = await bigCustomer(applicantToken)
  twoTiers = total >= TIER_FEN
  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('处置管理', { exact: true }).click()
  await menu.locator('[data-menu="disposal:plan-apply"]').click()
  await page.waitForURL(/\/p\/disposal\/PlanApply/)

  await page.getByTestId('plan-customer').click()
  await page.getByTestId('plan-customer').locator('input').fill(customer.customerNo)
  await page.getByTestId(`plan-customer-${customer.id}`).click()
  await expect(page.getByTestId('plan-totals')).toBeVisible()
  await expect(page.locator('[data-testid="section-principal"][data-status="ok"]')).toBeVisible()
  await expect(page.getByTestId('section-related')).toBeVisible()

  await page.getByTestId('plan-method').click()
  await page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: '诉讼' })
    .first()
    .click()
  await fillTestId(page, 'plan-recovery', '650000.00')
  await fillTestId(
    page,
    'plan-reasons',
    '借款人经营停滞，逾期已超过 90 天；保证人名下有房产可供执行，拟提起诉讼并申请财产保全。'
  )
  await shot(page, 'disposal-plan-apply')

  await page.getByTestId('plan-submit').click()
  await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/\/p\/disposal\/PlanQuery\?id=\d+/, { timeout: 20000 })
  planId = Number(new URL(page.url()).searchParams.get('id'))
  await expect(page.getByTestId('plan-detail')).toBeVisible()
  await settled(page)
  await shot(page, 'disposal-plan-submitted')

  const plan = await api(applicantToken, `/api/disposal/plans/${planId}`)
  expect(plan.status).toBe('pending')
  instanceId = plan.workflowInstanceId
})

test('处置预案申请 with 智能预警 down: its sections say so, the form still works', async ({
  page,
}) => {
  const setFaults = async (body) =>
    expect((await send(null, 'POST', `${SIMULATOR}/__sim/faults`, body)).ok).toBe(true)
  const { customer } = await bigCustomer(applicantToken)
  await setFaults({ system: 'warning', errorRate: 1 })
  try {
    await login(page, 'bj_cy_am')
    await page.goto(`${BASE}/p/disposal/PlanApply?customerId=${customer.id}`)
    await expect(
      page.locator('[data-testid="section-litigation"][data-status="unavailable"]')
    ).toBeVisible()
    await expect(page.locator('[data-testid="section-principal"][data-status="ok"]')).toBeVisible()
    await page.getByTestId('section-litigation').scrollIntoViewIfNeeded()
    await shot(page, 'disposal-plan-warning-down', false)
  } finally {
    await setFaults({ system: '*', errorRate: 0, timeoutRate: 0 })
  }
})

test('审批: the branch approves from 待办, the head office completes the tier', async ({
  page,
  signIn,
}) => {
  expect(instanceId, 'a plan was submitted').toBeTruthy()
  await login(page, 'bj_asset')
  // The workbench: 待办 and the 处置预案分布 widget (the plan, in approval).
  const widget = page.getByTestId('widget-disposal:plans-by-status')
  await expect(widget.getByText('处置预案分布', { exact: true })).toBeVisible()
  await widget.scrollIntoViewIfNeeded()
  await expect(widget.locator('canvas').first()).toBeVisible()
  await shot(page, 'disposal-home', false)
  // 我的审批 lists it too …
  await page.getByTestId('side-menu').getByText('我的审批').click()
  await page.waitForURL(/\/workflow\/tasks/)
  await expect(page.getByTestId(`workflow-open-${instanceId}`)).toBeVisible()
  await settled(page)
  await shot(page, 'disposal-plan-todo')
  // … but the approver decides from the workbench's 待办 panel (首页视图 acceptance).
  await page.getByTestId('side-menu').getByText('工作台').click()
  const todo = page.getByTestId(`feed-todo-${instanceId}`)
  await expect(todo).toBeVisible()
  await shot(page, 'disposal-home-todo', false)
  await todo.click()
  await expect(page.getByTestId('workflow-instance-title')).toBeVisible()
  await approveInDrawer(page, '同意，诉讼前请完成财产线索核实')
  await page.close()

  if (twoTiers) {
    const head = await signIn('hq_risk')
    await head.goto(`${BASE}/workflow/instances/${instanceId}`)
    await expect(head.getByTestId('workflow-action-approve')).toBeVisible()
    await approveInDrawer(head, '总行同意')
  }
  const plan = await api(applicantToken, `/api/disposal/plans/${planId}`)
  expect(plan.status, 'the plan after approval').toBe('approved')
})

test('处置预案查询: the applicant finds it approved and downloads the PDF', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/disposal/PlanQuery`)
  await expect(page.getByTestId(`plan-open-${planId}`)).toBeVisible()
  await shot(page, 'disposal-plan-list')
  await page.getByTestId(`plan-open-${planId}`).click()
  await expect(page.locator('[data-testid="plan-status"][data-status="approved"]')).toBeVisible()
  await shot(page, 'disposal-plan-approved')
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByTestId('plan-pdf').click(),
  ])
  const file = `${SCREENS}/disposal-plan.pdf`
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 5).toString('latin1'), 'the download is a PDF').toBe(
    '%PDF-'
  )
})
