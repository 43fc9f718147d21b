/*
| 批量处置 in the browser, 立项 to 交割. 李北京资产 (bj_asset) sets up a 批量转让
| project on 转让立项 and 总行风险经理 (hq_risk) approves it from the workflow
| drawer; the pool is built by importing an xlsx list of ten 海淀支行 corporate
| loans (one a debtor), first with bad rows (refused, nothing imported), then
| the good list; 尽职调查 is registered (one in the browser, the rest through
| the API); two packages of five are made (one in the browser) under the 2021
| pilot's minimum of 3 户 (the administrator sets the rule, and raises the
| committee threshold so no meeting is needed; both are put back at the end),
| approved, offered;
| package one has one bid round with two bidders in the browser, the winner,
| contract, payment and 交割 — once — then the notices are served in bulk;
| package two goes the same way through the API. 批量转让台账 shows the loans.
*/
import ExcelJS from 'exceljs'
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
  fillTestId,
  login,
  send,
  settled,
  shot,
  withSqlite,
} from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1500, height: 1000 } })

let owner
let approver
let admin
const undo = []
let loans
let half
let today
let projectId
let projectNo
const packages = []

async function xlsx(rows) {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('名单')
  sheet.addRow(['借据号'])
  for (const r of rows) sheet.addRow([r])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** An Element Plus date picker by its test id (the id lands on the input itself). */
const dateInput = (page, id) =>
  page.locator(`input[data-testid=${id}], [data-testid=${id}] input`).first()

async function fillDate(input, value) {
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

async function approveByApi(type, businessId) {
  const instance = withSqlite((db) =>
    db
      .prepare(
        'SELECT id FROM wf_instances WHERE type_code = ? AND business_id = ? ORDER BY id DESC'
      )
      .get(type, String(businessId))
  )
  const res = await send(approver, 'POST', `/api/workflow/instances/${instance.id}/approve`, {
    comment: '同意',
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** The loans of package one (the first five pool items). */
let firstLoanIds = []
const items5 = () => firstLoanIds.join(',')

async function ok(res) {
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return res.status === 204 ? null : res.json()
}

test.beforeAll(async () => {
  owner = await apiLogin('bj_asset')
  approver = await apiLogin('hq_risk')
  admin = await apiLogin('admin')
  const rules = (await api(admin, '/api/batch-disposal/rules')).data
  const households = rules.find((r) => r.code === 'min_households')
  await ok(
    await send(admin, 'PUT', '/api/batch-disposal/rules/min_households', {
      value: '3',
      enabled: true,
    })
  )
  undo.push(() =>
    send(admin, 'PUT', '/api/batch-disposal/rules/min_households', {
      value: households.value,
      enabled: households.enabled,
    })
  )
  const settings = await api(admin, '/api/system/settings')
  const list = Array.isArray(settings) ? settings : (settings.data ?? [])
  const threshold = list.find((x) => x.key === 'batch-disposal.committeeThreshold')
  await ok(
    await send(admin, 'PUT', '/api/system/settings/batch-disposal.committeeThreshold', {
      value: '1000000000.00',
    })
  )
  undo.push(() =>
    send(admin, 'PUT', '/api/system/settings/batch-disposal.committeeThreshold', {
      value: threshold.value,
    })
  )
  loans = withSqlite((db) => {
    const day = db.prepare('SELECT business_date FROM business_day WHERE id = 1').get()
    today = String(day?.business_date ?? new Date().toISOString()).slice(0, 10)
    return db
      .prepare(
        `SELECT MIN(l.id) AS id, MIN(l.loan_no) AS loan_no FROM ca_loans l
           JOIN ca_risk_assets ra ON ra.loan_id = l.id AND ra.status = 'managed'
           JOIN ca_customers c ON c.id = l.customer_id AND c.customer_type = 'corporate'
           JOIN orgs o ON o.id = l.org_id AND o.code = '110102'
          WHERE l.status = 'active'
          GROUP BY l.customer_id ORDER BY MIN(l.id) LIMIT 10`
      )
      .all()
  })
  // Ten if no earlier flow took one; two packages of at least 3 户 need six.
  expect(loans.length, '海淀支行 has corporate debtors with a managed loan').toBeGreaterThanOrEqual(
    6
  )
  half = Math.floor(loans.length / 2)
})

test.afterAll(async () => {
  for (const step of undo.reverse()) await step()
})

test('转让立项: set up, submitted and approved from the workflow drawer', async ({
  page,
  signIn,
}) => {
  await login(page, 'bj_asset')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('批量处置', { exact: true }).click()
  await menu.getByText('转让立项', { exact: true }).click()
  await page.waitForURL(/\/p\/batch-disposal\/Projects/)
  await page.getByTestId('batch-project-new').click()
  await fillTestId(page, 'batch-project-name', 'E2E 海淀支行不良资产批量转让')
  await fillTestId(page, 'batch-project-target', '8000000.00')
  const dates = page.locator('.el-dialog:visible .el-date-editor input')
  await fillDate(dates.nth(0), today)
  await fillDate(dates.nth(1), '2027-06-30')
  await page.locator('.el-dialog:visible textarea').nth(0).fill('分行资产保全部：李北京（组长）')
  await page
    .locator('.el-dialog:visible textarea')
    .nth(1)
    .fill('集中处置海淀支行长期未能清收的对公不良贷款。')
  await page.getByTestId('batch-project-submit').click()
  await expect(page.getByTestId('batch-project-detail')).toContainText('审批中')
  projectId = Number(new URL(page.url()).searchParams.get('id'))
  const project = await api(owner, `/api/batch-disposal/projects/${projectId}`)
  projectNo = project.projectNo
  await settled(page)
  await shot(page, 'batch-project')

  const instance = withSqlite((db) =>
    db
      .prepare(
        `SELECT id FROM wf_instances WHERE type_code = 'batch-disposal:project' AND business_id = ?`
      )
      .get(String(projectId))
  )
  const hq = await signIn('hq_risk')
  await hq.goto(`${BASE}/workflow/instances/${instance.id}`)
  await approveInDrawer(hq, '同意立项')
  expect((await api(owner, `/api/batch-disposal/projects/${projectId}`)).status).toBe('approved')
})

test('组建资产池: a bad list is refused row by row; the good list is imported', async ({
  page,
}) => {
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/p/batch-disposal/Pool?id=${projectId}`)
  const input = page.getByTestId('batch-import').locator('input[type=file]')
  await input.setInputFiles({
    name: 'bad.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx([loans[0].loan_no, 'NO-SUCH-LOAN', loans[0].loan_no]),
  })
  await expect(page.getByTestId('batch-import-errors')).toContainText('NO-SUCH-LOAN')
  await expect(page.getByTestId('batch-import-errors')).toContainText('重复')
  await settled(page)
  await shot(page, 'batch-import-errors')
  expect((await api(owner, `/api/batch-disposal/projects/${projectId}/summary`)).loans).toBe(0)
  await input.setInputFiles({
    name: 'list.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(loans.map((l) => l.loan_no)),
  })
  await expect(page.getByTestId('batch-items')).toContainText(loans[loans.length - 1].loan_no)
  await settled(page)
  await shot(page, 'batch-pool')
})

test('尽职调查 and two packages, approved', async ({ page }) => {
  const items = (
    await api(owner, `/api/batch-disposal/projects/${projectId}/items?perPage=50`)
  ).data.sort((a, b) => a.id - b.id)
  expect(items.length).toBe(loans.length)
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/p/batch-disposal/DueDiligence?id=${projectId}`)
  await page.locator('[data-testid=batch-dd-open]:visible').first().click()
  await fillTestId(page, 'batch-dd-collateral', '厂房已被其他债权人查封')
  await fillTestId(page, 'batch-dd-debtor', '停产，法定代表人失联')
  await fillTestId(page, 'batch-dd-litigation', '已判决，执行中止')
  await fillTestId(page, 'batch-dd-value', '30000.00')
  await fillDate(dateInput(page, 'batch-dd-date'), today)
  await page.getByTestId('batch-dd-save').click()
  await expect(page.getByTestId('batch-dd-progress')).toContainText('1')
  for (const item of items) {
    if (item.investigated) continue
    await ok(
      await send(owner, 'PUT', `/api/batch-disposal/projects/${projectId}/items/${item.id}/dd`, {
        collateralStatus: '无押品',
        debtorStatus: '经营困难',
        litigation: '未起诉',
        recoverableValue: '20000.00',
        valuationMethod: 'cash_flow',
        investigatedOn: today,
      })
    )
  }
  await page.reload()
  await expect(page.getByTestId('batch-dd-progress')).toContainText('100')
  await settled(page)
  await shot(page, 'batch-due-diligence')

  const first = await ok(
    await send(owner, 'POST', `/api/batch-disposal/projects/${projectId}/packages`, {
      name: '第一包',
      itemIds: items.slice(0, half).map((i) => i.id),
      valuation: '300000.00',
      reservePrice: '250000.00',
      method: 'bidding',
      allocation: 'principal',
    })
  )
  packages.push(first)
  firstLoanIds = items.slice(0, half).map((i) => i.loanId)
  // The second package in the browser: the five loans left.
  await page.goto(`${BASE}/p/batch-disposal/Plans`)
  await page.getByTestId('batch-project-select').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: projectNo }).click()
  await page.getByTestId('batch-package-new').click()
  await fillTestId(page, 'batch-package-name', '第二包')
  await fillTestId(page, 'batch-package-valuation', '200000.00')
  await fillTestId(page, 'batch-package-reserve', '150000.00')
  await page.getByTestId('batch-package-save').click()
  await expect(page.getByTestId('batch-package-detail')).toContainText('第二包')
  await expect(page.getByTestId('batch-packages')).toContainText('第一包')
  packages.push({ id: Number(new URL(page.url()).searchParams.get('package')) })
  await page.locator('[data-testid=batch-package-submit]:visible').first().click()
  await expect(page.getByTestId('batch-packages')).toContainText('审批中')
  await ok(await send(owner, 'POST', `/api/batch-disposal/packages/${packages[1].id}/submit`))
  await settled(page)
  await shot(page, 'batch-packages')
  for (const p of packages) await approveByApi('batch-disposal:package', p.id)
  for (const p of packages)
    expect((await api(owner, `/api/batch-disposal/packages/${p.id}`)).status).toBe('approved')
})

test('方案实施: one bid round, the winner, contract, payment, 交割 once, notices served', async ({
  page,
}) => {
  const id = packages[0].id
  await ok(
    await send(owner, 'POST', `/api/batch-disposal/packages/${id}/offers`, {
      kind: 'invitation',
      parties: ['中国某某资产管理股份有限公司', '北京某某资产管理有限公司'],
      sentOn: today,
    })
  )
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/p/batch-disposal/Implementation?package=${id}`)
  await expect(page.getByTestId('batch-offers')).toContainText('北京某某资产管理有限公司')
  await fillTestId(
    page,
    'batch-bid-lines',
    '中国某某资产管理股份有限公司，260000.00\n北京某某资产管理有限公司，281234.57'
  )
  await fillDate(dateInput(page, 'batch-bid-date'), today)
  await page.getByTestId('batch-bid-save').click()
  await expect(page.getByTestId('batch-bids')).toContainText('281,234.57')
  await page.getByTestId('batch-award-1').click()
  await expect(page.getByTestId('batch-package-detail')).toContainText('已成交')
  await expect(page.getByTestId('batch-bids')).toContainText('受让方')
  await settled(page)
  await shot(page, 'batch-bids')

  await fillTestId(page, 'batch-contract-no', 'PLZR-E2E-001')
  await fillDate(dateInput(page, 'batch-contract-date'), today)
  await fillTestId(page, 'batch-announcement-no', 'GG-E2E-001')
  await page.getByTestId('batch-contract-save').click()
  await expect(page.getByTestId('batch-package-detail')).toContainText('已签约')
  await fillTestId(page, 'batch-paid-amount', '281234.57')
  await fillDate(dateInput(page, 'batch-paid-on'), today)
  await page.getByTestId('batch-payment-save').click()
  await expect(page.getByTestId('batch-package-detail')).toContainText('已收款')
  await fillDate(dateInput(page, 'batch-handover-date'), today)
  await page.getByTestId('batch-deliver').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await expect(page.getByTestId('batch-package-detail')).toContainText('已交割')
  await expect(page.getByTestId('batch-delivery-state')).toContainText(`${half} / ${half}`)
  // A second 交割 is refused and posts nothing.
  const again = await send(owner, 'POST', `/api/batch-disposal/packages/${id}/delivery`, {
    handoverDate: today,
  })
  expect(again.status).toBe(409)

  await fillDate(dateInput(page, 'batch-serve-date'), today)
  await fillTestId(page, 'batch-serve-proof', '《北京日报》公告')
  await page.getByTestId('batch-serve-all').click()
  await expect(page.getByTestId('batch-notices')).toContainText('《北京日报》公告')
  await settled(page)
  await shot(page, 'batch-delivered')

  const status = withSqlite((db) =>
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM ca_loans WHERE id IN (${items5()}) AND status = 'transferred'`
      )
      .get()
  )
  expect(status.n).toBe(half)
  await expect
    .poll(
      async () =>
        (await api(owner, `/api/batch-disposal/packages/${id}/postings?perPage=100`)).byStatus
          .sent ?? 0,
      { timeout: 30_000, message: 'the outbox delivers the postings to the simulator' }
    )
    .toBe((await api(owner, `/api/batch-disposal/packages/${id}/postings?perPage=100`)).meta.total)
  await page.goto(`${BASE}/p/batch-disposal/Postings?package=${id}`)
  await expect(page.getByTestId('batch-postings')).toContainText('已记账')
  await settled(page)
  await shot(page, 'batch-postings')

  // Package two through the API: one round, two bidders, to 交割.
  const two = packages[1].id
  await ok(
    await send(owner, 'POST', `/api/batch-disposal/packages/${two}/bids`, {
      round: 1,
      bidOn: today,
      bids: [
        { bidder: '中国某某资产管理股份有限公司', amount: '160000.00' },
        { bidder: '北京某某资产管理有限公司', amount: '155000.00' },
      ],
    })
  )
  await ok(await send(owner, 'POST', `/api/batch-disposal/packages/${two}/award`, { round: 1 }))
  await ok(
    await send(owner, 'POST', `/api/batch-disposal/packages/${two}/contract`, {
      contractNo: 'PLZR-E2E-002',
      contractDate: today,
      announcementNo: 'GG-E2E-002',
    })
  )
  await ok(
    await send(owner, 'POST', `/api/batch-disposal/packages/${two}/payment`, {
      paidOn: today,
      amount: '160000.00',
    })
  )
  const delivered = await ok(
    await send(owner, 'POST', `/api/batch-disposal/packages/${two}/delivery`, {
      handoverDate: today,
    })
  )
  expect(delivered.status).toBe('delivered')
  expect((await api(owner, `/api/batch-disposal/projects/${projectId}`)).stage).toBe('closed')
})

test('批量转让台账 shows the project’s loans', async ({ page }) => {
  await login(page, 'bj_asset')
  await page.goto(`${BASE}/ledgers/batch-transfer`)
  const keyword = page.getByTestId('ledger-filter-keyword')
  await keyword.fill(projectNo)
  await page.getByTestId('ledger-search').click()
  await expect(page.getByTestId('ledger-table')).toContainText(loans[0].loan_no)
  await expect(page.getByTestId('ledger-table')).toContainText('北京某某资产管理有限公司')
  const rows = await api(
    owner,
    `/api/ledgers/batch-transfer/rows?keyword=${encodeURIComponent(projectNo)}&perPage=50`
  )
  expect(rows.meta.total).toBe(loans.length)
  await settled(page)
  await shot(page, 'batch-ledger')
})
