/*
| Hostile names (issue 12, defects 4 and 5): an org, the bank-name setting and a
| user's real name carry markup that tries to leave a <style> block and run
| script. The home page's 机构完成金额排名 tooltip and the ledger print window
| must show them as text, no injected element may exist, nothing may run, and
| the console must raise no Content-Security-Policy violation doing its normal
| work (it runs under the strict CSP and a cookie session). Names are restored.
*/
import { BASE, OUT, api, apiLogin, login } from '../harness.mjs'

const PAYLOAD = `</style><script>window.__xss=1</script><img src=x onerror="window.__xss=2">`
const SHORT = `</style><img src=x onerror="window.__xss=3">` // real names hold 64 characters

async function send(token, method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => null)
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/** Renames through the API and remembers how to undo it. */
async function hostileData(admin) {
  const undo = []
  const rankToken = await apiLogin('hq_risk', 'Risk@12345')
  const ranking = await api(rankToken, '/api/dashboard/widgets/targets:org-ranking/data')
  if (!ranking.rows?.length) throw new Error('the demo has no org ranking rows')
  const top = ranking.rows[0]
  const me = await api(rankToken, '/api/me')

  const renameOrg = async (id) => {
    const org = await api(admin, `/api/system/orgs/${id}`)
    const name = `${org.name}${PAYLOAD}`
    await send(admin, 'PUT', `/api/system/orgs/${id}`, { name })
    undo.push(() => send(admin, 'PUT', `/api/system/orgs/${id}`, { name: org.name }))
    return name
  }
  const names = { rankedOrg: await renameOrg(top.orgId) }
  names.userOrg = me.user.orgId === top.orgId ? names.rankedOrg : await renameOrg(me.user.orgId)

  const user = await api(admin, `/api/system/users/${me.user.id}`)
  names.realName = `${user.realName}${SHORT}`
  await send(admin, 'PUT', `/api/system/users/${me.user.id}`, { realName: names.realName })
  undo.push(() =>
    send(admin, 'PUT', `/api/system/users/${me.user.id}`, { realName: user.realName })
  )

  const settings = await api(admin, '/api/system/settings')
  const list = Array.isArray(settings) ? settings : (settings.data ?? [])
  const bank = list.find((s) => s.key === 'system.bank.name')
  const bankName = bank.value ?? bank.defaultValue
  names.bank = `${bankName}${PAYLOAD}`
  await send(admin, 'PUT', '/api/system/settings/system.bank.name', { value: names.bank })
  undo.push(() => send(admin, 'PUT', '/api/system/settings/system.bank.name', { value: bankName }))
  return { names, undo }
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

async function rankingTooltip(page, names) {
  const widget = page.getByTestId('widget-targets:org-ranking')
  const canvas = widget.locator('canvas').first()
  await canvas.waitFor({ timeout: 15000 })
  await canvas.scrollIntoViewIfNeeded()
  await page.waitForTimeout(800) // entry animation
  const box = await canvas.boundingBox()
  // The best org is the top bar; sweep down the plot area (right of the names) until its tooltip shows.
  for (let y = box.y + 6; y < box.y + box.height; y += 8) {
    await page.mouse.move(box.x + box.width * 0.8, y)
    await page.waitForTimeout(120)
    const shown = await widget.evaluate(
      (el, text) =>
        [...el.querySelectorAll('div')].find(
          (d) => d.textContent.includes(text) && !d.querySelector('canvas')
        )?.outerHTML ?? null,
      names.rankedOrg
    )
    if (shown) return shown
  }
  const seen = await widget.evaluate((el) =>
    [...el.querySelectorAll('div')]
      .filter((d) => d.textContent.includes('No.') && !d.querySelector('canvas'))
      .map((d) => d.textContent)
  )
  throw new Error(`the ranking tooltip with the hostile org name never appeared: ${seen}`)
}

export default async function ({ browser, step }) {
  await step(
    'hostile org, user and bank names stay text in the ranking tooltip and the print window',
    async () => {
      const admin = await apiLogin('admin', 'Admin@12345')
      const { names, undo } = await hostileData(admin)
      const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } })
      const page = await context.newPage()
      const problems = []
      watch(page, problems)
      context.on('page', (p) => watch(p, problems))
      try {
        await login(page, 'hq_risk', 'Risk@12345')
        // The session is an HttpOnly cookie: nothing script can read holds it.
        const storage = await page.evaluate(() => ({
          local: JSON.stringify(localStorage),
          session: JSON.stringify(sessionStorage),
          cookie: document.cookie,
        }))
        if (/ram_/.test(storage.local + storage.session) || /ram_session/.test(storage.cookie))
          throw new Error(`the session token is readable by script: ${JSON.stringify(storage)}`)

        await page.goto(`${BASE}/`)
        await page.getByTestId('dashboard').waitFor({ timeout: 15000 })
        const tooltip = await rankingTooltip(page, names)
        if (/<img|<script/i.test(tooltip.replace(/&lt;/g, '')))
          throw new Error(`the tooltip holds markup from the org name: ${tooltip}`)
        await page.screenshot({ path: `${OUT}/hostile-ranking-tooltip.png` })

        const menu = page.getByTestId('side-menu')
        await menu.getByText('台账管理').click()
        await menu.getByText('风险资产台账').click()
        await page
          .getByTestId('ledger-table')
          .locator('tbody tr')
          .first()
          .waitFor({ timeout: 30000 })
        await page.getByTestId('ledger-print').click()
        const sheet = page.getByTestId('ledger-print-sheet')
        // Hundreds of rows with the hostile names: the preview may take a while on a busy machine.
        await sheet.waitFor({ timeout: 60000 })
        const [popup] = await Promise.all([
          page.waitForEvent('popup'),
          page.getByTestId('ledger-print-now').click(),
        ])
        await popup.waitForLoadState()
        const printed = await popup.evaluate(() => ({
          title: document.title,
          text: document.body.innerText,
          injected: document.querySelectorAll('script, img, iframe, object').length,
          styles: document.adoptedStyleSheets.length + document.querySelectorAll('style').length,
        }))
        for (const name of [names.bank, names.userOrg, names.realName])
          if (!printed.text.includes(name)) throw new Error(`the print window lacks ${name}`)
        if (printed.injected) throw new Error(`${printed.injected} injected elements in print`)
        if (!printed.styles) throw new Error('the print window has no style sheet')
        await popup.screenshot({ path: `${OUT}/hostile-print-window.png` })
        await popup.close()

        const ran = await page.evaluate(() => window.__xss ?? null)
        if (ran !== null) throw new Error(`injected script ran (window.__xss = ${ran})`)
        if (problems.length) throw new Error(`CSP violations or errors:\n${problems.join('\n')}`)
      } catch (error) {
        await page
          .screenshot({ path: `${OUT}/hostile-failure.png`, fullPage: true })
          .catch(() => {})
        throw error
      } finally {
        await context.close()
        for (const restore of undo.reverse()) await restore().catch(() => {})
      }
    }
  )
}
