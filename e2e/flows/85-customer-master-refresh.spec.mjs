/*
| 客户视图 › 客户中心比对: 客户中心 (demo simulator) now holds a new name for a
| customer; the administrator opens the customer, compares, applies the name —
| and the portrait's header shows the new name at once, without a page reload
| (the panel tells the portrait, which re-reads it in place).
*/
import { test, expect } from '../support/test.mjs'
import { SIMULATOR, api, apiLogin, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })

test('客户中心 refresh: the header name updates in place', async ({ page }) => {
  const admin = await apiLogin('admin')
  const { data } = await api(admin, '/api/credit-assets/pickers/customers?perPage=1')
  expect(data.length, 'the demo has customers').toBeGreaterThan(0)
  const customerId = data[0].value
  const portrait = await api(admin, `/api/customer-view/customers/${customerId}`)
  const { customerNo, name } = portrait.customer
  const renamed = `${name}（更名${Date.now() % 100000}）`
  const told = await fetch(`${SIMULATOR}/__sim/customer-center/profiles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerNo, name: renamed }),
  })
  expect(told.status, await told.clone().text()).toBe(200)

  await login(page, 'admin')
  await page.goto(`/p/customer-view/CustomerView?id=${customerId}`)
  const header = page.getByTestId('cv-name')
  await expect(header).toHaveText(name)
  // A marker on the window: a page reload would drop it.
  await page.evaluate(() => (window.__noReload = true))

  await page.getByTestId('slot-monitoring').getByTestId('master-compare').click()
  await expect(page.getByTestId('master-diff')).toContainText(renamed)
  await page.getByTestId('master-apply').click()
  await expect(page.getByTestId('master-applied')).toContainText(renamed)
  await expect(header).toHaveText(renamed)
  expect(await page.evaluate(() => window.__noReload)).toBe(true)
  await settled(page)
  await shot(page, 'customer-master-refreshed')
})
