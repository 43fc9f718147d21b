/*
| 责任认定 in the browser, as the administrator: a case registered for a demo
| customer's loan (two persons, one 经济处罚 with its amount) shows under
| 日常管理 › 责任认定; its detail lists the persons and penalties; an evidence
| image is uploaded to the 影像平台 and listed with its doc number and 查看 link;
| 客户视图 shows the case through accountability's slot panel.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, send, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1100 } })
test.describe.configure({ mode: 'serial' })

let token
let customer
let caseId

test.beforeAll(async () => {
  token = await apiLogin('admin')
  const customers = await api(token, '/api/credit-assets/pickers/customers?perPage=50')
  for (const c of customers.data) {
    const loans = await api(
      token,
      `/api/credit-assets/pickers/loans?customerId=${c.value}&perPage=5`
    )
    if (!loans.data.length) continue
    customer = { id: c.value, label: c.label }
    const response = await send(token, 'POST', '/api/accountability/cases', {
      customerId: c.value,
      loanIds: [loans.data[0].value],
      lossAmount: '876543.21',
      lossOn: '2026-06-30',
      determinedOn: '2026-11-20',
      findings: '贷后检查流于形式，未及时发现借款人经营恶化，形成损失。',
      persons: [
        {
          name: '王经办',
          role: 'handler',
          finding: '未按期开展贷后检查',
          penalty: 'fine',
          penaltyAmount: '3000.00',
          penaltyOn: '2026-11-25',
        },
        { name: '李审查', role: 'reviewer', finding: '审查不严', penalty: 'criticism' },
      ],
    })
    expect(response.status, await response.clone().text()).toBe(201)
    caseId = (await response.json()).id
    return
  }
  throw new Error('the demo has no customer with loans')
})

test('责任认定: listed, detail with persons, image filed on the 影像平台', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/accountability/Cases?id=${caseId}`)
  const drawer = page.getByTestId('accountability-drawer')
  await expect(drawer.getByText('王经办')).toBeVisible({ timeout: 15000 })
  await expect(drawer.getByTestId('accountability-persons')).toContainText('经济处罚')
  await expect(drawer.getByTestId('accountability-persons')).toContainText('3,000.00')
  await expect(drawer).toContainText('876,543.21')

  await drawer.locator('input[type=file]').setInputFiles({
    name: '约谈记录.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64'
    ),
  })
  const images = drawer.getByTestId('accountability-images')
  await expect(images.getByText('约谈记录')).toBeVisible({ timeout: 15000 })
  await expect(images.getByText('查看')).toBeVisible()
  await settled(page)
  await shot(page, 'accountability-detail')

  await page.keyboard.press('Escape')
  const row = page.getByTestId('accountability-table').locator('tbody tr').first()
  await expect(row).toContainText('审批中')
  await shot(page, 'accountability-list')
})

test('客户视图 shows the case through the slot panel', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.id}`)
  const panel = page.getByTestId('slot-accountability-customer-cases')
  await expect(panel.getByText('2026-11-20')).toBeVisible({ timeout: 15000 })
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'accountability-customer-panel')
  await panel.getByText('2026-11-20').click()
  await expect(page).toHaveURL(/\/p\/accountability\/Cases\?id=\d+/)
})
