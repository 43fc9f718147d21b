/*
| 资产处置台账 in the browser: 李北京资产 (bj_asset) opens the ledger of
| disposal outcomes from 资产处置 › 处置管理, sees the demo's 清收 outcomes
| (recorded by the recovery flow from repayments after handover) with their
| 合计, and follows one outcome's 处置预案 link to the plan, which is 已实施.
*/
import { BASE, OUT, api, apiLogin, fillTestId, login } from '../harness.mjs'

export default async function ({ browser, step }) {
  const token = await apiLogin('bj_asset', 'Asset@12345')
  let planNo

  await step('资产处置台账 lists outcomes; one links to its plan', async () => {
    const withPlan = await api(token, '/api/ledgers/disposal-outcomes/rows?perPage=200')
    if (!withPlan.meta.total) throw new Error('资产处置台账 is empty on the demo')
    const linked = withPlan.data.find((r) => r.planNo__link)
    if (!linked) throw new Error('no demo outcome is linked to a plan')
    planNo = linked.planNo

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await login(page, 'bj_asset', 'Asset@12345')
    const menu = page.getByTestId('side-menu')
    await menu.getByText('资产处置', { exact: true }).click()
    await menu.getByText('处置管理', { exact: true }).click()
    await menu.getByText('资产处置台账', { exact: true }).click()
    await page.waitForURL(/\/ledgers\/disposal-outcomes/)
    await page.getByTestId('ledger-table').locator('tbody tr').first().waitFor({ timeout: 15000 })
    // Find the linked outcome by its plan number (keyword filter), as a clerk would.
    await fillTestId(page, 'ledger-filter-keyword', planNo)
    await page.getByTestId('ledger-filter-keyword').first().press('Enter')
    const link = page.getByTestId('ledger-link-planNo').filter({ hasText: planNo }).first()
    await link.waitFor({ timeout: 15000 })
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${OUT}/disposal-outcomes-ledger.png`, fullPage: true })

    await link.click()
    await page.waitForURL(/\/p\/disposal\/PlanQuery\?id=\d+/, { timeout: 15000 })
    await page.getByTestId('plan-detail').waitFor({ timeout: 15000 })
    await page
      .locator('[data-testid="plan-status"][data-status="implemented"]')
      .waitFor({ timeout: 15000 })
    if (!(await page.getByText(planNo).count()))
      throw new Error(`the plan page does not show ${planNo}`)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${OUT}/disposal-outcome-plan.png`, fullPage: true })
    await page.close()
  })

  await step('a 清收 outcome links to its source: the loan, whose timeline shows it', async () => {
    const { data } = await api(
      token,
      '/api/ledgers/disposal-outcomes/rows?perPage=20&method=collection'
    )
    const chosen = data.find((row) => row.sourceRef__link)
    if (!chosen) throw new Error('no 清收 outcome with a source link')
    const loanNo = chosen.loanNos

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await login(page, 'bj_asset', 'Asset@12345')
    await page.goto(`${BASE}/ledgers/disposal-outcomes`)
    await page.getByTestId('ledger-table').locator('tbody tr').first().waitFor({ timeout: 15000 })
    await fillTestId(page, 'ledger-filter-keyword', loanNo)
    await page.getByTestId('ledger-filter-keyword').first().press('Enter')
    const source = page.getByTestId('ledger-link-sourceRef').filter({ hasText: chosen.sourceRef })
    await source.waitFor({ timeout: 15000 })
    await source.click()
    await page.waitForURL(/\/p\/credit-assets\/RiskAssets\?loanId=\d+/, { timeout: 15000 })
    const drawer = page.locator('.el-drawer')
    await drawer.getByText(loanNo).first().waitFor({ timeout: 15000 })
    // The outcome is on the loan's 风险资产时间轴 (event 处置结果, method 清收).
    await drawer.getByText('处置结果').first().waitFor({ timeout: 15000 })
    await drawer.getByText('处置结果').first().scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${OUT}/disposal-outcome-source.png` })
    await page.close()
  })
}
