/*
| 台账: hq_risk opens 风险资产台账 from 台账管理, sees rows and the 合计 row, opens
| the print preview (header with org, user, time), and exports to Excel: the
| dialog shows the job's progress and then a download link that saves a file.
*/
import { test, expect } from '../support/test.mjs'
import { login, shot } from '../support/helpers.mjs'

test('风险资产台账: opens, print view renders, export shows progress and downloads', async ({
  page,
}) => {
  await login(page, 'hq_risk')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('台账管理').click()
  await menu.getByText('风险资产台账', { exact: true }).click()
  const table = page.getByTestId('ledger-table')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  // The 合计 row arrives beside the page: wait for its amounts.
  const footer = table.locator('.el-table__footer')
  await expect(footer.getByText(/\d,\d{3}\.\d{2}/).first()).toBeVisible()
  await expect(footer).toContainText('合计')
  await shot(page, 'ledger-risk-assets')

  await page.getByTestId('ledger-print').click()
  const sheet = page.getByTestId('ledger-print-sheet')
  await expect(sheet).toBeVisible()
  for (const word of ['机构', '打印人', '打印时间'])
    await expect(sheet.locator('.meta'), `print header has ${word}`).toContainText(word)
  await shot(page, 'ledger-print', false)
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.getByTestId('ledger-export').click()
  await expect(page.getByTestId('job-progress')).toBeVisible()
  const link = page.getByTestId('ledger-download')
  await expect(link).toBeVisible({ timeout: 60000 })
  await shot(page, 'ledger-export', false)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toMatch(/^风险资产台账_\d{8}_\d{6}\.xlsx$/)
})
