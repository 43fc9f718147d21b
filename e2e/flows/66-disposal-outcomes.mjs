/*
| 资产处置台账 in the browser: 李北京资产 (bj_asset) opens the ledger of
| disposal outcomes from 资产处置 › 处置管理, sees the demo's 清收 outcomes
| (recorded by the recovery flow from repayments after handover) with their
| 合计, and follows one outcome's 处置预案 link to the plan, which is 已实施.
*/
import { BASE, OUT, api, apiLogin, login } from '../harness.mjs'

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
    const keyword = page.getByTestId('ledger-filter-keyword').locator('input')
    await keyword.fill(planNo)
    await keyword.press('Enter')
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

  await step('a 清收 outcome links to its source: 现金清收台账 of that loan', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await login(page, 'bj_asset', 'Asset@12345')
    await page.goto(`${BASE}/ledgers/disposal-outcomes`)
    const source = page.getByTestId('ledger-link-sourceRef').first()
    await source.waitFor({ timeout: 15000 })
    const loanNos = await page.getByTestId('ledger-table').locator('tbody tr').first().innerText()
    await source.click()
    await page.waitForURL(/\/ledgers\/risk-recoveries\?keyword=/, { timeout: 15000 })
    const loanNo = decodeURIComponent(new URL(page.url()).searchParams.get('keyword'))
    if (!loanNos.includes(loanNo))
      throw new Error(`source link names ${loanNo}, not the row's loan`)
    const value = await page.getByTestId('ledger-filter-keyword').locator('input').inputValue()
    if (value !== loanNo) throw new Error(`现金清收台账 is not filtered to ${loanNo} (${value})`)
    await page.getByTestId('ledger-table').locator('tbody tr').first().waitFor({ timeout: 15000 })
    const rows = await page.getByTestId('ledger-table').locator('tbody tr').allInnerTexts()
    if (!rows.length || rows.some((r) => !r.includes(loanNo)))
      throw new Error('现金清收台账 shows rows of other loans')
    await page.screenshot({ path: `${OUT}/disposal-outcome-source.png`, fullPage: true })
    await page.close()
  })
}
