/*
| 案件信息登记 and 法律文书 in the browser: 张朝阳客户经理 (bj_cy_am) registers a case for
| one of his customers — customer and loans through the record pickers, the parties
| the book knows, the claims, the court fees proposed by the 诉讼费试算 — records the
| judgment (served, with its performance deadline) and sees the 上诉期 and 申请执行
| deadlines; then fills a 民事起诉状 from the case, edits it in the rich-text editor,
| saves version 2 and downloads the PDF and the .docx; registers the 受理费 in 费用管理 from the
| case; the case is a row of 诉讼台账 with that fee.
| Serial: each step works on the case the first one registered.
*/
import { readFileSync } from 'node:fs'
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  fillTestId,
  login,
  settled,
  shot,
  typeDate,
} from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 1000 } })

const CASE_NO = `（2026）京0105民初${10000 + Math.floor(Math.random() * 89999)}号`
let token
let caseId

async function pickOption(page, text) {
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

/** A customer of bj_cy_am with active loans. */
async function customerWithLoans() {
  const customers = await api(token, '/api/credit-assets/pickers/customers?perPage=50')
  for (const customer of customers.data) {
    const loans = await api(
      token,
      `/api/credit-assets/pickers/loans?customerId=${customer.value}&perPage=50`
    )
    if (loans.data.length) return { customer, loan: loans.data[0] }
  }
  throw new Error('bj_cy_am has no customer with loans')
}

test.beforeAll(async () => {
  token = await apiLogin('bj_cy_am')
})

test('案件信息登记: a case with parties from the book and proposed fees', async ({ page }) => {
  const { customer, loan } = await customerWithLoans()
  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('诉讼管理', { exact: true }).click()
  await menu.locator('[data-menu="litigation:case-register"]').click()
  await page.waitForURL(/\/p\/litigation\/cases\/CaseRegister/)

  await page.getByTestId('lit-case-register').click()
  await fillTestId(page, 'lit-case-no', CASE_NO)
  await fillTestId(page, 'lit-case-court', '北京市朝阳区人民法院')
  await page.getByTestId('lit-case-customer').click()
  await page
    .getByTestId('lit-case-customer')
    .locator('input')
    .fill(customer.hint ?? customer.label)
  await pickOption(page, customer.label)
  await page.getByTestId('lit-case-loans').click()
  await pickOption(page, loan.label)
  await page.keyboard.press('Escape')
  await typeDate(page, 'lit-case-filed-on', '2026-03-02')
  // The book's parties: the bank and the borrower are on the list.
  await expect(page.getByTestId('lit-case-parties').locator('tbody tr')).not.toHaveCount(0)
  await expect(page.getByTestId('lit-case-parties')).toContainText(customer.label.split(' ')[0])
  await fillTestId(page, 'lit-case-principal', '1000000.00')
  await fillTestId(page, 'lit-case-interest', '35678.90')
  await expect(page.getByTestId('lit-case-claim-total')).toHaveText('1,035,678.90')
  await page.getByTestId('lit-case-propose-fees').click()
  // §13 on 1,035,678.90: 50 + 2,250 + 2,000 + 4,500 + 5,000 + 0.9 % of 35,678.90 = 14,121.11.
  // el-input hands its data-testid to its <input>.
  await expect(page.locator('input[data-testid="lit-case-acceptance-fee"]')).toHaveValue('14121.11')
  await shot(page, 'litigation-case-form')
  await page.getByTestId('lit-case-save').click()
  await expect(page.getByTestId('lit-case-detail')).toBeVisible({ timeout: 20000 })
  caseId = Number(new URL(page.url()).searchParams.get('id'))
  expect(caseId).toBeGreaterThan(0)
  const saved = await api(token, `/api/litigation/cases/${caseId}`)
  expect(saved.caseNo).toBe(CASE_NO)
  expect(saved.acceptanceFee).toBe('14121.11')
  expect(saved.preservationFee).toBe('5000.00') // §14(2): capped at 5,000
})

test('裁判文书: the judgment gives the 申请执行 deadline', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/litigation/cases/CaseRegister?id=${caseId}`)
  const detail = page.getByTestId('lit-case-detail')
  await expect(detail).toBeVisible()
  await detail.getByRole('tab', { name: '裁判文书' }).click()
  await page.getByTestId('lit-add-judgment').click()
  const dialog = page.locator('.el-dialog:visible')
  await fillTestId(dialog, 'lit-record-documentNo', `${CASE_NO}民事判决书`)
  await typeDate(dialog, 'lit-record-decidedOn', '2026-06-01')
  await typeDate(dialog, 'lit-record-servedOn', '2026-06-05')
  await fillTestId(dialog, 'lit-record-principalAwarded', '1000000.00')
  await fillTestId(dialog, 'lit-record-interestAwarded', '35678.90')
  await typeDate(dialog, 'lit-record-performanceDeadline', '2026-06-30')
  await page.getByTestId('lit-record-save').click()
  await expect(page.getByTestId('lit-judgments')).toContainText('1,035,678.90')
  await detail.getByRole('tab', { name: /期限/ }).click()
  const deadlines = page.getByTestId('lit-deadlines')
  // 申请执行: two years from 2026-06-30. The 上诉期 (served 06-05, ended Monday 06-22) was over
  // before the judgment was recorded today: history, not a reminder.
  await expect(deadlines).toContainText('2028-06-30')
  await expect(deadlines).not.toContainText('上诉期')
  await settled(page)
  await shot(page, 'litigation-case-deadlines')
})

test('裁判文书 → 利息试算: the judgment opens the trial with its 迟延履行利息', async ({
  page,
}) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/litigation/cases/CaseRegister?id=${caseId}`)
  const detail = page.getByTestId('lit-case-detail')
  await detail.getByRole('tab', { name: '裁判文书' }).click()
  await page.getByTestId('lit-judgment-trial').click()
  await expect(page).toHaveURL(/\/p\/disposal\/InterestTrial\?/)
  await expect(page.getByPlaceholder('履行期限届满日')).toHaveValue('2026-06-30')
  await expect(page.getByPlaceholder('判决金钱债务（元，不含一般利息）')).toHaveValue('1035678.90')
  await settled(page)
  await shot(page, 'litigation-judgment-interest-trial')
})

test('法律文书: fill a 起诉状, edit, save version 2, download PDF and Word', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/litigation/cases/CaseRegister?id=${caseId}`)
  await page.getByTestId('lit-case-documents').click()
  await page.waitForURL(/\/p\/litigation\/documents\/LegalDocuments\?caseId=/)
  await page.getByTestId('lit-doc-apply').click()
  const editor = page.getByTestId('rte-area')
  await expect(editor).toContainText('民事起诉状')
  await expect(editor).toContainText('北京市朝阳区人民法院')
  await expect(editor).toContainText('1,000,000.00')
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('附：证据材料清单（借款合同、借据、催收通知书）。')
  await fillTestId(page, 'lit-doc-note', '补充证据清单')
  await page.getByTestId('lit-doc-save').click()
  await expect(page.getByTestId('lit-doc-version')).toContainText('第2版')
  await shot(page, 'litigation-document-editor')

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lit-doc-pdf').click(),
  ])
  expect(pdf.suggestedFilename()).toMatch(/^民事起诉状.*_第2版\.pdf$/)
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1')
  ).toBe('%PDF-')
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lit-doc-docx').click(),
  ])
  expect(word.suggestedFilename()).toMatch(/_第2版\.docx$/)
  expect(
    readFileSync(await word.path())
      .subarray(0, 2)
      .toString('latin1')
  ).toBe('PK')
  const docs = await api(token, `/api/litigation/documents?caseId=${caseId}`)
  expect(docs.data[0].currentVersion).toBe(2)
})

test('费用: the 受理费 registered in 费用管理 from the case', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/litigation/cases/CaseRegister?id=${caseId}`)
  const detail = page.getByTestId('lit-case-detail')
  await detail.getByRole('tab', { name: '费用' }).click()
  await page.getByTestId('lit-add-expense').click()
  // The case's own 受理费 is proposed; the clerk confirms it.
  await expect(page.locator('input[data-testid="lit-expense-amount"]')).toHaveValue('14121.11')
  await page.getByTestId('lit-expense-save').click()
  await expect(page.getByTestId('lit-case-expenses')).toContainText('14,121.11')
  const fees = await api(token, `/api/litigation/cases/${caseId}/expenses`)
  expect(fees.data.map((e) => e.amount)).toEqual(['14121.11'])
  await settled(page)
  await shot(page, 'litigation-case-expenses')
})

test('诉讼台账: the case is a row with its claim, fees and next deadline', async ({ page }) => {
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/ledgers/litigation-cases`)
  const table = page.getByTestId('ledger-table')
  await expect(table).toBeVisible()
  await expect(table).toContainText(CASE_NO)
  const row = table.locator('tbody tr').filter({ hasText: CASE_NO })
  await expect(row).toContainText('1,035,678.90')
  await expect(row).toContainText('14,121.11') // 费用: from 费用管理
  await settled(page)
  await shot(page, 'litigation-ledger')
  await page.goto(`${BASE}/`)
  await expect(page.getByText('诉讼案件分布')).toBeVisible({ timeout: 15000 })
  await settled(page)
  await shot(page, 'litigation-dashboard')
})
