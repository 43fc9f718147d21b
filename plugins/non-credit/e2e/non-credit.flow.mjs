/*
| 非信贷资产管理 in the browser (run by e2e/flows/88-plugin-flows.spec.mjs): the
| head office lists the assets 数据中台 fed in the demo, finds an interbank
| asset, opens it (figures, history), and opens the 非信贷风险资产台账 with its
| 合计 row; the ledger's 合计 equals the API's sum of the listed rows.
*/
import { test, expect } from '../../../e2e/support/test.mjs'
import { api, apiLogin, login, settled, shot } from '../../../e2e/support/helpers.mjs'

test('非信贷资产: list, open an asset, the ledger with 合计', async ({ page }) => {
  const token = await apiLogin('hq_risk')
  const listed = await api(token, '/api/non-credit/assets?assetType=interbank&perPage=50')
  expect(listed.meta.total, 'the demo fed interbank assets').toBeGreaterThan(0)
  const target = listed.data[0]

  await login(page, 'hq_risk')
  await page.goto('/p/non-credit/NonCreditAssets')
  const table = page.getByTestId('non-credit-table')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  await page.getByTestId('non-credit-keyword').fill(target.assetNo)
  await page.getByTestId('non-credit-search').click()
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr').first()).toContainText(target.counterparty)
  await settled(page)
  await shot(page, 'non-credit-list')

  await page.getByTestId('non-credit-open').first().click()
  const detail = page.getByTestId('non-credit-detail')
  await expect(detail).toBeVisible()
  await expect(detail).toContainText(target.sourceId)
  await expect(detail).toContainText('同业')
  await settled(page)
  await shot(page, 'non-credit-detail')
  await page.keyboard.press('Escape')

  await page.getByTestId('non-credit-ledger-link').click()
  await expect(page).toHaveURL(/\/ledgers\/non-credit/)
  const ledger = page.getByTestId('ledger-table')
  await expect(ledger.locator('tbody tr').first()).toBeVisible()
  const totals = await api(token, '/api/ledgers/non-credit/totals')
  expect(totals.total).toBeGreaterThan(0)
  // 合计 row: the book value total as the page formats it (thousands separators, 2 decimals).
  const [whole, cents] = totals.totals.bookValue.split('.')
  const shown = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
  await expect(ledger.locator('.el-table__footer')).toContainText(shown)
  await settled(page)
  await shot(page, 'non-credit-ledger')
})
