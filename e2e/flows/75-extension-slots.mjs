/*
| Extension slots (docs/plugins.md): 客户视图 knows nothing of disposal, yet the
| portrait of a customer with a disposal plan shows disposal's 处置预案 panel,
| because disposal's manifest puts it into customer-view's slot point
| `customer-view:customer-panels`. The plan number lands on the plan itself.
| (The kernel test plugin's loan field is proved in Japa and Vitest:
| tests/functional/extension_slots.spec.ts, frontend/tests/extension-slots.spec.ts.)
*/
import { BASE, OUT, apiLogin, api, login } from '../harness.mjs'

export default async function ({ browser, step }) {
  await step('客户视图 shows disposal’s 处置预案 panel through the slot', async () => {
    const token = await apiLogin('admin', 'Admin@12345')
    const { data } = await api(token, '/api/disposal/plans?perPage=1')
    const plan = data[0]
    if (!plan) throw new Error('the demo has no disposal plan')
    const slots = await api(token, '/api/extensions')
    if (
      !slots.slots.some(
        (s) => s.slot === 'customer-view:customer-panels' && s.plugin === 'disposal'
      )
    )
      throw new Error(`disposal's panel is not in the slot list: ${JSON.stringify(slots.slots)}`)

    const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } })
    const page = await context.newPage()
    try {
      await login(page, 'admin', 'Admin@12345')
      await page.goto(`${BASE}/p/customer-view/CustomerView?id=${plan.customerId}`)
      const panel = page.getByTestId('slot-disposal-customer-plans')
      await panel.getByText(plan.planNo).waitFor({ timeout: 15000 })
      const text = await panel.innerText()
      if (!text.includes('处置预案')) throw new Error(`panel has no title:\n${text}`)
      await panel.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${OUT}/extension-slot-customer-plans.png` })

      await panel.getByText(plan.planNo).click()
      await page.waitForURL(/\/p\/disposal\/PlanQuery\?id=\d+/, { timeout: 10000 })
      await page
        .getByTestId('plan-detail')
        .getByText(plan.planNo)
        .first()
        .waitFor({ timeout: 10000 })
    } catch (error) {
      await page
        .screenshot({ path: `${OUT}/extension-slot-failure.png`, fullPage: true })
        .catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })
}
