/*
| Extension fields in the browser (issue 11 §4): the kernel's test plugin
| tests/plugins/fixture-bank — loaded by the e2e server only (PLUGINS_EXTRA_DIRS,
| e2e/support/env.mjs), never shipped as a plugin — adds 行内评级 and 行内授信额度
| to credit-assets' loans from its own table fx_loan_extras. Without a line of
| credit-assets changed, a loan's values show in the loan drawer's 扩展信息 tab,
| as a field of 综合查询 (picked, filtered on, shown) and as a 风险资产台账 column.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, settled, shot, withSqlite } from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })

/** Picks an option of the Element Plus select `target` (a locator). */
async function choose(page, target, text) {
  await target.click()
  await page
    .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text })
    .first()
    .click()
}

let loan // { loanId, loanNo } of a demo risk asset given the fields

test('the test plugin is loaded and its fields come back in the loan detail', async () => {
  const token = await apiLogin('admin')
  const { data } = await api(token, '/api/credit-assets/risk-assets?perPage=1')
  expect(data[0], 'the demo book has a risk asset').toBeTruthy()
  loan = { loanId: data[0].loanId, loanNo: data[0].loanNo }
  // The plugin's own table, filled the way its own screens or an import would.
  withSqlite((sqlite) =>
    sqlite
      .prepare('INSERT INTO fx_loan_extras (id, bank_rating, line_fen) VALUES (?, ?, ?)')
      .run(loan.loanId, 'AA-', 123456789)
  )
  const detail = await api(token, `/api/credit-assets/loans/${loan.loanId}`)
  expect(detail.extensions.map((e) => [e.plugin, e.key, e.value])).toEqual([
    ['fixture-bank', 'bankRating', 'AA-'],
    ['fixture-bank', 'bankLine', '1234567.89'],
  ])
})

test('借据详情 shows them in its 扩展信息 tab', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/credit-assets/RiskAssets?loanId=${loan.loanId}`)
  const drawer = page.locator('.el-drawer:visible')
  await expect(drawer).toContainText(loan.loanNo)
  await drawer.getByRole('tab', { name: '扩展信息' }).click()
  const fields = drawer.getByTestId('extension-fields')
  await expect(fields).toContainText('行内评级')
  await expect(fields.locator('[data-field="bankRating"]')).toHaveText('AA-')
  await expect(fields.locator('[data-field="bankLine"]')).toHaveText('1,234,567.89')
  await shot(page, 'extension-fields-loan-drawer', false)
})

test('综合查询 offers them: picked, filtered on, shown', async ({ page }) => {
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('统计查询').click()
  await menu.getByText('综合查询').click()
  const picker = page.getByTestId('field-picker')
  await expect(picker).toContainText('扩展字段')
  await picker.getByTestId('field-bankRating').click()
  await picker.getByTestId('field-bankLine').click()

  await page.getByTestId('add-condition').first().click()
  const row = page.getByTestId('condition-row').first()
  await choose(page, row.getByTestId('condition-field'), '行内评级')
  await row.getByTestId('condition-value').locator('input').fill('AA-')
  await page.getByTestId('query-run').click()
  const result = page.getByTestId('query-result')
  await expect(page.getByTestId('result-count')).toHaveText(/共 1 条/)
  await expect(result.locator('.el-table__header')).toContainText('行内授信额度')
  await expect(result.locator('tbody tr').first()).toContainText('AA-')
  await expect(result.locator('tbody tr').first()).toContainText('1,234,567.89')
  await result
    .locator('.el-scrollbar__wrap')
    .first()
    .evaluate((el) => (el.scrollLeft = el.scrollWidth))
  await shot(page, 'extension-fields-query')
})

test('风险资产台账 has them as columns', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/ledgers/risk-assets?keyword=${encodeURIComponent(loan.loanNo)}`)
  const table = page.getByTestId('ledger-table')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await settled(page)
  await expect(table.locator('.el-table__header')).toContainText('行内评级')
  await expect(table.locator('.el-table__header')).toContainText('行内授信额度')
  await expect(table.locator('tbody tr').first()).toContainText('AA-')
  await expect(table.locator('tbody tr').first()).toContainText('1,234,567.89')
  // The columns sit at the right end of a wide ledger: scroll there for the picture.
  await table
    .locator('.el-scrollbar__wrap')
    .first()
    .evaluate((el) => (el.scrollLeft = el.scrollWidth))
  await shot(page, 'extension-fields-ledger', false)
})
