/*
| 处置预案 in the browser: 张朝阳客户经理 (bj_cy_am) applies for a plan for one
| of his customers — the form fills itself from the bank's systems (the demo
| simulator) — and submits it; 李北京资产 (bj_asset) approves it from 我的审批 ›
| 待办, and, the principal being above the 1 000 000.00 授权 tier, 王总行风险
| (hq_risk) approves it too; the applicant finds it approved and downloads its
| 审批表 as PDF.
*/
import { readFileSync } from 'node:fs'
import { BASE, OUT, api, apiLogin, fillTestId, login } from '../harness.mjs'

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
    const free = loans.filter((l) => !l.pendingPlanNo)
    const total = free.reduce((sum, l) => sum + fen(l.balance), 0n)
    if (free.length && (!best || total > best.total)) best = { customer, total }
    if (total >= TIER_FEN) break
  }
  if (!best) throw new Error('bj_cy_am has no customer with active loans')
  return best
}

async function approveInDrawer(page, comment) {
  await page.getByTestId('workflow-action-approve').click()
  await fillTestId(page, 'workflow-comment', comment)
  await page.getByTestId('workflow-action-submit').click()
  await page.getByTestId('workflow-action-dialog').waitFor({ state: 'hidden', timeout: 10000 })
  await page.waitForTimeout(600)
}

export default async function ({ browser, step }) {
  let planId
  let instanceId
  let twoTiers = false
  const applicantToken = await apiLogin('bj_cy_am', 'Manager@12345')

  await step(
    '处置预案申请: the form fills from the bank systems; the plan is submitted',
    async () => {
      const { customer, total } = await bigCustomer(applicantToken)
      twoTiers = total >= TIER_FEN
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      await login(page, 'bj_cy_am', 'Manager@12345')
      const menu = page.getByTestId('side-menu')
      await menu.getByText('资产处置', { exact: true }).click()
      await menu.getByText('处置管理', { exact: true }).click()
      await menu.locator('[data-menu="disposal:plan-apply"]').click()
      await page.waitForURL(/\/p\/disposal\/PlanApply/)

      await page.getByTestId('plan-customer').click()
      await page.getByTestId('plan-customer').locator('input').fill(customer.customerNo)
      await page.getByTestId(`plan-customer-${customer.id}`).click()
      await page.getByTestId('plan-totals').waitFor({ timeout: 10000 })
      await page
        .locator('[data-testid="section-principal"][data-status="ok"]')
        .waitFor({ timeout: 15000 })
      await page.getByTestId('section-related').waitFor({ timeout: 15000 })

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
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/disposal-plan-apply.png`, fullPage: true })

      await page.getByTestId('plan-submit').click()
      await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
      await page.waitForURL(/\/p\/disposal\/PlanQuery\?id=\d+/, { timeout: 20000 })
      planId = Number(new URL(page.url()).searchParams.get('id'))
      await page.getByTestId('plan-detail').waitFor({ timeout: 10000 })
      await page.waitForTimeout(500)
      await page.screenshot({ path: `${OUT}/disposal-plan-submitted.png`, fullPage: true })
      await page.close()

      const plan = await api(applicantToken, `/api/disposal/plans/${planId}`)
      if (plan.status !== 'pending') throw new Error(`plan is ${plan.status}`)
      instanceId = plan.workflowInstanceId
    }
  )

  await step(
    '处置预案申请 with 智能预警 down: its sections say so, the form still works',
    async () => {
      const sim = `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4100}`
      const setFaults = (body) =>
        fetch(`${sim}/__sim/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      const { customer } = await bigCustomer(applicantToken)
      await setFaults({ system: 'warning', errorRate: 1 })
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
        await login(page, 'bj_cy_am', 'Manager@12345')
        await page.goto(`${BASE}/p/disposal/PlanApply?customerId=${customer.id}`)
        await page
          .locator('[data-testid="section-litigation"][data-status="unavailable"]')
          .waitFor({ timeout: 15000 })
        await page
          .locator('[data-testid="section-principal"][data-status="ok"]')
          .waitFor({ timeout: 15000 })
        await page.getByTestId('section-litigation').scrollIntoViewIfNeeded()
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${OUT}/disposal-plan-warning-down.png` })
        await page.close()
      } finally {
        await setFaults({ system: '*', errorRate: 0, timeoutRate: 0 })
      }
    }
  )

  await step(
    '审批: the branch approves from 待办, the head office completes the tier',
    async () => {
      if (!instanceId) throw new Error('no plan was submitted')
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'bj_asset', 'Asset@12345')
      // The workbench: 待办 and the 处置预案分布 widget (the plan, in approval).
      const widget = page.getByText('处置预案分布', { exact: true }).first()
      await widget.waitFor({ timeout: 15000 })
      await widget.scrollIntoViewIfNeeded()
      await page.waitForTimeout(1500) // the chart animates in
      await page.screenshot({ path: `${OUT}/disposal-home.png` })
      // 我的审批 lists it too …
      await page.getByTestId('side-menu').getByText('我的审批').click()
      await page.waitForURL(/\/workflow\/tasks/)
      await page.getByTestId(`workflow-open-${instanceId}`).waitFor({ timeout: 10000 })
      await page.waitForTimeout(500)
      await page.screenshot({ path: `${OUT}/disposal-plan-todo.png`, fullPage: true })
      // … but the approver decides from the workbench's 待办 panel (首页视图 acceptance).
      await page.getByTestId('side-menu').getByText('工作台').click()
      const todo = page.getByTestId(`feed-todo-${instanceId}`)
      await todo.waitFor({ timeout: 15000 })
      await page.screenshot({ path: `${OUT}/disposal-home-todo.png` })
      await todo.click()
      await page.getByTestId('workflow-instance-title').waitFor({ timeout: 10000 })
      await page.waitForTimeout(600)
      await approveInDrawer(page, '同意，诉讼前请完成财产线索核实')
      await page.close()

      if (twoTiers) {
        const head = await browser.newPage({ viewport: { width: 1440, height: 900 } })
        await login(head, 'hq_risk', 'Risk@12345')
        await head.goto(`${BASE}/workflow/instances/${instanceId}`)
        await head.getByTestId('workflow-action-approve').waitFor({ timeout: 10000 })
        await approveInDrawer(head, '总行同意')
        await head.close()
      }
      const plan = await api(applicantToken, `/api/disposal/plans/${planId}`)
      if (plan.status !== 'approved') throw new Error(`plan is ${plan.status} after approval`)
    }
  )

  await step('处置预案查询: the applicant finds it approved and downloads the PDF', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    })
    await login(page, 'bj_cy_am', 'Manager@12345')
    await page.goto(`${BASE}/p/disposal/PlanQuery`)
    await page.getByTestId(`plan-open-${planId}`).waitFor({ timeout: 10000 })
    await page.screenshot({ path: `${OUT}/disposal-plan-list.png`, fullPage: true })
    await page.getByTestId(`plan-open-${planId}`).click()
    await page
      .locator('[data-testid="plan-status"][data-status="approved"]')
      .waitFor({ timeout: 10000 })
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${OUT}/disposal-plan-approved.png`, fullPage: true })
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      page.getByTestId('plan-pdf').click(),
    ])
    const file = `${OUT}/disposal-plan.pdf`
    await download.saveAs(file)
    const head = readFileSync(file).subarray(0, 5).toString('latin1')
    if (head !== '%PDF-') throw new Error(`the download is not a PDF (${head})`)
    await page.close()
  })
}
