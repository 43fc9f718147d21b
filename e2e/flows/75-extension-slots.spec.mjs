/*
| Extension slots (docs/plugins.md): 客户视图 knows nothing of disposal, yet the
| portrait of a customer with a disposal plan shows disposal's 处置预案 panel,
| because disposal's manifest puts it into customer-view's slot point
| `customer-view:customer-panels`. The plan number lands on the plan itself.
| (The kernel test plugin's loan field in the browser: 76-extension-fields; also Japa and Vitest:
| backend/extensions/tests/functional/extension_slots.spec.ts, frontend/tests/extension-slots.spec.ts.)
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1440, height: 1400 } })

test('客户视图 shows disposal’s 处置预案 panel through the slot', async ({ page }) => {
  const token = await apiLogin('admin')
  const { data } = await api(token, '/api/disposal/plans?perPage=1')
  const plan = data[0]
  expect(plan, 'the demo has a disposal plan').toBeTruthy()
  const slots = await api(token, '/api/extensions')
  expect(
    slots.slots.some((s) => s.slot === 'customer-view:customer-panels' && s.plugin === 'disposal'),
    `disposal's panel is in the slot list: ${JSON.stringify(slots.slots)}`
  ).toBe(true)

  await login(page, 'admin')
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${plan.customerId}`)
  const panel = page.getByTestId('slot-disposal-customer-plans')
  await expect(panel.getByText(plan.planNo)).toBeVisible({ timeout: 15000 })
  await expect(panel).toContainText('处置预案')
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'extension-slot-customer-plans')

  await panel.getByText(plan.planNo).click()
  await expect(page).toHaveURL(/\/p\/disposal\/PlanQuery\?id=\d+/)
  await expect(page.getByTestId('plan-detail').getByText(plan.planNo).first()).toBeVisible()
})
