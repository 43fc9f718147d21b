/*
| The console's core: the demo administrator signs in and sees the menu and the
| user list; a branch manager sees only their subtree and no administration
| pages; 客户视图 shows a customer's panels with simulator data, and another
| branch can open it neither in the browser nor through the API.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, shot } from '../support/helpers.mjs'

test('the demo administrator signs in and sees the menu', async ({ page }) => {
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('系统管理').click()
  await menu.getByText('权限管理').click()
  await menu.getByText('用户管理').click()
  await expect(page.getByText('bj_cy_am').first()).toBeVisible()
  await shot(page, 'admin-users')
})

test('a branch manager sees only their subtree and no administration pages', async ({ page }) => {
  await login(page, 'bj_asset')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('系统管理').click()
  // The submenu is open (权限管理 shows) before checking what it lacks.
  await expect(menu.getByText('权限管理')).toBeVisible()
  await expect(menu.getByText('菜单管理')).toHaveCount(0)
  await expect(menu.getByText('运维管理')).toHaveCount(0)
  await menu.getByText('权限管理').click()
  await menu.getByText('用户管理').click()
  await expect(page.getByText('bj_cy_am').first()).toBeVisible()
  await expect(page.getByText('hq_risk')).toHaveCount(0)
  const direct = await page.goto(`${BASE}/system/menus`)
  expect(direct?.ok(), 'the SPA route loads').toBe(true)
  await expect(page.getByText(/404|不存在|无权/).first()).toBeVisible()
  await shot(page, 'branch-users')
})

test('客户视图: a demo customer shows every panel with simulator data; another branch cannot open it', async ({
  page,
  signIn,
}) => {
  const token = await apiLogin('admin')
  const found = await api(token, '/api/customer-view/customers?perPage=200&customerType=corporate')
  // A Shanghai corporate risk customer: the Beijing branch manager must not see it.
  const risky = (c) => ['substandard', 'doubtful', 'loss'].includes(c.worstClass)
  const customer =
    found.data.find((c) => /上海/.test(c.orgName ?? '') && risky(c)) ??
    found.data.find((c) => /上海/.test(c.orgName ?? ''))
  expect(customer, 'a Shanghai customer in the demo book').toBeTruthy()

  await login(page, 'admin')
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.id}`)
  await expect(page.getByTestId('cv-basic')).toBeVisible()
  await expect(page.getByTestId('cv-loans')).toBeVisible()
  for (const id of ['graph', 'alerts', 'collections', 'creditLines']) {
    await expect(page.getByTestId(`cv-panel-${id}`)).toBeVisible()
    // Data rendered from the simulator (a chart, table rows or list items), not "unavailable".
    const withData = page
      .locator(`[data-testid="cv-panel-${id}"]:not(:has([data-testid="cv-panel-unavailable"]))`)
      .locator('canvas, .el-table__row, li')
    await expect(withData.first(), `${id} shows simulator data`).toBeAttached()
  }
  await shot(page, 'customer-view')
  await page.close() // one live page at a time: charts animating in two cost the CPU twice

  const branch = await signIn('bj_asset')
  await branch.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.id}`)
  await expect(branch.getByText(/无法打开该客户/)).toBeVisible()
  const branchToken = await apiLogin('bj_asset')
  const direct = await fetch(`${BASE}/api/customer-view/customers/${customer.id}`, {
    headers: { authorization: `Bearer ${branchToken}` },
  })
  expect(direct.status, "another branch's customer is out of scope").toBe(404)
})
