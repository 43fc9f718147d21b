/*
| 费用管理 in the browser (administrator):
| 1. the page sits under 资产处置 in the side menu; two expenses applied through the API
|    show — one approved on submission, one above the 审批金额 waiting for approval;
| 2. 登记支付 in the page: the expense is 已支付 and its posting goes to core banking;
| 3. the detail drawer, the 费用申请 form, and the 费用台账 rows.
| Screenshots for a human: expenses-list, expenses-detail, expenses-form, expenses-ledger.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, send, settled, shot } from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })

let token
let small
let large

test.beforeAll(async () => {
  token = await apiLogin('admin')
  // 张朝阳客户经理 applies on a loan of a customer they manage (仅本人), so the approval goes to
  // 北京分行's 资产管理 (bj_asset) like a real one.
  const manager = await apiLogin('bj_cy_am')
  const customers = await api(manager, '/api/credit-assets/pickers/customers?perPage=20')
  let customerId = null
  let loanId = null
  for (const customer of customers.data) {
    const loans = await api(
      manager,
      `/api/credit-assets/pickers/loans?customerId=${customer.value}&perPage=5`
    )
    if (loans.data.length) {
      customerId = customer.value
      loanId = loans.data[0].value
      break
    }
  }
  expect(loanId, 'a loan bj_cy_am manages in the demo').toBeTruthy()
  // Yesterday (UTC): never after the demo's business date (today in Shanghai).
  const expenseDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
  const apply = async (who, extra) => {
    const response = await send(who, 'POST', '/api/expenses/expenses', {
      feeKind: 'preservation_fee',
      customerId,
      loanIds: [loanId],
      payer: '本行',
      payee: '北京市朝阳区人民法院',
      amount: '5000.00',
      expenseDate,
      recoverable: true,
      remark: 'E2E 财产保全申请费',
      ...extra,
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(201)
    return body
  }
  small = await apply(manager, {})
  large = await apply(manager, {
    feeKind: 'lawyer_fee',
    payee: '北京市某律师事务所',
    amount: '86000.00',
  })
  expect(small.status).toBe('approved')
  expect(large.status).toBe('applied')
})

test.use({ viewport: { width: 1440, height: 1000 } })

test('the page under 资产处置 › 诉讼管理 lists the expenses; 登记支付 posts the fee', async ({
  page,
}) => {
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('诉讼管理', { exact: true }).click()
  await menu.locator('[data-menu="expenses:expenses"]').click()
  await expect(page).toHaveURL(/\/p\/expenses\/ExpensePage/)
  const table = page.getByTestId('expense-table')
  await expect(table.getByText(small.expenseNo)).toBeVisible()
  await expect(table.getByText(large.expenseNo)).toBeVisible()
  await settled(page)
  await shot(page, 'expenses-list')

  const row = table.locator('tr', { hasText: small.expenseNo })
  await row.getByTestId('expense-pay').click()
  const dialog = page.getByTestId('expense-date-action')
  const input = page.getByTestId('expense-action-date').locator('input')
  await input.click()
  await input.fill(small.expenseDate)
  await input.press('Enter')
  await page.getByTestId('expense-action-save').click()
  await expect(dialog).toBeHidden()
  await expect(row.getByText('已支付')).toBeVisible()
  await expect
    .poll(async () => (await api(token, `/api/expenses/expenses/${small.id}`)).posting.state, {
      message: 'the posting reaches core banking (the demo simulator)',
      timeout: 30_000,
    })
    .toBe('posted')
})

test('the detail drawer, the application form and the 费用台账', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/expenses/ExpensePage?id=${small.id}`)
  const detail = page.getByTestId('expense-detail')
  await expect(detail.getByText(small.expenseNo)).toBeVisible()
  await expect(detail.getByText('已记账')).toBeVisible()
  await shot(page, 'expenses-detail')
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()

  await page.getByTestId('expense-create').click()
  await expect(page.getByTestId('expense-form')).toBeVisible()
  await expect(page.getByText('超过 10,000.00 元需审批')).toBeVisible()
  await shot(page, 'expenses-form')
  await page.keyboard.press('Escape')

  await page.goto(`${BASE}/ledgers/expenses`)
  const ledger = page.getByTestId('ledger-table')
  await expect(ledger.getByText(small.expenseNo)).toBeVisible()
  await expect(ledger.getByText(large.expenseNo)).toBeVisible()
  await settled(page)
  await shot(page, 'expenses-ledger')
})
