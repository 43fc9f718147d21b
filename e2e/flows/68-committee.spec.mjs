/*
| 资产处置委员会会议 in the browser: the administrator (a voting member, the chair)
| opens 日常管理 › 资产处置委员会会议 › 会议管理, creates a head-office meeting with
| 王总行风险 as secretary, puts a 临时议题 on the agenda, records attendance, opens
| the meeting (the rule is locked), opens the vote, votes 同意, counts, announces
| (决议 number) and downloads the 决议 PDF; the item shows 已决议 on 上会事项.
*/
import { readFileSync } from 'node:fs'
import { test, expect } from '../support/test.mjs'
import { BASE, fillTestId, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1440, height: 1000 } })
test.describe.configure({ mode: 'serial' })

/** Types into the record picker inside `testId` and picks the option showing `text`. */
async function pick(page, testId, typed, text) {
  const picker = page.getByTestId(testId)
  await picker.locator('.el-select').click()
  await picker.locator('input').first().fill(typed)
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

test('会议管理: create a meeting, attendance, vote, announce, 决议 PDF', async ({ page }) => {
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('日常管理', { exact: true }).click()
  await menu.getByText('资产处置委员会会议', { exact: true }).click()
  await menu.getByText('会议管理', { exact: true }).click()
  await page.waitForURL(/\/p\/committee\/Meetings/)
  await expect(page.getByTestId('meetings-table')).toBeVisible()

  // 新建会议
  await page.getByTestId('meeting-new').click()
  const form = page.getByTestId('meeting-form')
  await expect(form).toBeVisible()
  await fillTestId(page, 'meeting-title', '2026年第12次资产处置委员会会议')
  await fillTestId(page, 'meeting-date', '2026-12-08')
  await page.getByTestId('meeting-date').locator('input').press('Enter')
  await fillTestId(page, 'meeting-place', '总行 3 楼第一会议室')
  await pick(page, 'meeting-members', 'admin', '系统管理员')
  // A multiple select stays open: click away (the dialog's title) to close it.
  await form.getByText('新建委员会会议').click()
  await expect(page.locator('.el-select-dropdown:visible')).toHaveCount(0)
  await pick(page, 'meeting-chair', '', '系统管理员')
  await pick(page, 'meeting-secretary', 'hq_risk', '王总行风险')
  await shot(page, 'committee-meeting-form')
  await page.getByTestId('meeting-save').click()

  const detail = page.getByTestId('meeting-detail')
  await expect(detail).toBeVisible()
  await expect(page).toHaveURL(/\/p\/committee\/Meetings\?id=\d+/)
  await expect(detail.getByText('2026年第12次资产处置委员会会议')).toBeVisible()

  // 临时议题 on the agenda
  await page.getByTestId('motion-add').click()
  await fillTestId(page, 'motion-title', '关于某公司不良贷款核销的议题')
  await fillTestId(page, 'motion-amount', '1250000.00')
  await page.getByTestId('motion-save').click()
  const card = page.locator('[data-testid^="agenda-item-"]').first()
  await expect(card).toContainText('关于某公司不良贷款核销的议题')
  await expect(card).toContainText('1,250,000.00')

  // 出席情况: the only member present
  const attendance = page.getByTestId('attendance')
  await attendance.locator('.el-select').first().click()
  await page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: /^出席$/ })
    .click()
  await page.getByTestId('attendance-save').click()
  await expect(page.getByText('出席情况已保存')).toBeVisible()

  // 开始会议 → the rule is locked
  await page.getByTestId('meeting-open').click()
  await expect(page.getByTestId('meeting-status')).toContainText('开会中')
  await expect(detail).toContainText('议事规则（开会时锁定）')

  // Vote on the item
  const itemId = (await card.getAttribute('data-testid')).replace('agenda-item-', '')
  await page.getByTestId(`open-voting-${itemId}`).click()
  await expect(card.getByTestId('ballot')).toBeVisible()
  await card.locator(`[data-testid^="vote-${itemId}-"][data-testid$="-agree"]`).click()
  await expect(card.locator('.el-table')).toContainText('同意')
  await settled(page)
  await shot(page, 'committee-voting')
  await page.getByTestId(`close-voting-${itemId}`).click()
  await expect(card.getByTestId('result')).toContainText('尚未宣布')

  // 宣布结果 (confirmed), the 决议 number appears
  await page.getByTestId(`announce-${itemId}`).click()
  await page
    .locator('.el-popconfirm:visible')
    .getByRole('button', { name: /确定|OK|Yes/ })
    .click()
  await expect(card.getByTestId('result')).toContainText(/总行资委决〔2026〕\d+号/)
  await expect(card).toContainText('通过')
  await settled(page)
  await shot(page, 'committee-announced')

  // 决议 PDF
  const downloadPromise = page.waitForEvent('download')
  await page.getByTestId(`resolution-pdf-${itemId}`).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/^决议-总行资委决〔2026〕\d+号\.pdf$/)
  const file = await download.path()
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')

  // 上会事项 shows the item decided
  await menu.getByText('上会事项', { exact: true }).click()
  await page.waitForURL(/\/p\/committee\/Items/)
  const row = page.locator('tbody tr').filter({ hasText: '关于某公司不良贷款核销的议题' }).first()
  await expect(row).toContainText('已决议')
  await expect(row).toContainText('通过')
  await settled(page)
  await shot(page, 'committee-items')
})

test('议事规则: the rules of both meeting types, as records', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/committee/Rules`)
  await expect(page.getByTestId('rule-hq')).toContainText('出席 ≥ 2/3')
  await expect(page.getByTestId('rule-branch')).toBeVisible()
  await settled(page)
  await shot(page, 'committee-rules')
})
