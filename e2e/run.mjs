#!/usr/bin/env node
/*
| End-to-end smoke of the console in Debian's Chromium:
| 1. the demo administrator signs in and sees the menu and the user list;
| 2. a branch manager sees only their subtree and no administration pages;
| 3. a plugin made by `node ace make:plugin` appears after a restart, its CRUD
|    works in the browser, and deleting its folder removes its menu.
| Screenshots land in tmp/e2e/ for a human to look at.
*/
import { rmSync, existsSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import {
  BASE,
  OUT,
  ROOT,
  launchBrowser,
  login,
  fillTestId,
  startServer,
  step,
  stopServer,
  summary,
  api,
  apiLogin,
} from './harness.mjs'

// E2E_ONLY=<text>: run only the flows whose file name contains it (a helper checking its own pages).
const only = process.env.E2E_ONLY
const coreStep = only ? async () => {} : step
const PLUGIN = 'e2e-notes'
class Skip extends Error {}
const pluginDir = `${ROOT}plugins/${PLUGIN}`

rmSync(OUT, { recursive: true, force: true })
if (!only) rmSync(pluginDir, { recursive: true, force: true })

console.log('e2e / console smoke (Chromium)')
const browser = await launchBrowser()
try {
  await startServer()

  await coreStep('the demo administrator signs in and sees the menu', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await login(page, 'admin', 'Admin@12345')
    const menu = page.getByTestId('side-menu')
    await menu.getByText('系统管理').click()
    await menu.getByText('权限管理').click()
    await menu.getByText('用户管理').click()
    await page.getByText('bj_cy_am').first().waitFor({ timeout: 10000 })
    await page.screenshot({ path: `${OUT}/admin-users.png`, fullPage: true })
    await page.close()
  })

  await coreStep(
    'a branch manager sees only their subtree and no administration pages',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'bj_asset', 'Asset@12345')
      const menu = page.getByTestId('side-menu')
      await menu.getByText('系统管理').click()
      if (await menu.getByText('菜单管理').count()) throw new Error('branch manager sees 菜单管理')
      if (await menu.getByText('运维管理').count()) throw new Error('branch manager sees 运维管理')
      await menu.getByText('权限管理').click()
      await menu.getByText('用户管理').click()
      await page.getByText('bj_cy_am').first().waitFor({ timeout: 10000 })
      if (await page.getByText('hq_risk').count())
        throw new Error('branch manager sees a head-office user')
      const direct = await page.goto(`${BASE}/system/menus`)
      if (!direct?.ok()) throw new Error('SPA route did not load')
      await page
        .getByText(/404|不存在|无权/)
        .first()
        .waitFor({ timeout: 10000 })
      await page.screenshot({ path: `${OUT}/branch-users.png`, fullPage: true })
      await page.close()
    }
  )

  await coreStep(
    '客户视图: a demo customer shows every panel with simulator data; another branch cannot open it',
    async () => {
      const token = await apiLogin('admin', 'Admin@12345')
      const found = await api(
        token,
        '/api/customer-view/customers?perPage=200&customerType=corporate'
      )
      // A Shanghai corporate risk customer: the Beijing branch manager must not see it.
      const risky = (c) => ['substandard', 'doubtful', 'loss'].includes(c.worstClass)
      const customer =
        found.data.find((c) => /上海/.test(c.orgName ?? '') && risky(c)) ??
        found.data.find((c) => /上海/.test(c.orgName ?? ''))
      if (!customer) throw new Error('no Shanghai customer in the demo book')
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'admin', 'Admin@12345')
      await page.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.id}`)
      await page.getByTestId('cv-basic').waitFor({ timeout: 15000 })
      await page.getByTestId('cv-loans').waitFor()
      for (const panel of ['graph', 'alerts', 'collections', 'creditLines']) {
        await page.getByTestId(`cv-panel-${panel}`).waitFor()
        // Data rendered from the simulator (a chart, table rows or list items), not "unavailable".
        await page.waitForFunction(
          (id) => {
            const el = document.querySelector(`[data-testid="cv-panel-${id}"]`)
            return (
              !!el &&
              !el.querySelector('[data-testid="cv-panel-unavailable"]') &&
              !!el.querySelector('canvas, .el-table__row, li')
            )
          },
          panel,
          { timeout: 15000 }
        )
      }
      await page.screenshot({ path: `${OUT}/customer-view.png`, fullPage: true })
      await page.close()

      const branch = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(branch, 'bj_asset', 'Asset@12345')
      await branch.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.id}`)
      await branch.getByText(/无法打开该客户/).waitFor({ timeout: 15000 })
      const branchToken = await apiLogin('bj_asset', 'Asset@12345')
      const direct = await fetch(`${BASE}/api/customer-view/customers/${customer.id}`, {
        headers: { authorization: `Bearer ${branchToken}` },
      })
      if (direct.status !== 404)
        throw new Error(`branch user got ${direct.status} for another branch's customer`)
      await branch.close()
    }
  )

  // Flows contributed by areas (workflow, dashboard, ledgers, plugins): e2e/flows/*.mjs,
  // each `export default async function (ctx)`, run in name order on the same server.
  const flowsDir = `${ROOT}e2e/flows`
  const flows = existsSync(flowsDir)
    ? readdirSync(flowsDir)
        .filter((f) => f.endsWith('.mjs') && (!only || f.includes(only)))
        .sort()
    : []
  for (const file of flows) {
    const { default: flow } = await import(`${flowsDir}/${file}`)
    await flow({ browser, step })
  }

  if (only) throw new Skip()
  await stopServer()
  const made = spawnSync('node', ['ace', 'make:plugin', PLUGIN, '--zh', '电子便签'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (made.status !== 0) throw new Error(`make:plugin failed: ${made.stderr}${made.stdout}`)
  await startServer()

  await coreStep(
    'a generated plugin appears after a restart and its CRUD works in the browser',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'admin', 'Admin@12345')
      await page.getByTestId('side-menu').getByText('电子便签').click()
      await page.getByTestId('crud-create').click()
      const dialog = page.getByTestId('crud-dialog')
      await dialog.waitFor()
      await dialog
        .locator('.el-form-item')
        .filter({ hasText: '标题' })
        .locator('input')
        .fill('端到端便签')
      await dialog
        .locator('.el-form-item')
        .filter({ hasText: '金额' })
        .locator('input')
        .fill('1234.56')
      await dialog
        .locator('.el-form-item')
        .filter({ hasText: '状态' })
        .locator('.el-select')
        .click()
      await page.locator('.el-select-dropdown__item').filter({ hasText: '生效' }).first().click()
      await page.getByTestId('crud-save').click()
      await page.getByTestId('crud-table').getByText('端到端便签').waitFor({ timeout: 10000 })
      await page.getByTestId('crud-table').getByText('1,234.56').waitFor()
      await page.screenshot({ path: `${OUT}/plugin-crud.png`, fullPage: true })

      await page.getByTestId('crud-delete').first().click()
      await page.locator('.el-message-box__btns .el-button--primary').click()
      await page
        .getByTestId('crud-table')
        .getByText('端到端便签')
        .waitFor({ state: 'detached', timeout: 10000 })
      await page.close()
    }
  )

  await stopServer()
  rmSync(pluginDir, { recursive: true, force: true })
  await startServer()

  await coreStep('deleting the plugin folder and restarting removes its menu', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await login(page, 'admin', 'Admin@12345')
    await page.getByTestId('side-menu').getByText('系统管理').waitFor()
    if (await page.getByTestId('side-menu').getByText('电子便签').count())
      throw new Error('the removed plugin is still in the menu')
    await page.close()
  })
} catch (error) {
  if (!(error instanceof Skip)) await step('e2e harness', () => Promise.reject(error))
} finally {
  await stopServer()
  await browser.close()
  if (!only && existsSync(pluginDir)) rmSync(pluginDir, { recursive: true, force: true })
}

const { failed } = summary()
process.exit(failed ? 1 : 0)
