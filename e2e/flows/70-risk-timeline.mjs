/*
| 风险资产时间轴: the data platform (simulator) reports a risk asset downgraded,
| repaid in part and moved to another manager; the daily sync job imports it;
| a clerk tags the customer. The customer portrait's timeline shows each
| change in words (次级 → 损失, 余额 … → …, 管户人 …, +重点关注) with who did it.
*/
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { BASE, OUT, ROOT, apiLogin, api, login, serverEnv } from '../harness.mjs'

const SIMULATOR = `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4100}`

async function post(url, token, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

export default async function ({ browser, step }) {
  await step('风险资产时间轴: data-platform changes and a tag show on the portrait', async () => {
    const token = await apiLogin('admin', 'Admin@12345')
    const list = await api(token, '/api/credit-assets/risk-assets?fiveClass=substandard&perPage=1')
    const asset = list.data[0]
    if (!asset) throw new Error('the demo book has no 次级 risk asset')
    await post(`${SIMULATOR}/__sim/data-platform/loans`, null, {
      loanNo: asset.loanNo,
      fiveClass: 'loss',
      balanceFen: '12345678',
      managerNo: 'bj_asset',
    })
    // The daily sync job, as an operator runs it (console process, same database).
    // Asynchronously: a blocked event loop would leave fetch a keep-alive socket the server closed.
    const run = await promisify(execFile)(
      'node',
      ['ace', 'plugins:run', 'bank-systems:data-platform-sync', '--payload', '{"pageSize":200}'],
      { cwd: ROOT, env: { ...serverEnv, NODE_ENV: 'development' }, encoding: 'utf8' }
    )
    if (!/"ran": true/.test(run.stdout)) throw new Error(`sync did not run:\n${run.stdout}`)
    await post(`${BASE}/api/customer-view/customers/${asset.customerId}/tags`, token, {
      tag: 'focus',
    })

    const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } })
    const page = await context.newPage()
    try {
      await login(page, 'admin', 'Admin@12345')
      await page.goto(`${BASE}/p/customer-view/CustomerView?id=${asset.customerId}`)
      const timeline = page.getByTestId('cv-timeline')
      await timeline.waitFor({ timeout: 15000 })
      const text = await timeline.innerText()
      for (const expected of ['次级 → 损失', '123,456.78', '李北京资产', '+重点关注', '系统管理员'])
        if (!text.includes(expected))
          throw new Error(`timeline lacks "${expected}":\n${JSON.stringify(text)}`)
      await timeline.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${OUT}/risk-timeline.png` })
    } catch (error) {
      await page
        .screenshot({ path: `${OUT}/risk-timeline-failure.png`, fullPage: true })
        .catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })
}
