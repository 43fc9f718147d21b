/*
| 以资抵债 in the browser. 张朝阳客户经理 (bj_cy_am) receives an asset from one of his
| loans' collateral on 抵债资产收取: the debtor and the loan are picked, 押品管理
| (demo simulator) lists the loan's collateral with its 评估价, the collateral is
| chosen, 抵债金额 and 税费 entered (入账价值 shown as their sum) and the receipt
| submitted; an ownership document is filed on 电子档案. 李北京资产 (bj_asset)
| approves it from the workflow drawer; on 抵债账务处理 the clerk posts it — the
| postings reach core banking (simulator), the 通知单 PDF prints, the asset is in
| the 抵债资产 module — and 抵债资产收取台账 shows the row.
| The flow picks its own loan: one of bj_cy_am's with collateral that no other
| flow's disposal touched.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
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

let clerk
let loan
let today
let receiptId
let receiptNo

test.beforeAll(async () => {
  clerk = await apiLogin('bj_cy_am')
  ;({ today, loan } = foreclosureLoan({ minFen: 1000000 }))
})

test('撤回: a draft withdrawn from the list frees its loan for the receipt below', async ({
  page,
}) => {
  const res = await send(clerk, 'POST', '/api/foreclosure/receipts', {
    loanIds: [loan.id],
    way: 'agreement',
    source: 'other_asset',
    assetClass: 'movable',
    assetName: '债务人自有车辆一台',
    agreedValue: '1000.00',
    taxesAndFees: '0.00',
    appraisedValue: '1000.00',
    acquiredOn: today,
    reasons: '协商以车辆抵偿剩余欠款。',
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const draft = await res.json()

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosure/Receipts`)
  await fillTestId(page, 'fc-keyword', draft.receiptNo)
  await page.locator('.list-page__filters .el-button--primary').click()
  const row = page.getByTestId('fc-list').locator('tbody tr', { hasText: draft.receiptNo })
  await expect(row).toContainText('草稿')
  await row.getByTestId(`fc-withdraw-${draft.id}`).click()
  await page.locator('.el-message-box__input input').fill('债务人改为现金清偿')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(row).toContainText('已撤回')
  await settled(page)
  await shot(page, 'foreclosure-withdrawn')
  expect((await api(clerk, `/api/foreclosure/receipts/${draft.id}`)).status).toBe('withdrawn')
  expect(
    withSqlite((db) =>
      db.prepare('SELECT COUNT(*) AS n FROM foreclosure_locks WHERE receipt_id = ?').get(draft.id)
    ).n
  ).toBe(0)
})

test("抵债资产收取: from the loan's collateral (押品管理), submitted, document filed", async ({
  page,
}) => {
  expect(loan, 'bj_cy_am has an active loan under 500 000.00 with collateral').toBeTruthy()
  const principal = (BigInt(loan.balance_fen) / 100n).toString()

  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('以资抵债', { exact: true }).click()
  await menu.getByText('抵债资产收取', { exact: true }).click()
  await page.waitForURL(/\/p\/foreclosure\/Receipts/)
  await page.getByTestId('fc-new').click()

  await chooseOption(page, page.getByTestId('fc-customer'), loan.customer_name)
  await chooseOption(page, page.getByTestId('fc-loans'), loan.loan_no)
  // 押品管理 answers with the loan's collateral and its 评估价; choosing it fills the asset.
  const collaterals = page.getByTestId('fc-collaterals')
  await expect(collaterals).toContainText(loan.collateral_ref)
  await expect(page.getByTestId('fc-collateral-unavailable')).toHaveCount(0)
  await collaterals.locator('.el-table__row', { hasText: loan.collateral_ref }).click()
  await expect(
    page.locator('input[data-testid="fc-asset-name"], [data-testid="fc-asset-name"] input').first()
  ).not.toHaveValue('')
  await fillTestId(page, 'fc-location', '北京市朝阳区某路8号')
  await fillTestId(page, 'fc-agreed', `${principal}.00`)
  await fillTestId(page, 'fc-taxes', '1234.56')
  const book = (BigInt(principal) + 1234n).toString()
  await expect(page.getByTestId('fc-book-value')).toContainText(
    `${Number(book).toLocaleString('en-US')}.56`
  )
  await typeDateInto(page.locator('.el-dialog:visible .el-date-editor input').nth(1), today)
  await fillTestId(page, 'fc-reasons', '借款人无力清偿，双方协商以抵押房产抵偿债务。')
  await settled(page)
  await shot(page, 'foreclosure-form')
  await page.getByTestId('fc-save-submit').click()

  await expect(page.getByTestId('fc-detail')).toContainText('审批中')
  await expect(page.getByTestId('fc-detail')).toContainText('押品管理已核对')
  receiptId = Number(new URL(page.url()).searchParams.get('id'))
  const detail = await api(clerk, `/api/foreclosure/receipts/${receiptId}`)
  receiptNo = detail.receiptNo
  expect(detail.collateralRef).toBe(loan.collateral_ref)
  expect(detail.loans[0].settled.principal).toBe(`${principal}.00`)

  // 权属转移资料 filed on 电子档案 (simulator).
  await page.getByTestId('fc-doc-file').setInputFiles({
    name: '执行裁定书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 e2e ruling'),
  })
  await page.getByTestId('fc-doc-upload').click()
  await expect(page.getByTestId('fc-documents')).toContainText('执行裁定书.pdf')
  await settled(page)
  await shot(page, 'foreclosure-receipt')
})

test('approved from the workflow drawer; 抵债账务处理 posts it; the asset is booked', async ({
  page,
  signIn,
}) => {
  const instance = withSqlite((db) =>
    db
      .prepare(
        `SELECT id FROM wf_instances WHERE type_code = 'foreclosure:receipt' AND business_id = ?`
      )
      .get(String(receiptId))
  )
  const approver = await signIn('bj_asset')
  await approver.goto(`${BASE}/workflow/instances/${instance.id}`)
  await expect(approver.getByTestId('workflow-action-approve')).toBeVisible()
  await approveInDrawer(approver, '同意以资抵债')
  expect((await api(clerk, `/api/foreclosure/receipts/${receiptId}`)).status).toBe('approved')

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/foreclosure/Postings`)
  await expect(page.getByTestId('fc-list')).toContainText(receiptNo)
  await page.getByTestId('fc-list').getByText(receiptNo).click()
  await page.getByTestId('fc-post').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(page.getByTestId('fc-detail')).toContainText('已入账')
  await expect
    .poll(
      async () =>
        (await api(clerk, `/api/foreclosure/receipts/${receiptId}/postings`)).data.every(
          (p) => p.status === 'sent'
        ),
      { timeout: 30_000, message: 'the outbox delivers the postings to the simulator' }
    )
    .toBe(true)
  // Acknowledged: the book's balance goes down by the principal settled (the page's read
  // carries it into the book), leaving the fen the whole-yuan 抵债金额 did not cover.
  await api(clerk, `/api/foreclosure/receipts/${receiptId}/postings`)
  const booked = withSqlite((db) =>
    db.prepare('SELECT CAST(balance_fen AS TEXT) AS fen FROM ca_loans WHERE id = ?').get(loan.id)
  )
  expect(BigInt(booked.fen)).toBe(BigInt(loan.balance_fen) % 100n)
  await page.reload()
  await expect(page.getByTestId('fc-postings')).toContainText('已记账')
  await expect(page.getByTestId('fc-postings')).toContainText('抵债资产入账')
  await settled(page)
  await shot(page, 'foreclosure-postings')

  const pdf = await fetch(`${BASE}/api/foreclosure/receipts/${receiptId}/notice/pdf`, {
    headers: { authorization: `Bearer ${clerk}` },
  })
  expect(pdf.status).toBe(200)
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString('latin1')
  ).toBe('%PDF-')

  // The 抵债资产 module holds the asset at 入账价值.
  const asset = withSqlite((db) =>
    db.prepare(`SELECT * FROM foreclosed_assets WHERE receipt_ref = ?`).get(`receipt:${receiptId}`)
  )
  expect(asset).toBeTruthy()
  await expect(page.getByTestId('fc-asset')).toContainText(asset.asset_no)
})

test('抵债资产收取台账 shows the row', async ({ signIn }) => {
  const page = await signIn('bj_asset')
  await page.goto(`${BASE}/ledgers/foreclosure-receipts?keyword=${receiptNo}`)
  await expect(page.getByTestId('ledger-table')).toContainText(receiptNo)
  await expect(page.getByTestId('ledger-table')).toContainText('1,234.56')
  await settled(page)
  await shot(page, 'foreclosure-ledger')
})
