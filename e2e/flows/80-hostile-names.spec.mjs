/*
| Hostile names (issue 12, defects 4 and 5): an org, the bank-name setting and a
| user's real name carry markup that tries to leave a <style> block and run
| script. The home page's 机构完成金额排名 tooltip and the ledger print window
| must show them as text, no injected element may exist, nothing may run, and
| the console must raise no Content-Security-Policy violation doing its normal
| work (it runs under the strict CSP and a cookie session). Names are restored.
*/
import { test, expect } from '../support/test.mjs'
import { api, apiLogin, login, send, shot } from '../support/helpers.mjs'

const PAYLOAD = `</style><script>window.__xss=1</script><img src=x onerror="window.__xss=2">`
const SHORT = `</style><img src=x onerror="window.__xss=3">` // real names hold 64 characters

async function put(token, path, body) {
  const response = await send(token, 'PUT', path, body)
  expect(response.ok, `PUT ${path}: ${response.status} ${await response.clone().text()}`).toBe(true)
}

/** Renames through the API and remembers how to undo it. */
async function hostileData(admin, undo) {
  const rankToken = await apiLogin('hq_risk')
  const ranking = await api(rankToken, '/api/dashboard/widgets/targets:org-ranking/data')
  expect(ranking.rows?.length, 'the demo has org ranking rows').toBeGreaterThan(0)
  const top = ranking.rows[0]
  const me = await api(rankToken, '/api/me')

  const renameOrg = async (id) => {
    const org = await api(admin, `/api/system/orgs/${id}`)
    const name = `${org.name}${PAYLOAD}`
    await put(admin, `/api/system/orgs/${id}`, { name })
    undo.push(() => put(admin, `/api/system/orgs/${id}`, { name: org.name }))
    return name
  }
  const names = { rankedOrg: await renameOrg(top.orgId) }
  names.userOrg = me.user.orgId === top.orgId ? names.rankedOrg : await renameOrg(me.user.orgId)

  const user = await api(admin, `/api/system/users/${me.user.id}`)
  names.realName = `${user.realName}${SHORT}`
  await put(admin, `/api/system/users/${me.user.id}`, { realName: names.realName })
  undo.push(() => put(admin, `/api/system/users/${me.user.id}`, { realName: user.realName }))

  const settings = await api(admin, '/api/system/settings')
  const list = Array.isArray(settings) ? settings : (settings.data ?? [])
  const bank = list.find((s) => s.key === 'system.bank.name')
  const bankName = bank.value ?? bank.defaultValue
  names.bank = `${bankName}${PAYLOAD}`
  await put(admin, '/api/system/settings/system.bank.name', { value: names.bank })
  undo.push(() => put(admin, '/api/system/settings/system.bank.name', { value: bankName }))
  return names
}

/** Every CSP violation and page error of a page (and its pop-ups) ends up here. */
function watch(page, problems) {
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    d.dismiss().catch(() => {})
  })
}

/** The HTML of the ranking's tooltip showing `orgName`, or null. */
const tooltipOf = (widget, orgName) =>
  widget.evaluate(
    (el, text) =>
      [...el.querySelectorAll('div')].find(
        (d) => d.textContent.includes(text) && !d.querySelector('canvas')
      )?.outerHTML ?? null,
    orgName
  )

/** Hovers the best org's bar (the top one) until its tooltip shows; returns the tooltip's HTML. */
async function rankingTooltip(page, orgName) {
  const widget = page.getByTestId('widget-targets:org-ranking')
  const canvas = widget.locator('canvas').first()
  await expect(canvas).toBeVisible()
  await canvas.scrollIntoViewIfNeeded()
  let shown = null
  // Sweep down the plot area (right of the names); retried while the chart is still animating in.
  await expect(async () => {
    const box = await canvas.boundingBox()
    for (let y = box.y + 6; y < box.y + box.height && !shown; y += 8) {
      await page.mouse.move(box.x + box.width * 0.8, y)
      shown = await tooltipOf(widget, orgName)
    }
    expect(shown, 'the ranking tooltip with the hostile org name').not.toBeNull()
  }).toPass({ timeout: 30_000 })
  return shown
}

test('hostile org, user and bank names stay text in the ranking tooltip and the print window', async ({
  browser,
}) => {
  const admin = await apiLogin('admin')
  const undo = []
  const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } })
  const problems = []
  try {
    const names = await hostileData(admin, undo)
    const page = await context.newPage()
    watch(page, problems)
    context.on('page', (p) => watch(p, problems))
    await login(page, 'hq_risk')
    // The session is an HttpOnly cookie: nothing script can read holds it.
    const storage = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
      cookie: document.cookie,
    }))
    expect(storage.local + storage.session, 'no session token in web storage').not.toMatch(/ram_/)
    expect(storage.cookie, 'the session cookie is not readable by script').not.toMatch(
      /ram_session/
    )

    await page.goto('/')
    await expect(page.getByTestId('dashboard')).toBeVisible()
    const tooltip = await rankingTooltip(page, names.rankedOrg)
    expect(
      tooltip.replace(/&lt;/g, ''),
      'the tooltip holds no markup from the org name'
    ).not.toMatch(/<img|<script/i)
    await shot(page, 'hostile-ranking-tooltip', false)

    const menu = page.getByTestId('side-menu')
    await menu.getByText('台账管理').click()
    await menu.getByText('风险资产台账', { exact: true }).click()
    await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toBeVisible({
      timeout: 30_000,
    })
    await page.getByTestId('ledger-print').click()
    // Hundreds of rows with the hostile names: the preview may take a while on a busy machine.
    await expect(page.getByTestId('ledger-print-sheet')).toBeVisible({ timeout: 60_000 })
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByTestId('ledger-print-now').click(),
    ])
    await popup.waitForLoadState()
    const printed = await popup.evaluate(() => ({
      text: document.body.innerText,
      injected: document.querySelectorAll('script, img, iframe, object').length,
      styles: document.adoptedStyleSheets.length + document.querySelectorAll('style').length,
    }))
    for (const name of [names.bank, names.userOrg, names.realName])
      expect(printed.text, `the print window shows ${name} as text`).toContain(name)
    expect(printed.injected, 'no injected elements in the print window').toBe(0)
    expect(printed.styles, 'the print window has a style sheet').toBeGreaterThan(0)
    await shot(popup, 'hostile-print-window')
    await popup.close()

    expect(await page.evaluate(() => window.__xss ?? null), 'no injected script ran').toBeNull()
    expect(problems, 'no CSP violation or page error').toEqual([])
  } finally {
    await context.close()
    for (const restore of undo.reverse()) await restore().catch(() => {})
  }
})
