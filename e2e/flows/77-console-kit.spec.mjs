/*
| Console kit (docs/plugins.md "Console kit"): a `?id=` deep link lands on the
| record, not on a list, and the pickers offer only what the user's data scope
| holds — 李北京资产 (北京分行, own org and below) never finds 上海's records.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1440, height: 1000 } })

test('a ?id= link opens the loan; the pickers search within the user’s scope', async ({ page }) => {
  const admin = await apiLogin('admin')
  const all = await api(admin, '/api/credit-assets/risk-assets?perPage=200')
  const shanghai = all.data.find((r) => String(r.orgName).startsWith('上海'))
  expect(shanghai, 'the demo has a Shanghai risk asset').toBeTruthy()

  const token = await apiLogin('bj_asset')
  const mine = await api(token, '/api/credit-assets/risk-assets?perPage=1')
  const loan = mine.data[0]
  expect(loan, 'the Beijing branch has a risk asset').toBeTruthy()

  // The risk-asset picker finds the branch's own loan, and not Shanghai's by its number.
  const own = await api(
    token,
    `/api/credit-assets/pickers/risk-assets?value=loan&keyword=${encodeURIComponent(loan.loanNo)}`
  )
  expect(own.data.map((o) => o.value)).toContain(loan.loanId)
  const foreign = await api(
    token,
    `/api/credit-assets/pickers/risk-assets?value=loan&keyword=${encodeURIComponent(shanghai.loanNo)}`
  )
  expect(foreign.total, 'a Shanghai loan is never offered to Beijing').toBe(0)
  // The people picker: Beijing's people, nobody of Shanghai.
  const people = await api(token, '/api/pickers/users?keyword=%E4%B8%8A%E6%B5%B7&perPage=50')
  expect(people.total).toBe(0)

  await login(page, 'bj_asset')
  await page.goto(`${BASE}/p/credit-assets/RiskAssets?id=${loan.loanId}`)
  const drawer = page.locator('.el-drawer').filter({ hasText: loan.loanNo })
  await expect(drawer).toBeVisible({ timeout: 15000 })
  await settled(page)
  await shot(page, 'console-kit-deep-link')
  await page.keyboard.press('Escape')
  await expect(page).not.toHaveURL(/[?&]id=/)

  // The org filter of 处置预案查询 is the scoped OrgPicker: 北京's tree, no 上海.
  await page.goto(`${BASE}/p/disposal/PlanQuery`)
  await page.locator('.el-select[data-testid=plan-filter-org]').click()
  const tree = page.locator('.el-tree-select__popper:visible, .el-select__popper:visible').last()
  await expect(tree.getByText('北京分行')).toBeVisible()
  await expect(tree.getByText('北京朝阳支行')).toBeVisible()
  await expect(tree.getByText('上海分行')).toHaveCount(0)
  await shot(page, 'console-kit-org-picker')
  await tree.getByText('北京朝阳支行').click()
  await page.getByTestId('plan-search').click()
  await settled(page)
  await expect(page.getByTestId('plans-table')).toBeVisible()
  await shot(page, 'console-kit-list-page')
})
