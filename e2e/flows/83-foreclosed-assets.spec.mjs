/*
| 抵债资产 in the browser, on one asset the demo seed received (朝阳区建国路88号商铺,
| 朝阳支行, 入账价值 860,000.00, not yet distributed):
| 1. 资产分发: 李北京资产 (分发岗) gives it to 张朝阳客户经理;
| 2. 定期检查: the manager records a check with a photo (to the 影像平台 through the outbox);
| 3. 临时经营: a lease, and the rent registered in 收入登记管理;
| 4. 出售申请: the manager applies to sell it, the branch approves, the postings go out;
| 5. 抵债资产明细 and 闲置资产台账 show the steps.
| Screenshots: fa-distribution, fa-check, fa-income, fa-sale, fa-ledger.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, fillTestId, login, send, settled, shot } from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 1000 } })

const NAME = '朝阳区建国路88号商铺'
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
// Yesterday (UTC): never after the demo's business date (today in Shanghai).
const day = (back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)

let boss
let manager
let asset

async function choose(page, container, text) {
  await container.locator('.el-select').first().click()
  await page.keyboard.type(text)
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

async function fillDate(page, testid, value) {
  const input = page.getByTestId(testid).locator('input')
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

test.beforeAll(async () => {
  boss = await apiLogin('bj_asset')
  manager = await apiLogin('bj_cy_am')
  const found = await api(boss, `/api/foreclosed-assets/assets?keyword=${encodeURIComponent(NAME)}`)
  asset = found.data[0]
  expect(asset, 'the demo seed received the shop').toBeTruthy()
  expect(asset.managerId).toBeNull()
})

test('资产分发: the distributor gives the shop to the 朝阳 manager', async ({ page }) => {
  await login(page, 'bj_asset')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('抵债资产', { exact: true }).click()
  await menu.locator('[data-menu="foreclosed-assets:distribution"]').click()
  await expect(page).toHaveURL(/\/p\/foreclosed-assets\/Distribution/)
  const table = page.getByTestId('fa-distribution-table')
  const row = table.locator('tr', { hasText: asset.assetNo })
  await expect(row).toBeVisible()
  await row.getByTestId('fa-distribute-row').click()
  const form = page.getByTestId('fa-distribute-form')
  await expect(form).toBeVisible()
  await choose(page, form.locator('.el-form-item').nth(0), '张朝阳')
  await choose(page, form.locator('.el-form-item').nth(1), '公司业务')
  await shot(page, 'fa-distribution')
  await page.getByTestId('fa-distribute-save').click()
  await expect(form).toBeHidden()
  // 仅待分发 hides it now; the manager sees it in their scope.
  await expect(row).toBeHidden()
  const mine = await api(manager, `/api/foreclosed-assets/assets/${asset.id}`)
  expect(mine.managerName).toBe('张朝阳客户经理')
})

test('定期检查: the manager records a check with a photo', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/Checks?assetId=${asset.id}`)
  await page.getByTestId('fa-check-new').click()
  const form = page.getByTestId('fa-check-form')
  await expect(form).toBeVisible()
  await fillDate(page, 'fa-check-date', day(1))
  await fillTestId(page, 'fa-check-value', '850000.00')
  await page
    .getByTestId('fa-check-photo')
    .setInputFiles({ name: '外观.png', mimeType: 'image/png', buffer: PNG })
  await page.getByTestId('fa-check-save').click()
  await expect(form).toBeHidden()
  const table = page.getByTestId('fa-checks-table')
  await expect(table.locator('tr', { hasText: asset.assetNo })).toBeVisible()
  await expect(table.getByTestId('fa-photo-state').first()).toBeVisible()
  await settled(page)
  await shot(page, 'fa-check')
  // The photo reaches the 影像平台 (the demo simulator) and is filed.
  await expect
    .poll(
      async () =>
        (await api(manager, `/api/foreclosed-assets/checks?assetId=${asset.id}`)).data[0].photos[0]
          .status,
      {
        timeout: 30_000,
      }
    )
    .toBe('filed')
})

test('临时经营 and 收入登记: a lease, the rent registered', async ({ page }) => {
  const lease = await send(manager, 'POST', `/api/foreclosed-assets/assets/${asset.id}/leases`, {
    tenant: '北京某餐饮有限公司',
    rent: '15000.00',
    rentPeriod: 'quarter',
    startOn: day(1),
    endOn: day(-364),
  })
  expect(lease.status, await lease.clone().text()).toBe(201)
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/CustodyLeases`)
  await expect(page.getByTestId('fa-leases-table').getByText('北京某餐饮有限公司')).toBeVisible()

  await page.goto(`${BASE}/p/foreclosed-assets/CustodyIncome`)
  await page.getByTestId('fa-entry-new').click()
  const form = page.getByTestId('fa-entry-form')
  await choose(page, form.locator('.el-form-item').nth(0), asset.assetNo)
  await fillTestId(page, 'fa-entry-amount', '15000.00')
  await fillDate(page, 'fa-entry-date', day(1))
  await page.getByTestId('fa-entry-save').click()
  await expect(form).toBeHidden()
  await expect(
    page.getByTestId('fa-entries-table').locator('tr', { hasText: asset.assetNo })
  ).toContainText('15,000.00')
  await shot(page, 'fa-income')
  const leases = await api(manager, `/api/foreclosed-assets/leases?assetId=${asset.id}`)
  expect(leases.data[0].rentReceived).toBe('15000.00')
})

test('出售申请: applied, approved by the branch, posted', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/DisposalSales`)
  await page.getByTestId('fa-disposal-new').click()
  const form = page.getByTestId('fa-disposal-form')
  await choose(page, form.locator('.el-form-item').nth(0), asset.assetNo)
  await fillTestId(page, 'fa-disposal-buyer', '王某')
  await fillTestId(page, 'fa-disposal-amount', '800000.00')
  await fillDate(page, 'fa-disposal-date', day(0))
  await fillTestId(page, 'fa-disposal-reason', '经公开拍卖成交')
  await page.getByTestId('fa-disposal-save').click()
  await expect(form).toBeHidden()
  const table = page.getByTestId('fa-disposals-table')
  const row = table.locator('tr', { hasText: asset.assetNo })
  await expect(row).toContainText('审批中')
  await expect(row).toContainText('60,000.00')

  const list = await api(manager, `/api/foreclosed-assets/disposals?kind=sale&assetId=${asset.id}`)
  const disposal = await api(manager, `/api/foreclosed-assets/disposals/${list.data[0].id}`)
  const approved = await send(
    boss,
    'POST',
    `/api/workflow/instances/${disposal.workflowInstanceId}/approve`,
    { comment: '同意出售' }
  )
  expect(approved.status, await approved.clone().text()).toBe(200)

  await page.goto(`${BASE}/p/foreclosed-assets/DisposalSales?id=${disposal.id}`)
  const detail = page.getByTestId('fa-disposal-detail')
  await expect(detail).toContainText('已完成')
  await expect
    .poll(
      async () =>
        (await api(manager, `/api/foreclosed-assets/disposals/${disposal.id}`)).postings.map(
          (p) => `${p.kind}:${p.amount}:${p.status}`
        ),
      {
        timeout: 30_000,
      }
    )
    .toEqual(['proceeds:800000.00:sent', 'loss:60000.00:sent'])
  await shot(page, 'fa-sale')
})

test('抵债资产明细 and 闲置资产台账 show the steps', async ({ page }) => {
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/ledgers/foreclosed-assets?keyword=${asset.assetNo}`)
  const ledger = page.getByTestId('ledger-table')
  const row = ledger.locator('tr', { hasText: asset.assetNo })
  await expect(row).toContainText('已出售')
  await expect(row).toContainText('张朝阳客户经理')
  await expect(row).toContainText('800,000.00')
  await expect(row).toContainText('15,000.00')
  await settled(page)
  await shot(page, 'fa-ledger')
  const rows = await api(boss, `/api/ledgers/foreclosed-assets/rows?keyword=${asset.assetNo}`)
  expect(rows.data[0]).toMatchObject({
    status: 'sold',
    proceeds: '800000.00',
    rentIncome: '15000.00',
    lastCheckedOn: day(1),
  })
  // Idle until the lease; sold now, so no longer idle.
  const before = await api(
    boss,
    `/api/ledgers/foreclosed-assets-idle/rows?keyword=${asset.assetNo}&asOf=${day(2)}`
  )
  expect(before.data).toHaveLength(1)
  expect(before.data[0].idleDays).toBeGreaterThan(0)
  const now = await api(boss, `/api/ledgers/foreclosed-assets-idle/rows?keyword=${asset.assetNo}`)
  expect(now.data).toHaveLength(0)
})
