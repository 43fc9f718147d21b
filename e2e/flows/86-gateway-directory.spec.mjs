/*
| 接入网关 and 目录同步 in the browser: an administrator registers 信贷门户 as a
| calling system granted the loan risk status query, sees its secret once, the
| portal calls with a signed request (and a replay is refused), both calls are
| in the call log; then 目录同步 compares with 授权及流程管理's directory (the
| simulator's new 科技园支行 and its clerk), shows the difference and applies it.
*/
import { createHash, createHmac, randomUUID } from 'node:crypto'
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })
test.describe.configure({ mode: 'serial' })

function signed(keyId, secret, path, nonce) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const bodyHash = createHash('sha256').update('').digest('hex')
  const signature = createHmac('sha256', secret)
    .update(['GET', path, timestamp, nonce, bodyHash].join('\n'))
    .digest('hex')
  return fetch(`${BASE}${path}`, {
    headers: {
      'X-Gateway-Key': keyId,
      'X-Gateway-Timestamp': timestamp,
      'X-Gateway-Nonce': nonce,
      'X-Gateway-Signature': signature,
    },
  })
}

test('接入网关: a calling system is registered, calls with a signed request, its calls are logged', async ({
  page,
}) => {
  const admin = await apiLogin('admin')
  const { data: loans } = await api(admin, '/api/credit-assets/risk-assets?perPage=1')
  expect(loans.length, 'the demo has loans').toBeGreaterThan(0)
  const loanNo = loans[0].loanNo

  await login(page, 'admin')
  await page.goto(`${BASE}/system/gateway`)
  await page.getByTestId('new-client').click()
  const code = `portal-${Date.now().toString(36)}`
  await page.getByTestId('client-code').fill(code)
  await page.getByTestId('client-name').fill('信贷门户')
  await page.getByTestId('client-grants').click()
  await page.getByRole('option', { name: /借据风险状态查询/ }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('client-save').click()
  const secret = (await page.getByTestId('client-secret').innerText()).trim()
  expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/)
  await shot(page, 'gateway-secret')
  await page.getByTestId('secret-close').click()
  const row = page.getByTestId('clients-table').locator('tbody tr', { hasText: code })
  await expect(row).toBeVisible()
  const keyId = (await row.locator('td').nth(2).innerText()).trim()

  const path = `/gateway/v1/credit-assets/loan-risk-status?loanNo=${encodeURIComponent(loanNo)}`
  const nonce = randomUUID().replaceAll('-', '')
  const answer = await signed(keyId, secret, path, nonce)
  expect(answer.status, await answer.clone().text()).toBe(200)
  expect((await answer.json()).loanNo).toBe(loanNo)
  const replay = await signed(keyId, secret, path, nonce)
  expect(replay.status).toBe(401)

  await page.getByRole('tab', { name: '调用日志' }).click()
  const calls = page.getByTestId('calls-table')
  await expect(calls.locator('tbody tr', { hasText: code }).first()).toBeVisible()
  await expect(calls.getByText('重放').first()).toBeVisible()
  await page.getByRole('tab', { name: '接口文档' }).click()
  await expect(
    page
      .getByTestId('openapi-operations')
      .getByText('/gateway/v1/credit-assets/loan-risk-status')
      .first()
  ).toBeVisible()
  await settled(page)
  await shot(page, 'gateway-openapi')
})

test('目录同步: the difference with 授权及流程管理 is shown, then applied', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/system/directory-sync`)
  await page.getByTestId('directory-compute').click()
  const changes = page.getByTestId('directory-changes')
  await expect(changes.locator('tbody tr', { hasText: 'DIR-SIM-01' }).first()).toBeVisible()
  await expect(changes.locator('tbody tr', { hasText: 'dir_kjy_clerk' })).toBeVisible()
  await settled(page)
  await shot(page, 'directory-diff')
  await page.getByTestId('directory-apply').click()
  await page.getByRole('button', { name: '确定' }).click()
  await expect(page.getByText(/已应用 \d+ 项差异/)).toBeVisible()
  await expect(page.getByTestId('directory-apply')).toHaveCount(0)

  const admin = await apiLogin('admin')
  const users = await api(admin, '/api/system/users?keyword=dir_kjy_clerk')
  expect(users.data.map((u) => u.username)).toContain('dir_kjy_clerk')
})
