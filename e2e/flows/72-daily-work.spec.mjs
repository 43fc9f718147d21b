/*
| 日常管理 in the browser, as the administrator:
| - 交易流水确认: a recovery transaction core banking reports (the simulator,
|   told through its control endpoint) is fetched on demand with progress,
|   confirmed and tagged 以资抵债, and shows with that method in
|   风险资产处置回收台账;
| - 催收管理: a collection item is started for a risk customer's loan, goes to
|   智能催收 through the outbox, its 催收记录 comes back with its proof on
|   同步催收记录, and is registered as a 时效 interruption.
*/
import { test, expect } from '../support/test.mjs'
import {
  SIMULATOR,
  api,
  apiLogin,
  fillTestId,
  login,
  send,
  settled,
  shot,
} from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })
test.describe.configure({ mode: 'serial' })

let token
/** A risk loan of the demo: its loan no., customer and the day it entered risk-asset management. */
let risky

test.beforeAll(async () => {
  token = await apiLogin('admin')
  // A risk asset of the demo (handed over on the demo's business date): the recovery is booked that day.
  const { data } = await api(
    token,
    '/api/ledgers/risk-assets/rows?perPage=1&sort=enteredOn&order=desc'
  )
  expect(data.length, 'the demo has risk assets').toBeGreaterThan(0)
  risky = { loanNo: data[0].loanNo, customerName: data[0].customerName, date: data[0].enteredOn }
})

async function openDaily(page, menuCode) {
  const menu = page.getByTestId('side-menu')
  await menu.getByText('日常管理', { exact: true }).click()
  const item = menu.locator(`[data-menu="${menuCode}"]`)
  if (!(await item.isVisible())) await menu.getByText('催收管理', { exact: true }).click()
  await item.click()
}

test('交易流水确认: fetched with progress, confirmed as 以资抵债, in the recovery ledger', async ({
  page,
}) => {
  const txnNo = `E2E${Date.now()}`
  const injected = await send(null, 'POST', `${SIMULATOR}/__sim/core-banking/transactions`, {
    txnNo,
    loanNo: risky.loanNo,
    postedOn: risky.date,
    principalFen: '1234567',
    interestFen: '8900',
    penaltyFen: '0',
    memo: '抵债资产过户款',
  })
  expect(injected.ok, 'the simulator takes the transaction').toBe(true)

  await login(page, 'admin')
  await openDaily(page, 'recoveries:root')
  await page.waitForURL(/\/p\/recoveries\/Transactions/)
  await fillTestId(page, 'recovery-fetch-date', risky.date)
  await page.getByTestId('recovery-fetch-date').first().press('Enter')
  await page.getByTestId('recovery-fetch').click()
  await expect(page.getByTestId('job-progress').getByText('已完成')).toBeVisible({
    timeout: 30000,
  })
  await fillTestId(page, 'recovery-keyword', txnNo)
  await page.getByTestId('recovery-search').click()
  const row = page.getByTestId('recovery-table').locator('tbody tr').filter({ hasText: txnNo })
  await expect(row).toBeVisible()
  await expect(row).toContainText('12,434.67')
  await settled(page)
  await shot(page, 'daily-recoveries-pending')

  await row.getByTestId('recovery-confirm').click()
  const dialog = page.getByTestId('recovery-confirm-dialog')
  await dialog.getByTestId('recovery-method').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '以资抵债' }).click()
  await fillTestId(page, 'recovery-text', '抵债房产已过户，核心入账')
  await shot(page, 'daily-recoveries-confirm')
  await dialog.getByTestId('recovery-submit').click()
  await expect(dialog).toBeHidden()

  await page.goto(`/ledgers/risk-recoveries?keyword=${encodeURIComponent(risky.loanNo)}`)
  const ledgerRow = page.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: txnNo })
  await expect(ledgerRow).toBeVisible()
  await expect(ledgerRow.getByText('以资抵债')).toBeVisible()
  await settled(page)
  await shot(page, 'daily-recovery-ledger')
})

test('催收管理: an item started, sent to 智能催收, its record back and registered', async ({
  page,
}) => {
  await login(page, 'admin')
  await openDaily(page, 'collection:items')
  await page.waitForURL(/\/p\/collection\/Items/)
  await page.getByTestId('collection-start').click()
  const dialog = page.getByTestId('collection-start-dialog')
  const customer = dialog.getByTestId('collection-customer')
  await customer.click()
  await customer.locator('input').fill(risky.customerName)
  await page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: risky.customerName })
    .first()
    .click()
  const loans = dialog.getByTestId('collection-loans')
  await loans.click()
  await page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: risky.loanNo })
    .first()
    .click()
  await dialog.locator('.el-dialog__title').click() // close the dropdown
  await dialog.locator('textarea').fill('律师函送达后电话跟进，要求十日内归还逾期本息。')
  await shot(page, 'daily-collection-start')
  await dialog.getByTestId('collection-start-submit').click()
  await expect(dialog).toBeHidden()
  const item = page.getByTestId('collection-items').locator('tbody tr').first()
  await expect(item).toContainText(risky.customerName)

  // The outbox delivers in the background; the record comes back on 同步.
  await expect
    .poll(
      async () => {
        const { data } = await api(token, '/api/collection/items?perPage=1')
        return data[0]?.sending?.status
      },
      { timeout: 30000, message: 'the item is delivered to 智能催收' }
    )
    .toBe('sent')
  await page.getByTestId('collection-sync').click()
  await expect(page.getByTestId('job-progress').getByText('已完成')).toBeVisible({
    timeout: 30000,
  })
  await page.getByRole('tab', { name: '催收记录' }).click()
  const record = page.getByTestId('collection-records').locator('tbody tr').first()
  await expect(record).toContainText(risky.customerName)
  await expect(record).toContainText('PF-')
  await settled(page)
  await shot(page, 'daily-collection-records')

  await record.getByTestId('collection-register').click()
  await page.locator('.el-message-box').getByRole('button', { name: '已签字' }).click()
  await expect(record.getByText('已登记')).toBeVisible()
  await settled(page)
  await shot(page, 'daily-collection-registered')

  // 委外清收: the page (agencies and assignments) renders for the administrator.
  await page.goto('/p/collection/Outsourcing')
  await expect(page.getByTestId('collection-assignments')).toBeVisible()
  await page.getByRole('tab', { name: '委外机构' }).click()
  await expect(page.getByTestId('crud-search')).toBeVisible()
  await settled(page)
  await shot(page, 'daily-outsourcing')
})
