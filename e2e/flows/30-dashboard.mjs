/*
| 首页视图: the Beijing branch manager's dashboard shows charts with their
| subtree's figures only (the same numbers the API gives them, smaller than the
| head office's), and a layout change survives a reload; 恢复默认 brings the
| default back. (待办 from a submitted plan is added with the workflow flow.)
*/
import { BASE, OUT, api, apiLogin, login } from '../harness.mjs'

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

const figureOf = (page, id) =>
  page.getByTestId(`widget-${id}`).getByTestId('widget-figure').first().innerText()

export default async function ({ browser, step }) {
  await step(
    'dashboard: a branch manager sees their subtree figures; a layout change survives a reload',
    async () => {
      const branchToken = await apiLogin('bj_asset', 'Asset@12345')
      const adminToken = await apiLogin('admin', 'Admin@12345')
      const mine = await api(branchToken, '/api/dashboard/widgets/credit-assets:risk-total/data')
      const bank = await api(adminToken, '/api/dashboard/widgets/credit-assets:risk-total/data')
      if (!(BigInt(mine.total.replace('.', '')) > 0n))
        throw new Error('the branch has no risk assets in the demo book')
      if (!(BigInt(mine.total.replace('.', '')) < BigInt(bank.total.replace('.', ''))))
        throw new Error(`branch total ${mine.total} is not below the bank total ${bank.total}`)
      const plan = await api(branchToken, '/api/dashboard/widgets/targets:plan-completion/data')
      const ranking = await api(branchToken, '/api/dashboard/widgets/targets:org-ranking/data')
      if (ranking.rows.some((r) => !/^北京/.test(r.orgName)))
        throw new Error(
          `the branch ranking shows other orgs: ${ranking.rows.map((r) => r.orgName)}`
        )

      const page = await browser.newPage({ viewport: { width: 1440, height: 2300 } })
      try {
        await checkInBrowser(page, mine, bank, plan, branchToken)
      } catch (error) {
        await page
          .screenshot({ path: `${OUT}/dashboard-failure.png`, fullPage: true })
          .catch(() => {})
        throw error
      } finally {
        await page.close()
      }
    }
  )
}

async function checkInBrowser(page, mine, bank, plan, branchToken) {
  await login(page, 'bj_asset', 'Asset@12345')
  await page.goto(`${BASE}/`)
  await page.getByTestId('dashboard').waitFor({ timeout: 15000 })
  for (const id of [
    'credit-assets:risk-total',
    'credit-assets:top-customers',
    'credit-assets:class-mix',
    'targets:plan-completion',
    'targets:org-ranking',
  ])
    await page.getByTestId(`widget-${id}`).locator('canvas').first().waitFor({ timeout: 15000 })

  const shown = await figureOf(page, 'credit-assets:risk-total')
  if (!shown.startsWith(wan(mine.total)))
    throw new Error(`风险资产总额 shows ${shown}, the API says ${wan(mine.total)} 万元`)
  if (shown.startsWith(wan(bank.total))) throw new Error('the branch sees the whole bank')
  const recovery = plan.kinds.find((k) => k.kind === 'recovery')
  const rateShown = await page
    .getByTestId('widget-targets:plan-completion')
    .getByTestId('widget-figure')
    .nth(1)
    .innerText()
  if (!rateShown.startsWith(recovery.rate ?? '—'))
    throw new Error(`清收完成率 shows ${rateShown}, the API says ${recovery.rate}`)
  await page.waitForTimeout(800) // let the charts finish their entry animation
  await page.screenshot({ path: `${OUT}/dashboard-branch.png`, fullPage: true })

  // Hide 五级分类分布 and save: it stays hidden after a reload.
  await page.getByTestId('dashboard-edit').click()
  await page.getByTestId('widget-hide-credit-assets:class-mix').click()
  await page.getByTestId('dashboard-save').click()
  await page.getByText('布局已保存').waitFor({ timeout: 10000 })
  await page.reload()
  await page
    .getByTestId('widget-credit-assets:risk-total')
    .locator('canvas')
    .first()
    .waitFor({ timeout: 15000 })
  if (await page.getByTestId('widget-credit-assets:class-mix').count())
    throw new Error('the hidden widget came back after a reload')
  const layout = await api(branchToken, '/api/dashboard/layout')
  if (!layout.custom || layout.items.some((i) => i.i === 'credit-assets:class-mix'))
    throw new Error('the server did not keep the layout')

  // 恢复默认 brings it back.
  await page.getByTestId('dashboard-edit').click()
  await page.getByTestId('dashboard-reset').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page
    .getByTestId('widget-credit-assets:class-mix')
    .locator('canvas')
    .first()
    .waitFor({ timeout: 15000 })
}
