/*
| Issue 17's acceptance in the browser, on ONE asset from start to end:
| 1. 抵债资产收取: 张朝阳客户经理 (bj_cy_am) takes the asset from his loan's collateral
|    (押品管理 through the connector, demo simulator), saves a draft, edits it (修改)
|    and submits it; a submitted receipt can no longer be edited (409);
| 2. 李北京资产 (bj_asset) approves; 抵债账务处理 posts it (outbox → simulator); the
|    claim left over is proposed for write-off (提议核销 opens 核销方案申报 filled);
| 3. 资产分发 to the manager, 定期检查 with a photo (影像平台), 临时经营 (lease) and the
|    rent in 收入登记管理, 出售申请 approved with proceeds and loss posted;
| 4. 抵债资产收取台账, 抵债资产明细 and 闲置资产台账 (as of a date) show every step.
| Acquired 30 days before the business date so the idle ledger has a day to show.
| Screenshots: fx-receipt-edit, fx-write-off, fx-check, fx-lease, fx-sale, fx-ledger-*.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  chooseOption,
  fillTestId,
  login,
  send,
  settled,
  shot,
  typeDateInto,
  withSqlite,
} from '../support/helpers.mjs'
import { foreclosureLoan } from '../support/foreclosure.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1500, height: 1000 } })

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
const yuan = (fen) => {
  const f = BigInt(fen)
  return `${(f / 100n).toLocaleString('en-US')}.${String(f % 100n).padStart(2, '0')}`
}
const plain = (fen) => `${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`

let clerk
let boss
let loan
let biz
let receiptId
let receiptNo
let asset
let kept
const fen = {}

/** The business date minus n days, as YYYY-MM-DD. */
const before = (n) => {
  const [y, m, d] = biz.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10)
}

async function approveAs(token, typeCode, businessId, comment) {
  const instance = withSqlite((db) =>
    db
      .prepare(
        `SELECT id FROM wf_instances WHERE type_code = ? AND business_id = ? ORDER BY id DESC`
      )
      .get(typeCode, String(businessId))
  )
  const res = await send(token, 'POST', `/api/workflow/instances/${instance.id}/approve`, {
    comment,
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

test.beforeAll(async () => {
  clerk = await apiLogin('bj_cy_am')
  boss = await apiLogin('bj_asset')
  // A loan no earlier flow took an asset for (82 takes the lowest id): the highest.
  ;({ today: biz, loan } = foreclosureLoan({ minFen: 2000000, newest: true }))
  expect(loan, 'bj_cy_am has another active loan with collateral').toBeTruthy()
  // 抵债金额 = the principal less 10 000.00: a claim stays (the 提议核销 step).
  fen.agreed = (BigInt(loan.balance_fen) / 100n) * 100n - 1_000_000n
  fen.taxes = 234_567n
  fen.taxesEdited = 345_678n
  fen.book = fen.agreed + fen.taxesEdited
  fen.price = fen.book - 1_500_000n
})

test('抵债资产收取: from the collateral, saved, edited as a draft, submitted', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosure/Receipts`)
  await page.getByTestId('fc-new').click()
  await chooseOption(page, page.getByTestId('fc-customer'), loan.customer_name)
  await chooseOption(page, page.getByTestId('fc-loans'), loan.loan_no)
  const collaterals = page.getByTestId('fc-collaterals')
  await expect(collaterals).toContainText(loan.collateral_ref)
  await expect(page.getByTestId('fc-collateral-unavailable')).toHaveCount(0)
  await collaterals.locator('.el-table__row', { hasText: loan.collateral_ref }).click()
  await fillTestId(page, 'fc-location', '北京市朝阳区验收路86号')
  await fillTestId(page, 'fc-agreed', plain(fen.agreed))
  await fillTestId(page, 'fc-taxes', plain(fen.taxes))
  await typeDateInto(page.locator('.el-dialog:visible .el-date-editor input').nth(1), before(30))
  await fillTestId(page, 'fc-reasons', '借款人无力清偿，经协商以抵押物抵偿部分债务。')
  await page.getByTestId('fc-save').click()
  const detail = page.getByTestId('fc-detail')
  await expect(detail).toContainText('草稿')
  receiptId = Number(new URL(page.url()).searchParams.get('id'))
  receiptNo = (await api(clerk, `/api/foreclosure/receipts/${receiptId}`)).receiptNo

  // 修改: the draft opens filled; the taxes corrected; 入账价值 follows.
  await page.getByTestId('fc-edit').click()
  await expect(page.locator('.el-dialog:visible')).toContainText(receiptNo)
  await expect(
    page.locator('[data-testid="fc-agreed"] input, input[data-testid="fc-agreed"]').first()
  ).toHaveValue(plain(fen.agreed))
  await fillTestId(page, 'fc-taxes', plain(fen.taxesEdited))
  await expect(page.getByTestId('fc-book-value')).toContainText(yuan(fen.book))
  await settled(page)
  await shot(page, 'fx-receipt-edit')
  await page.getByTestId('fc-save').click()
  await expect(page.locator('.el-dialog:visible')).toHaveCount(0)
  await expect(detail).toContainText(yuan(fen.book))
  const saved = await api(clerk, `/api/foreclosure/receipts/${receiptId}`)
  expect(saved).toMatchObject({ taxesAndFees: plain(fen.taxesEdited), bookValue: plain(fen.book) })
  expect(saved.collateralChecked).toBe(true)
  expect(saved.acquiredOn).toBe(before(30))

  await page.getByTestId('fc-submit').click()
  await expect(detail).toContainText('审批中')
  await expect(page.getByTestId('fc-edit')).toHaveCount(0)
  const { id: _i, ...rest } = saved
  const late = await send(clerk, 'PUT', `/api/foreclosure/receipts/${receiptId}`, {
    loanIds: [loan.id],
    way: rest.way,
    source: 'collateral',
    collateralRef: loan.collateral_ref,
    assetClass: rest.assetClass,
    assetName: rest.assetName,
    appraisedValue: rest.appraisedValue,
    agreedValue: rest.agreedValue,
    taxesAndFees: '1.00',
    acquiredOn: rest.acquiredOn,
    reasons: '提交后再改',
  })
  expect(late.status).toBe(409)
})

test('approved, posted on 抵债账务处理; the claim kept is proposed for write-off', async ({
  page,
}) => {
  await approveAs(boss, 'foreclosure:receipt', receiptId, '同意以资抵债')
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosure/Postings?id=${receiptId}`)
  await page.getByTestId('fc-post').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(page.getByTestId('fc-detail')).toContainText('已入账')
  await expect
    .poll(
      async () =>
        (await api(clerk, `/api/foreclosure/receipts/${receiptId}/postings`)).data.every(
          (p) => p.status === 'sent'
        ),
      { timeout: 30_000, message: 'the outbox delivers the postings' }
    )
    .toBe(true)
  const posted = await api(clerk, `/api/foreclosure/receipts/${receiptId}`)
  asset = posted.asset
  expect(asset.bookValue).toBe(plain(fen.book))
  kept = posted.loans[0].shortfallTotal
  expect(kept).toBe(posted.shortfall)

  // 提议核销 → 核销方案申报 with the loan and the claim kept.
  await page.getByTestId('fc-propose-write-off').click()
  await page.waitForURL(/\/p\/write-off\/PlanApply/)
  await expect(page.locator('.subjects .el-table')).toContainText(loan.loan_no)
  await expect(page.getByTestId('plan-title')).toHaveValue(/以资抵债后剩余债权核销/)
  const reasons = await page.getByTestId('plan-reasons').inputValue()
  expect(reasons).toContain(receiptNo)
  expect(reasons).toContain(yuan(BigInt(kept.replace('.', ''))))
  await settled(page)
  await shot(page, 'fx-write-off')
})

test('资产分发 and 定期检查 with a photo', async ({ page, signIn }) => {
  const boss$ = await signIn('bj_asset')
  await boss$.goto(`${BASE}/p/foreclosed-assets/Distribution`)
  const row = boss$.getByTestId('fa-distribution-table').locator('tr', { hasText: asset.assetNo })
  await row.getByTestId('fa-distribute-row').click()
  const form = boss$.getByTestId('fa-distribute-form')
  await chooseOption(boss$, form.locator('.el-form-item').nth(0), '张朝阳')
  await chooseOption(boss$, form.locator('.el-form-item').nth(1), '公司业务')
  await boss$.getByTestId('fa-distribute-save').click()
  await expect(form).toBeHidden()
  expect((await api(clerk, `/api/foreclosed-assets/assets/${asset.id}`)).managerName).toBe(
    '张朝阳客户经理'
  )

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/Checks?assetId=${asset.id}`)
  await page.getByTestId('fa-check-new').click()
  const check = page.getByTestId('fa-check-form')
  await typeDateInto(page.getByTestId('fa-check-date').locator('input'), before(20))
  await fillTestId(page, 'fa-check-value', plain(fen.book))
  await page
    .getByTestId('fa-check-photo')
    .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG })
  await page.getByTestId('fa-check-save').click()
  await expect(check).toBeHidden()
  await expect(
    page.getByTestId('fa-checks-table').locator('tr', { hasText: asset.assetNo })
  ).toBeVisible()
  await expect
    .poll(
      async () =>
        (await api(clerk, `/api/foreclosed-assets/checks?assetId=${asset.id}`)).data[0].photos[0]
          .status,
      { timeout: 30_000, message: 'the photo is filed on the 影像平台' }
    )
    .toBe('filed')
  await settled(page)
  await shot(page, 'fx-check')
})

test('临时经营: a lease on the page, the rent in 收入登记管理', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/CustodyLeases`)
  await page.getByTestId('fa-lease-new').click()
  const form = page.getByTestId('fa-lease-form')
  await chooseOption(page, form.locator('.el-form-item').nth(0), asset.assetNo)
  await fillTestId(page, 'fa-lease-tenant', '北京验收餐饮有限公司')
  await fillTestId(page, 'fa-lease-rent', '6000.00')
  await typeDateInto(page.getByTestId('fa-lease-start').locator('input'), before(10))
  await typeDateInto(page.getByTestId('fa-lease-end').locator('input'), before(-355))
  await page.getByTestId('fa-lease-save').click()
  await expect(form).toBeHidden()
  await expect(
    page.getByTestId('fa-leases-table').locator('tr', { hasText: '北京验收餐饮有限公司' })
  ).toBeVisible()
  await shot(page, 'fx-lease')

  await page.goto(`${BASE}/p/foreclosed-assets/CustodyIncome`)
  await page.getByTestId('fa-entry-new').click()
  const entry = page.getByTestId('fa-entry-form')
  await chooseOption(page, entry.locator('.el-form-item').nth(0), asset.assetNo)
  await fillTestId(page, 'fa-entry-amount', '6000.00')
  await typeDateInto(page.getByTestId('fa-entry-date').locator('input'), before(10))
  await page.getByTestId('fa-entry-save').click()
  await expect(entry).toBeHidden()
  await expect(
    page.getByTestId('fa-entries-table').locator('tr', { hasText: asset.assetNo })
  ).toContainText('6,000.00')
  const leases = await api(clerk, `/api/foreclosed-assets/leases?assetId=${asset.id}`)
  expect(leases.data[0].rentReceived).toBe('6000.00')
})

test('出售申请: applied, approved, proceeds and loss posted', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosed-assets/DisposalSales`)
  await page.getByTestId('fa-disposal-new').click()
  const form = page.getByTestId('fa-disposal-form')
  await chooseOption(page, form.locator('.el-form-item').nth(0), asset.assetNo)
  await fillTestId(page, 'fa-disposal-buyer', '北京某置业有限公司')
  await fillTestId(page, 'fa-disposal-amount', plain(fen.price))
  await typeDateInto(page.getByTestId('fa-disposal-date').locator('input'), biz)
  await fillTestId(page, 'fa-disposal-reason', '经公开挂牌转让成交')
  await page.getByTestId('fa-disposal-save').click()
  await expect(form).toBeHidden()
  const row = page.getByTestId('fa-disposals-table').locator('tr', { hasText: asset.assetNo })
  await expect(row).toContainText('审批中')
  await expect(row).toContainText('15,000.00')

  const list = await api(clerk, `/api/foreclosed-assets/disposals?kind=sale&assetId=${asset.id}`)
  const disposalId = list.data[0].id
  await approveAs(boss, 'foreclosed-assets:disposal', disposalId, '同意出售')
  await page.goto(`${BASE}/p/foreclosed-assets/DisposalSales?id=${disposalId}`)
  await expect(page.getByTestId('fa-disposal-detail')).toContainText('已完成')
  await expect
    .poll(
      async () =>
        (await api(clerk, `/api/foreclosed-assets/disposals/${disposalId}`)).postings.map(
          (p) => `${p.kind}:${p.amount}:${p.status}`
        ),
      { timeout: 30_000, message: 'proceeds and loss reach core banking' }
    )
    .toEqual([`proceeds:${plain(fen.price)}:sent`, 'loss:15000.00:sent'])
  await settled(page)
  await shot(page, 'fx-sale')
})

test('every ledger shows the steps', async ({ page }) => {
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/ledgers/foreclosure-receipts?keyword=${receiptNo}`)
  const receipts = page.getByTestId('ledger-table').locator('tr', { hasText: receiptNo })
  await expect(receipts).toContainText(loan.collateral_ref)
  await expect(receipts).toContainText(yuan(fen.book))
  await expect(receipts).toContainText(yuan(BigInt(kept.replace('.', ''))))
  await settled(page)
  await shot(page, 'fx-ledger-receipts')
  // The asset cell lands on the asset's record (抵债资产 › 基本信息).
  await receipts.getByTestId('ledger-link-assetName').click()
  await page.waitForURL(new RegExp(`/p/foreclosed-assets/CustodyBasic\\?id=${asset.id}`))
  await expect(page.locator('.el-drawer:visible')).toContainText(asset.assetNo)

  await page.goto(`${BASE}/ledgers/foreclosed-assets?keyword=${asset.assetNo}`)
  const detail = page.getByTestId('ledger-table').locator('tr', { hasText: asset.assetNo })
  await expect(detail).toContainText('已出售')
  await expect(detail).toContainText('张朝阳客户经理')
  await expect(detail).toContainText(yuan(fen.price))
  await expect(detail).toContainText('6,000.00')
  await settled(page)
  await shot(page, 'fx-ledger-assets')
  const rows = await api(boss, `/api/ledgers/foreclosed-assets/rows?keyword=${asset.assetNo}`)
  expect(rows.data[0]).toMatchObject({
    status: 'sold',
    bookValue: plain(fen.book),
    proceeds: plain(fen.price),
    rentIncome: '6000.00',
    lastCheckedOn: before(20),
    acquiredOn: before(30),
  })
  // As of 15 days back: held and not yet leased, idle since the acquisition for 15 days.
  const asOf = before(15)
  await page.goto(`${BASE}/ledgers/foreclosed-assets-idle?keyword=${asset.assetNo}`)
  // The 截至日期 picker of the toolbar (placeholder 当前 = today).
  await typeDateInto(page.getByTestId('ledger-page').getByPlaceholder('当前'), asOf)
  await expect(
    page.getByTestId('ledger-table').locator('tr', { hasText: asset.assetNo })
  ).toBeVisible()
  await settled(page)
  await shot(page, 'fx-ledger-idle')
  const idle = await api(
    boss,
    `/api/ledgers/foreclosed-assets-idle/rows?keyword=${asset.assetNo}&asOf=${asOf}`
  )
  expect(idle.data[0]).toMatchObject({ idleSince: before(30), idleDays: 15 })
  const leased = await api(
    boss,
    `/api/ledgers/foreclosed-assets-idle/rows?keyword=${asset.assetNo}&asOf=${before(5)}`
  )
  expect(leased.data).toHaveLength(0)
  const now = await api(boss, `/api/ledgers/foreclosed-assets-idle/rows?keyword=${asset.assetNo}`)
  expect(now.data).toHaveLength(0)
})
