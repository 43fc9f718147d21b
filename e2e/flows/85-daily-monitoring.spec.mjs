/*
| 日常管理 gaps in the browser: the head office sets the year's 考核 weights and
| exports the 目标考核排名 (ECharts bar + table → xlsx); an 智能预警 alert the
| simulator raises for 张朝阳客户经理's customer is pulled and reaches his 消息
| and the 客户视图 panel; a suit the bank filed, told the same way, is opened
| from the 消息 and confirmed into 时效 (诉讼时效中断); a 受托资产 registered by
| the branch shows in the 受托资产台账. Each test uses its own records (flows
| share one demo DB).
*/
import { test, expect } from '../support/test.mjs'
import { SIMULATOR, api, apiLogin, login, send, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })

test('目标考核排名: weights set, ranking shown, exported to xlsx', async ({ page }) => {
  const admin = await apiLogin('admin')
  const { data } = await api(admin, '/api/targets/head/targets?perPage=1')
  expect(data.length, 'the demo has targets').toBeGreaterThan(0)
  const year = data[0].year
  const saved = await send(admin, 'PUT', '/api/targets/assessment/weights', {
    year,
    weights: [
      { kind: 'recovery', weightPct: '60.00', capPct: '120.00' },
      { kind: 'reduction', weightPct: '40.00', capPct: '120.00' },
    ],
  })
  expect(saved.status, await saved.clone().text()).toBe(200)

  await login(page, 'hq_risk')
  await page.goto('/p/targets/Assessment')
  await page.getByTestId('assessment-year').locator('input').fill(String(year))
  await page.getByTestId('assessment-search').click()
  const table = page.getByTestId('assessment-table')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  await expect(page.locator('canvas').first()).toBeVisible()
  await settled(page)
  await shot(page, 'assessment-ranking')

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByTestId('assessment-export').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^总行目标考核排名_\d{8}_\d{6}\.xlsx$/)
})

test('智能预警: a new alert reaches the customer manager’s 消息 and 客户视图', async ({ page }) => {
  const manager = await apiLogin('bj_cy_am')
  const { data } = await api(manager, '/api/credit-assets/pickers/customers?perPage=1')
  expect(data.length, 'the manager has customers').toBeGreaterThan(0)
  const customerId = data[0].value
  const customer = await api(manager, `/api/customer-view/customers/${customerId}`)
  const customerNo = customer.customerNo ?? customer.customer?.customerNo
  expect(customerNo, 'customer number').toBeTruthy()

  const stamp = Date.now()
  const date = '2026-01-15'
  const title = `被列为被执行人（E2E${stamp}）`
  const injected = await fetch(`${SIMULATOR}/__sim/warning/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      alertNo: `E2E-${stamp}`,
      customerNo,
      kind: 'executed_person',
      title,
      occurredOn: date,
    }),
  })
  expect(injected.status).toBe(200)

  const admin = await apiLogin('admin')
  const queued = await send(admin, 'POST', '/api/monitoring/alerts/pull', { businessDate: date })
  expect(queued.status).toBe(202)
  const { jobId } = await queued.json()
  await expect
    .poll(async () => (await api(admin, `/api/jobs/${jobId}`)).status, { timeout: 60000 })
    .toBe('completed')

  await login(page, 'bj_cy_am')
  await page.goto('/messages')
  await expect(page.getByText(title).first()).toBeVisible()
  await shot(page, 'monitoring-message')

  await page.goto(`/p/customer-view/CustomerView?id=${customerId}`)
  const panel = page.getByTestId('slot-monitoring')
  await expect(panel.getByText(title)).toBeVisible()
  await settled(page)
  await shot(page, 'monitoring-panel')
})

test('智能预警: a suit the bank filed, opened from 消息, confirmed into 时效', async ({ page }) => {
  const manager = await apiLogin('bj_cy_am')
  const { data } = await api(manager, '/api/credit-assets/risk-assets?perPage=1&status=managed')
  expect(data.length, 'the manager has risk assets').toBeGreaterThan(0)
  const customerId = data[0].customerId
  const customer = await api(manager, `/api/customer-view/customers/${customerId}`)
  const customerNo = customer.customerNo ?? customer.customer?.customerNo

  const stamp = Date.now()
  const date = '2026-01-16'
  const caseNo = `（2026）京0105民初E2E${stamp}号`
  const title = `本行诉借款人金融借款合同纠纷立案（E2E${stamp}）`
  const injected = await fetch(`${SIMULATOR}/__sim/warning/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      alertNo: `E2E-SUIT-${stamp}`,
      customerNo,
      kind: 'new_lawsuit',
      title,
      occurredOn: date,
      level: 'high',
      detail: { bankIsPlaintiff: true, caseNo, filedOn: date },
    }),
  })
  expect(injected.status, await injected.clone().text()).toBe(200)
  const admin = await apiLogin('admin')
  const queued = await send(admin, 'POST', '/api/monitoring/alerts/pull', { businessDate: date })
  expect(queued.status).toBe(202)
  const { jobId } = await queued.json()
  await expect
    .poll(async () => (await api(admin, `/api/jobs/${jobId}`)).status, { timeout: 60000 })
    .toBe('completed')

  await login(page, 'bj_cy_am')
  await page.goto('/messages')
  await page.getByTestId('message-item').filter({ hasText: title }).first().click()
  await page.waitForURL(/\/p\/customer-view\/CustomerView\?id=\d+&alert=\d+/)
  // The alert the message is about is highlighted and its confirmation offered.
  const box = page.locator('.el-message-box')
  await expect(box).toContainText(caseNo)
  await shot(page, 'monitoring-suit-confirm')
  await box.getByRole('button', { name: /确定|OK/ }).click()
  const panel = page.getByTestId('slot-monitoring')
  const row = panel.locator('tr.linked-alert')
  await expect(row).toContainText(title)
  await expect(row.getByText('已登记')).toBeVisible()
  const { data: alerts } = await api(manager, `/api/monitoring/customers/${customerId}/alerts`)
  expect(alerts.find((a) => a.title === title)?.limitationStatus).toBe('recorded')
  await settled(page)
  await shot(page, 'monitoring-suit-recorded')
})

test('受托资产: registered by the branch, visible in the 受托资产台账', async ({ page }) => {
  const contractNo = `WT-E2E-${Date.now()}`
  await login(page, 'bj_asset')
  await page.goto('/p/entrusted-assets/EntrustedAssets')
  await page.getByTestId('crud-create').click()
  const dialog = page.getByTestId('crud-dialog')
  await expect(dialog).toBeVisible()
  // Element Plus passes the field's attributes to its native input: find inputs by their label.
  const text = (label) => dialog.getByRole('textbox', { name: label })
  const pick = (label) => dialog.getByRole('combobox', { name: label })
  await text('委托合同号').fill(contractNo)
  await text('委托方').fill('东方资产管理股份有限公司')
  await text('受托资产').fill('某商业地产债权包')
  await text('委托本金').fill('8000000.00')
  await text('费率').fill('1.5')
  for (const [label, value] of [
    ['委托起始日', '2026-01-01'],
    ['委托到期日', '2026-12-31'],
  ]) {
    await pick(label).fill(value)
    await pick(label).press('Enter')
  }
  await pick('状态').click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: '管理中' }).first().click()
  await page.getByTestId('crud-save').click()
  const table = page.getByTestId('crud-table')
  await expect(table.getByText(contractNo)).toBeVisible()
  await expect(table.getByText('120,000.00')).toBeVisible() // 8,000,000.00 × 1.5 %

  await page.goto(`/ledgers/entrusted-assets?keyword=${contractNo}`)
  const ledger = page.getByTestId('ledger-table')
  await expect(ledger.getByText(contractNo)).toBeVisible()
  await expect(ledger.getByText('8,000,000.00').first()).toBeVisible()
  await settled(page)
  await shot(page, 'entrusted-ledger')
})
