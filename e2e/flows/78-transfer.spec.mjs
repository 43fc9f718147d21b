/*
| 债权转让 and 资产重组 in the browser. 张朝阳客户经理 (bj_cy_am) applies to transfer
| one of his loans (through the API: the form is the same RecordPicker dialog as
| elsewhere) and 李北京资产 (bj_asset) approves it from the workflow drawer; on
| 债权转让结果登记 the registration is refused while the notices are unserved
| (民法典 §546), the notices are served in the browser, the fee is recorded on
| 费用管理, the result is registered; 账务处理 shows the postings applied by core
| banking (demo simulator); the loan is 已转让. A 重组方案 (展期) is approved and
| shows its 观察期 and, in 客户视图, the loan's 重组 flag and new maturity; 非批量转让台账 and
| 资产重组台账 show both rows.
*/
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

let applicant
let loans
let appId
let appNo
let today

/** An Element Plus date picker's input: typed, then confirmed. */
async function fillDate(input, value) {
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

test.beforeAll(async () => {
  applicant = await apiLogin('bj_cy_am')
})

test('债权转让申请: applied and approved from the workflow drawer', async ({ page, signIn }) => {
  loans = withSqlite((db) => {
    const day = db.prepare('SELECT business_date FROM business_day WHERE id = 1').get()
    today = String(day?.business_date ?? new Date().toISOString()).slice(0, 10)
    return db
      .prepare(
        `SELECT l.id, l.loan_no, CAST(l.balance_fen AS TEXT) AS balance_fen FROM ca_loans l
           JOIN users u ON u.id = l.manager_id
          WHERE u.username = 'bj_cy_am' AND l.status = 'active'
            AND l.balance_fen BETWEEN 1000000 AND 80000000
            AND NOT EXISTS (SELECT 1 FROM ca_asset_claims k WHERE k.loan_id = l.id)
          ORDER BY l.id DESC LIMIT 2`
      )
      .all()
  })
  expect(loans.length, 'bj_cy_am has two active loans under 800 000.00').toBe(2)
  const transferLoan = loans[0]
  const created = await send(applicant, 'POST', '/api/transfer/applications', {
    loanIds: [transferLoan.id],
    transferee: '华融某某资产管理股份有限公司',
    method: 'agreement',
    valuation: '9000.00',
    reservePrice: '8000.00',
    price: '8500.00',
    reasons: '借款人停业，担保人无代偿能力，经评估协议转让回收现金。',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const body = await created.json()
  appId = body.id
  appNo = body.appNo
  expect(body.notices.length).toBeGreaterThanOrEqual(1)
  expect((await send(applicant, 'POST', `/api/transfer/applications/${appId}/submit`)).status).toBe(
    200
  )

  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('债权转让', { exact: true }).click()
  await menu.getByText('债权转让申请', { exact: true }).click()
  await page.waitForURL(/\/p\/transfer\/Applications/)
  await expect(page.getByTestId('transfer-list')).toContainText(appNo)
  await expect(page.getByTestId('transfer-list')).toContainText('审批中')
  await settled(page)
  await shot(page, 'transfer-list')

  const instance = withSqlite((db) =>
    db
      .prepare(
        `SELECT id FROM wf_instances WHERE type_code = 'transfer:application' AND business_id = ?`
      )
      .get(String(appId))
  )
  const approver = await signIn('bj_asset')
  await approver.goto(`${BASE}/workflow/instances/${instance.id}`)
  await expect(approver.getByTestId('workflow-action-approve')).toBeVisible()
  await approveInDrawer(approver, '同意转让')
  const approved = await api(applicant, `/api/transfer/applications/${appId}`)
  expect(approved.status).toBe('approved')
})

test('结果登记 refused until the notices are served; fee, result, postings; the loan is 已转让', async ({
  page,
}) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/transfer/Results?id=${appId}`)
  await expect(page.getByTestId('transfer-detail')).toContainText(appNo)
  // Refused (409, §546) while any notice is unserved.
  const early = await send(applicant, 'POST', `/api/transfer/applications/${appId}/result`, {
    contractNo: 'ZRHT-E2E-001',
    paidOn: today,
    paidAmount: '8500.00',
    transferDate: today,
  })
  expect(early.status).toBe(409)
  expect((await early.json()).message).toContain('第五百四十六条')
  await settled(page)
  await shot(page, 'transfer-notices-unserved')

  const detail = await api(applicant, `/api/transfer/applications/${appId}`)
  for (const notice of detail.notices) {
    await page.getByTestId('transfer-serve').first().click()
    await fillDate(page.locator('.el-dialog:visible .el-date-editor input').first(), today)
    await fillTestId(page, 'transfer-proof', `EMS${notice.id}0000001`)
    await page.getByTestId('transfer-serve-save').click()
    await expect(page.getByTestId('transfer-notices')).toContainText(`EMS${notice.id}0000001`)
  }
  await settled(page)
  await shot(page, 'transfer-notices-served')

  // 费用管理: an 评估费 recorded through the expenses plugin.
  await page.goto(`${BASE}/p/transfer/Fees?id=${appId}`)
  await expect(page.getByTestId('transfer-detail')).toBeVisible()
  const fee = await send(applicant, 'POST', `/api/transfer/applications/${appId}/fees`, {
    feeKind: 'appraisal_fee',
    payee: '某某资产评估事务所',
    amount: '600.00',
    expenseDate: today,
    recoverable: false,
  })
  expect(fee.status, await fee.clone().text()).toBe(201)
  await page.reload()
  await expect(page.getByTestId('transfer-fees')).toContainText('600.00')
  await settled(page)
  await shot(page, 'transfer-fees')

  await page.goto(`${BASE}/p/transfer/Results?id=${appId}`)
  await fillTestId(page, 'transfer-contract', 'ZRHT-E2E-001')
  await fillTestId(page, 'transfer-paid', '8500.00')
  for (const n of [0, 1])
    await fillDate(page.locator('.transfer-form .el-date-editor input').nth(n), today)
  await page.getByTestId('transfer-register').click()
  await expect(page.getByTestId('transfer-detail')).toContainText('已转让')
  await settled(page)
  await shot(page, 'transfer-result')

  await expect
    .poll(
      async () =>
        (await api(applicant, `/api/transfer/applications/${appId}/postings`)).data.every(
          (p) => p.status === 'sent'
        ),
      { timeout: 30_000, message: 'the outbox delivers the postings to the simulator' }
    )
    .toBe(true)
  await page.goto(`${BASE}/p/transfer/Postings?id=${appId}`)
  await expect(page.getByTestId('transfer-postings')).toContainText('已记账')
  await settled(page)
  await shot(page, 'transfer-postings')
  const status = withSqlite((db) =>
    db.prepare('SELECT status FROM ca_loans WHERE id = ?').get(loans[0].id)
  )
  expect(status.status).toBe('transferred')
})

let planNo

test('资产重组: a 展期 plan approved, 观察期 shown', async ({ page, signIn }) => {
  const created = await send(applicant, 'POST', '/api/restructuring/plans', {
    loanIds: [loans[1].id],
    method: 'extension',
    effectiveOn: today,
    newMaturityDate: '2030-12-31',
    newRate: '0.0435',
    terms: '展期至 2030 年末，按季付息，到期还本',
    reasons: '借款人经营周转暂时困难，仍有还款意愿，展期缓解现金流压力。',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const plan = await created.json()
  planNo = plan.planNo
  expect((await send(applicant, 'POST', `/api/restructuring/plans/${plan.id}/submit`)).status).toBe(
    200
  )
  const instance = withSqlite((db) =>
    db
      .prepare(
        `SELECT id FROM wf_instances WHERE type_code = 'restructuring:plan' AND business_id = ?`
      )
      .get(String(plan.id))
  )
  const approver = await signIn('bj_asset')
  await approver.goto(`${BASE}/workflow/instances/${instance.id}`)
  await expect(approver.getByTestId('workflow-action-approve')).toBeVisible()
  await approveInDrawer(approver, '同意重组')

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/restructuring/Plans?id=${plan.id}`)
  await expect(page.getByTestId('restructuring-detail')).toContainText('观察期')
  await expect(page.getByTestId('restructuring-detail')).toContainText('6 个月')
  await settled(page)
  await shot(page, 'restructuring-plan')

  // The book takes the new terms: 客户视图 flags the loan 重组 with its new maturity.
  const { customer_id: customerId } = withSqlite((db) =>
    db.prepare('SELECT customer_id FROM ca_loans WHERE id = ?').get(loans[1].id)
  )
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${customerId}`)
  const loanRow = page
    .getByTestId('cv-loans')
    .locator('tbody tr', { hasText: loans[1].loan_no })
    .first()
  await expect(loanRow.getByTestId('cv-restructured')).toBeVisible()
  await expect(loanRow).toContainText('2030-12-31')
  await settled(page)
  await shot(page, 'restructuring-customer-view')
})

test('台账: 非批量转让台账 and 资产重组台账 show the rows', async ({ signIn }) => {
  const page = await signIn('bj_asset')
  await page.goto(`${BASE}/ledgers/transfer-single?keyword=${appNo}`)
  await expect(page.getByTestId('ledger-table')).toContainText(appNo)
  await expect(page.getByTestId('ledger-table')).toContainText('8,500.00')
  await settled(page)
  await shot(page, 'transfer-ledger')
  await page.goto(`${BASE}/ledgers/restructuring-plans?keyword=${planNo}`)
  await expect(page.getByTestId('ledger-table')).toContainText(planNo)
  await settled(page)
  await shot(page, 'restructuring-ledger')
})
