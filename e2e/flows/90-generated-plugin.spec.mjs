/*
| A plugin made by `node ace make:plugin` appears after a restart, its CRUD
| works in the browser, its tiered approval runs through 我的审批 (the branch
| approves, the handler makes the record 生效), and deleting its folder and
| restarting removes its menu. Last and serial: it restarts the product (e2e/server.mjs rebuilds the
| console with the plugin's pages) and the second test needs the first's plugin.
*/
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { test, expect } from '../support/test.mjs'
import { PLUGIN, PLUGIN_DIR } from '../support/env.mjs'
import {
  BASE,
  ROOT,
  api,
  apiLogin,
  approveInDrawer,
  login,
  restartServer,
  send,
  shot,
} from '../support/helpers.mjs'

// Each restart rebuilds the console and boots again: minutes on 2 cores.
test.describe.configure({ mode: 'serial', timeout: 360_000 })

test.afterAll(() => rmSync(PLUGIN_DIR, { recursive: true, force: true }))

test('a generated plugin appears after a restart and its CRUD works in the browser', async ({
  page,
}) => {
  const made = spawnSync('node', ['ace', 'make:plugin', PLUGIN, '--zh', '电子便签'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  expect(made.status, `make:plugin: ${made.stderr}${made.stdout}`).toBe(0)
  await restartServer()

  await login(page, 'admin')
  await page.getByTestId('side-menu').getByText('电子便签', { exact: true }).click()
  await page.getByTestId('crud-create').click()
  const dialog = page.getByTestId('crud-dialog')
  await expect(dialog).toBeVisible()
  const field = (label) => dialog.locator('.el-form-item').filter({ hasText: label })
  await field('标题').locator('input').fill('端到端便签')
  await field('金额').locator('input').fill('1234.56')
  await field('状态').locator('.el-select').click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: '生效' }).first().click()
  await page.getByTestId('crud-save').click()
  const table = page.getByTestId('crud-table')
  await expect(table.getByText('端到端便签')).toBeVisible()
  await expect(table.getByText('1,234.56')).toBeVisible()
  await shot(page, 'plugin-crud')

  await page.getByTestId('crud-delete').first().click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(table.getByText('端到端便签')).toHaveCount(0)
})

test('its approval: submitted by the account manager, approved by the branch in the browser', async ({
  signIn,
}) => {
  // 张朝阳客户经理 (朝阳支行) holds the new codes by the demo grants; the chain's first node is
  // 北京分行's asset manager, and 500.00 yuan is below the head-office tier.
  const applicant = await apiLogin('bj_cy_am')
  const created = await send(applicant, 'POST', `/api/${PLUGIN}/notes`, {
    title: '端到端审批',
    amount: '500.00',
    status: 'draft',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const note = await created.json()
  const submitted = await send(applicant, 'POST', `/api/${PLUGIN}/notes/${note.id}/submit`)
  expect(submitted.status, await submitted.clone().text()).toBe(200)
  const { status, workflowInstanceId } = await submitted.json()
  expect(status).toBe('pending')

  const branch = await signIn('bj_asset')
  await branch.goto(`${BASE}/workflow/instances/${workflowInstanceId}`)
  await expect(branch.getByTestId('workflow-instance-title')).toContainText('端到端审批')
  await shot(branch, 'plugin-approval')
  await approveInDrawer(branch, '同意')
  await expect
    .poll(async () => (await api(applicant, `/api/${PLUGIN}/notes/${note.id}`)).status)
    .toBe('active')
})

test('deleting the plugin folder and restarting removes its menu', async ({ page }) => {
  rmSync(PLUGIN_DIR, { recursive: true, force: true })
  await restartServer()

  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await expect(menu.getByText('系统管理')).toBeVisible()
  await expect(menu.getByText('电子便签')).toHaveCount(0)
})
