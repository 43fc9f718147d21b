/*
| 时效管理 and the holiday calendar (administrator): the demo ships the arrangements
| 2015–2026, so a period ending in a later year (the 20-year limit, a 诉讼时效 running
| into 2027 …) is flagged — in the list beside the end date, and in the loan's drawer,
| which also shows where each event came from (来源).
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1440, height: 1000 } })

test('a period ending in a year without an arrangement is flagged', async ({ page }) => {
  const token = await apiLogin('admin')
  const { data } = await api(token, '/api/disposal/limitation/assets?perPage=200')
  const flagged = data.find((r) => r.calendarMissing)
  expect(flagged, 'a risk asset whose main period ends after 2026').toBeTruthy()
  const years = await api(token, '/api/system/holidays/years')
  expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2015, 2020, 2026]))

  await login(page, 'admin')
  await page.goto(`${BASE}/p/disposal/LimitationAssets`)
  await settled(page)
  await expect(page.getByTestId('limitation-calendar-missing').first()).toBeVisible()
  await shot(page, 'limitation-calendar-list')

  await page.goto(`${BASE}/p/disposal/LimitationAssets?loanId=${flagged.loanId}`)
  const drawer = page.getByTestId('limitation-drawer')
  await expect(drawer.getByText('年节假日安排未导入').first()).toBeVisible()
  await expect(drawer.getByTestId('limitation-events').getByText('来源')).toBeVisible()
  await shot(page, 'limitation-calendar-drawer')
})
