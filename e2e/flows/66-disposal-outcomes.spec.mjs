/*
| 资产处置台账 in the browser: 李北京资产 (bj_asset) opens the ledger of
| disposal outcomes from 资产处置 › 处置管理, sees the demo's outcomes, and
| follows one outcome's 处置预案 link to the plan, which is 已实施; a 清收
| outcome (recorded by the recovery flow from repayments after handover) links
| to its source, the loan, whose 风险资产时间轴 shows the outcome.
*/
import { test, expect } from '../support/test.mjs'
import { api, apiLogin, fillTestId, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })

let token

test.beforeAll(async () => {
  token = await apiLogin('bj_asset')
})

/** Types into the ledger's keyword filter and submits it, as a clerk would. */
async function filterByKeyword(page, keyword) {
  await fillTestId(page, 'ledger-filter-keyword', keyword)
  await page.getByTestId('ledger-filter-keyword').first().press('Enter')
}

test('资产处置台账 lists outcomes; one links to its plan, which is 已实施', async ({ page }) => {
  const rows = await api(token, '/api/ledgers/disposal-outcomes/rows?perPage=200')
  expect(rows.meta.total, '资产处置台账 has rows on the demo').toBeGreaterThan(0)
  const linked = rows.data.find((r) => r.planNo__link)
  expect(linked, 'a demo outcome is linked to a plan').toBeTruthy()
  const planNo = linked.planNo

  await login(page, 'bj_asset')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('处置管理', { exact: true }).click()
  await menu.getByText('资产处置台账', { exact: true }).click()
  await page.waitForURL(/\/ledgers\/disposal-outcomes/)
  await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toBeVisible()

  await filterByKeyword(page, planNo)
  const link = page.getByTestId('ledger-link-planNo').filter({ hasText: planNo }).first()
  await expect(link).toBeVisible()
  await settled(page)
  await shot(page, 'disposal-outcomes-ledger')

  await link.click()
  await page.waitForURL(/\/p\/disposal\/PlanQuery\?id=\d+/)
  await expect(page.getByTestId('plan-detail')).toBeVisible()
  await expect(
    page.locator('[data-testid="plan-status"][data-status="implemented"]'),
    'the plan of an outcome is 已实施'
  ).toBeVisible()
  await expect(page.getByText(planNo).first(), `the plan page shows ${planNo}`).toBeVisible()
  await settled(page)
  await shot(page, 'disposal-outcome-plan')
})

test('a 清收 outcome links to its source: the loan, whose timeline shows it', async ({ page }) => {
  const { data } = await api(
    token,
    '/api/ledgers/disposal-outcomes/rows?perPage=20&method=collection'
  )
  const chosen = data.find((row) => row.sourceRef__link)
  expect(chosen, 'a 清收 outcome with a source link').toBeTruthy()
  const loanNo = chosen.loanNos

  await login(page, 'bj_asset')
  await page.goto('/ledgers/disposal-outcomes')
  await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toBeVisible()
  await filterByKeyword(page, loanNo)
  const source = page
    .getByTestId('ledger-link-sourceRef')
    .filter({ hasText: chosen.sourceRef })
    .first()
  await expect(source).toBeVisible()
  await source.click()
  await page.waitForURL(/\/p\/credit-assets\/RiskAssets\?id=\d+/)
  const drawer = page.locator('.el-drawer')
  await expect(drawer.getByText(loanNo).first(), 'the drawer is the loan').toBeVisible()
  // The outcome is on the loan's 风险资产时间轴 (event 处置结果).
  const event = drawer.getByText('处置结果').first()
  await expect(event, 'the loan timeline shows the 处置结果').toBeVisible()
  await event.scrollIntoViewIfNeeded()
  await settled(page)
  await shot(page, 'disposal-outcome-source', false)
})
