/*
| 首页视图: the Beijing branch manager's dashboard shows charts with their
| subtree's figures only (the same numbers the API gives them, smaller than the
| head office's), and a layout change survives a reload; 恢复默认 brings the
| default back. (待办 from a submitted plan is added with the workflow flow.)
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, shot } from '../support/helpers.mjs'

/** "1500000.01" yuan → "150.00" 万元 with thousands separators, as the widget shows it. */
function wan(yuan) {
  const [whole, fraction = ''] = yuan.split('.')
  const digits = whole.padStart(5, '0') + fraction
  const cut = digits.length - fraction.length - 4
  const value = BigInt(digits.slice(0, cut) + digits.slice(cut, cut + 2))
  const roundUp = Number(digits[cut + 2] ?? '0') >= 5 ? 1n : 0n
  const cents = (value + roundUp).toString().padStart(3, '0')
  const int = cents.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${int}.${cents.slice(-2)}`
}

const fen = (yuan) => BigInt(yuan.replace('.', ''))
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test.use({ viewport: { width: 1440, height: 2300 } })

test('dashboard: a branch manager sees their subtree figures; a layout change survives a reload', async ({
  page,
}) => {
  const branchToken = await apiLogin('bj_asset')
  const adminToken = await apiLogin('admin')
  const mine = await api(branchToken, '/api/dashboard/widgets/credit-assets:risk-total/data')
  const bank = await api(adminToken, '/api/dashboard/widgets/credit-assets:risk-total/data')
  expect(fen(mine.total) > 0n, 'the branch has risk assets in the demo book').toBe(true)
  expect(
    fen(mine.total) < fen(bank.total),
    `branch total ${mine.total} is below the bank total ${bank.total}`
  ).toBe(true)
  const plan = await api(branchToken, '/api/dashboard/widgets/targets:plan-completion/data')
  const ranking = await api(branchToken, '/api/dashboard/widgets/targets:org-ranking/data')
  expect(
    ranking.rows.filter((r) => !/^北京/.test(r.orgName)).map((r) => r.orgName),
    'the branch ranking shows Beijing orgs only'
  ).toEqual([])

  await login(page, 'bj_asset')
  await page.goto(`${BASE}/`)
  await expect(page.getByTestId('dashboard')).toBeVisible()
  for (const id of [
    'credit-assets:risk-total',
    'credit-assets:top-customers',
    'credit-assets:class-mix',
    'targets:plan-completion',
    'targets:org-ranking',
  ])
    await expect(page.getByTestId(`widget-${id}`).locator('canvas').first()).toBeVisible()

  const total = page.getByTestId('widget-credit-assets:risk-total').getByTestId('widget-figure')
  await expect(total.first(), '风险资产总额 in 万元 as the API gives it').toHaveText(
    new RegExp(`^${escape(wan(mine.total))}`)
  )
  await expect(total.first(), 'the branch does not see the whole bank').not.toHaveText(
    new RegExp(`^${escape(wan(bank.total))}`)
  )
  const recovery = plan.kinds.find((k) => k.kind === 'recovery')
  await expect(
    page.getByTestId('widget-targets:plan-completion').getByTestId('widget-figure').nth(1),
    '清收完成率 as the API gives it'
  ).toHaveText(new RegExp(`^${escape(recovery.rate ?? '—')}`))
  await shot(page, 'dashboard-branch')

  // Hide 五级分类分布 and save: it stays hidden after a reload.
  await page.getByTestId('dashboard-edit').click()
  await page.getByTestId('widget-hide-credit-assets:class-mix').click()
  await page.getByTestId('dashboard-save').click()
  await expect(page.getByText('布局已保存')).toBeVisible()
  await page.reload()
  await expect(
    page.getByTestId('widget-credit-assets:risk-total').locator('canvas').first()
  ).toBeVisible()
  await expect(page.getByTestId('widget-credit-assets:class-mix')).toHaveCount(0)
  const layout = await api(branchToken, '/api/dashboard/layout')
  expect(layout.custom, 'the server keeps a custom layout').toBeTruthy()
  expect(layout.items.map((i) => i.i)).not.toContain('credit-assets:class-mix')

  // 恢复默认 brings it back.
  await page.getByTestId('dashboard-edit').click()
  await page.getByTestId('dashboard-reset').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(
    page.getByTestId('widget-credit-assets:class-mix').locator('canvas').first()
  ).toBeVisible()
})
