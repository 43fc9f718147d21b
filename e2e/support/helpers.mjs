/*
| What the specs share: signing in (browser and API), filling Element Plus
| inputs by data-testid (text, dates, selects), screenshots for a human, the demo's SQLite file, and
| restarting the product through the webServer supervisor (e2e/server.mjs).
*/
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { expect } from '@playwright/test'
import { BASE, GENERATION, ROOT, SCREENS, SUPERVISOR_PID, serverEnv } from './env.mjs'

export { BASE, ROOT, SCREENS, SIMULATOR, serverEnv } from './env.mjs'

/** Fills the input carrying a data-testid, or the input inside the element carrying it. */
export async function fillTestId(page, id, value) {
  const target = page.getByTestId(id).first()
  const tag = await target.evaluate((el) => el.tagName)
  await (
    tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input, textarea').first()
  ).fill(value)
}

/** Types a date into an el-date-picker's <input> (a locator) and confirms it with Enter. */
export async function typeDateInto(input, value) {
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

/**
 * Types a date into the el-date-picker carrying `testId` inside `scope` (the page or a dialog):
 * the picker hands its data-testid to its <input>, or the element carrying it wraps one.
 */
export async function typeDate(scope, testId, value) {
  const target = scope.getByTestId(testId).first()
  const input =
    (await target.evaluate((el) => el.tagName)) === 'INPUT'
      ? target
      : target.locator('input').first()
  await typeDateInto(input, value)
}

/** Opens the el-select inside `container`, types `text` and picks the first option showing it. */
export async function chooseOption(page, container, text) {
  await container.locator('.el-select').first().click()
  await page.keyboard.type(text)
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
  await page.keyboard.press('Escape')
}

/** The demo bank's people the flows act as (seeded by `node ace demo:seed`). */
const PASSWORDS = {
  admin: 'Admin@12345', // 系统管理员
  ops: 'Ops@123456', // 运维管理员 (approves 表单构建 changes)
  hq_risk: 'Risk@12345', // 王总行风险
  bj_asset: 'Asset@12345', // 李北京资产, Beijing branch asset manager
  bj_cy_am: 'Manager@12345', // 张朝阳客户经理
}

export async function login(page, username) {
  await page.goto(`${BASE}/login`)
  await fillTestId(page, 'login-username', username)
  await fillTestId(page, 'login-password', PASSWORDS[username])
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('side-menu')).toBeVisible({ timeout: 15000 })
}

/** Signs in through the API (no browser) and returns the bearer token. */
export async function apiLogin(username) {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORDS[username] }),
  })
  expect(response.status, `login ${username}`).toBe(200)
  return (await response.json()).token
}

export async function api(token, path) {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.ok, `GET ${path}: ${response.status}`).toBe(true)
  return response.json()
}

/** A JSON request; returns the response (callers assert its status). */
export function send(token, method, url, body) {
  return fetch(url.startsWith('http') ? url : `${BASE}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** A screenshot for a human to look at, in tmp/e2e/screens (failures are kept by Playwright). */
export function shot(page, name, fullPage = true) {
  return page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage, animations: 'disabled' })
}

/** Runs `fn` on the demo server's SQLite file (rows no HTTP endpoint creates). */
export function withSqlite(fn) {
  const sqlite = new Database(`${ROOT}${serverEnv.SQLITE_FILE}`)
  try {
    return fn(sqlite)
  } finally {
    sqlite.close()
  }
}

export const sqliteNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

const generation = () => Number(readFileSync(GENERATION, 'utf8'))

/** Stops and starts the product again (a boot reads the plugins folder); waits until healthy. */
export async function restartServer() {
  const before = generation()
  process.kill(Number(readFileSync(SUPERVISOR_PID, 'utf8')), 'SIGUSR2')
  await expect
    .poll(generation, { timeout: 240_000, message: 'the server restarts' })
    .toBe(before + 1)
}

/** No Element Plus loading mask is showing (a table or panel has its data). */
export async function settled(page) {
  await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0)
}

/** In an open workflow drawer: 同意 with a comment, submitted; waits for the dialog to close. */
export async function approveInDrawer(page, comment) {
  await page.getByTestId('workflow-action-approve').click()
  await fillTestId(page, 'workflow-comment', comment)
  await page.getByTestId('workflow-action-submit').click()
  await expect(page.getByTestId('workflow-action-dialog')).toBeHidden({ timeout: 10000 })
}
