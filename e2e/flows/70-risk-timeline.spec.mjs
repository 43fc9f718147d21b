/*
| 风险资产时间轴: the data platform (simulator) reports a risk asset downgraded,
| repaid in part and moved to another manager; the daily sync job imports it;
| a clerk tags the customer. The customer portrait's timeline shows each
| change in words (次级 → 损失, 余额 … → …, 管户人 …, +重点关注) with who did it.
*/
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  ROOT,
  SIMULATOR,
  api,
  apiLogin,
  login,
  send,
  serverEnv,
  shot,
} from '../support/helpers.mjs'

test.use({ viewport: { width: 1440, height: 1400 } })

test('风险资产时间轴: data-platform changes and a tag show on the portrait', async ({ page }) => {
  const token = await apiLogin('admin')
  const list = await api(token, '/api/credit-assets/risk-assets?fiveClass=substandard&perPage=1')
  const asset = list.data[0]
  expect(asset, 'a 次级 risk asset in the demo book').toBeTruthy()
  const changed = await send(null, 'POST', `${SIMULATOR}/__sim/data-platform/loans`, {
    loanNo: asset.loanNo,
    fiveClass: 'loss',
    balanceFen: '12345678',
    managerNo: 'bj_asset',
  })
  expect(changed.ok, `simulator: ${changed.status} ${await changed.clone().text()}`).toBe(true)
  // The daily sync job, as an operator runs it (console process, same database).
  // Asynchronously: a blocked event loop would leave fetch a keep-alive socket the server closed.
  const run = await promisify(execFile)(
    'node',
    ['ace', 'plugins:run', 'bank-systems:data-platform-sync', '--payload', '{"pageSize":200}'],
    { cwd: ROOT, env: { ...serverEnv, NODE_ENV: 'development' }, encoding: 'utf8' }
  )
  expect(run.stdout, 'the sync job ran').toMatch(/"ran": true/)
  const tagged = await send(
    token,
    'POST',
    `/api/customer-view/customers/${asset.customerId}/tags`,
    {
      tag: 'focus',
    }
  )
  expect(tagged.ok, `tag: ${tagged.status} ${await tagged.clone().text()}`).toBe(true)

  await login(page, 'admin')
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${asset.customerId}`)
  const timeline = page.getByTestId('cv-timeline')
  await expect(timeline).toBeVisible()
  for (const expected of ['次级 → 损失', '123,456.78', '李北京资产', '+重点关注', '系统管理员'])
    await expect(timeline, `the timeline shows "${expected}"`).toContainText(expected, {
      useInnerText: true,
    })
  await timeline.scrollIntoViewIfNeeded()
  await shot(page, 'risk-timeline', false)
})
