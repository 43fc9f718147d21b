/*
| Every console page, as the demo administrator (who holds every permission): each
| menu page opens without an uncaught script error, without a server error (5xx)
| and without calling an API that does not exist or refuses the page's own
| permission (404 接口不存在 / 403). A page broken by a renamed route, a missing
| permission declaration or a render error shows here before a clerk finds it.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, apiLogin, login, settled } from '../support/helpers.mjs'

/** Menu pages (type page, with a path) from /api/me's tree. */
function pages(menus, out = []) {
  for (const m of menus ?? []) {
    if (m.type === 'page' && m.path && !m.path.includes(':'))
      out.push({ path: m.path, name: m.name?.zh ?? m.code })
    pages(m.children, out)
  }
  return out
}

test('every menu page opens cleanly for the administrator', async ({ page }) => {
  test.setTimeout(900_000)
  const token = await apiLogin('admin')
  const me = await (
    await fetch(`${BASE}/api/me`, { headers: { authorization: `Bearer ${token}` } })
  ).json()
  const all = pages(me.menus)
  expect(all.length, 'the administrator sees the menu pages').toBeGreaterThan(50)

  await login(page, 'admin')
  const problems = []
  let current = ''
  page.on('pageerror', (error) => problems.push(`${current}: script error ${error.message}`))
  page.on('response', async (response) => {
    const url = new URL(response.url())
    if (!url.pathname.startsWith('/api/')) return
    const status = response.status()
    if (status >= 500) problems.push(`${current}: ${status} ${url.pathname}`)
    else if (
      status === 403 ||
      (status === 404 && (await response.text().catch(() => '')).includes('接口不存在'))
    )
      problems.push(`${current}: ${status} ${url.pathname}`)
  })
  for (const { path, name } of all) {
    current = `${name} ${path}`
    await page.goto(`${BASE}${path}`)
    await expect(page.getByTestId('side-menu')).toBeVisible()
    await settled(page)
    // Late requests of the page (widgets, lists) land before the next page starts.
    await page.waitForLoadState('networkidle').catch(() => {})
  }
  expect(problems, problems.join('\n')).toEqual([])
})
