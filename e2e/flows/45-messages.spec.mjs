/*
| 消息中心 in the browser: a branch clerk sees the 消息中心 menu (no grant
| needed), the unread count on the header's message icon, the latest messages
| in its popover, the full list with delivery outcomes, and can mute an
| optional channel. The messages and a deadline are written straight into the
| demo's SQLite file (no API creates messages: notify() is a server-side call).
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, login, shot, sqliteNow, withSqlite } from '../support/helpers.mjs'

function seedMessages(userId) {
  withSqlite((sqlite) => {
    const now = sqliteNow()
    const insert = sqlite.prepare(
      `INSERT INTO messages (user_id, type, title, body, link, data, read_at, created_at)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)`
    )
    const first = insert.run(
      userId,
      'deadline.reminder',
      '时效提醒：北京朝阳某贸易公司借款诉讼时效届满',
      '该事项将于 2026-12-14 到期，剩余 7 个工作日。依据：民法典第188条',
      '/messages',
      now
    )
    sqlite
      .prepare(
        `INSERT INTO message_deliveries (message_id, channel, status, attempts, detail, sent_at, created_at, updated_at)
         VALUES (?, 'email', 'skipped', 1, 'SMTP 未配置', NULL, ?, ?), (?, 'sms', 'sent', 1, NULL, ?, ?, ?)`
      )
      .run(first.lastInsertRowid, now, now, first.lastInsertRowid, now, now, now)
    insert.run(userId, 'workflow.task', '待办审批：处置预案 P-2026-001', null, '/messages', now)
    const deadline = sqlite
      .prepare(
        `INSERT INTO deadlines (source, kind, subject_type, subject_id, title, due_date, rule, offsets, created_at, updated_at)
         VALUES ('e2e', 'e2e:limitation', 'loan', 'E2E-1', '北京朝阳某贸易公司借款诉讼时效届满', '2099-12-14', '民法典第188条', '[7]', ?, ?)`
      )
      .run(now, now)
    sqlite
      .prepare('INSERT INTO deadline_users (deadline_id, user_id) VALUES (?, ?)')
      .run(deadline.lastInsertRowid, userId)
  })
}

test('消息中心: header count, popover, list and preferences for a branch clerk', async ({
  page,
}) => {
  const token = await apiLogin('bj_asset')
  const me = await api(token, '/api/me')
  seedMessages(me.user.id)
  const mine = await api(token, '/api/deadlines/mine')
  expect(mine.data.map((d) => d.title).join('\n')).toContain('诉讼时效届满')

  await login(page, 'bj_asset')
  const badge = page.getByTestId('message-bell-badge')
  await expect(badge.getByText('2')).toBeVisible()
  await expect(page.getByTestId('side-menu').getByText('消息中心')).toBeVisible()

  await page.getByTestId('message-bell').click()
  await expect(page.getByTestId('message-item').first()).toBeVisible()
  await shot(page, 'messages-bell', false)
  await page.getByTestId('message-bell-all').click()

  await page.waitForURL(`${BASE}/messages`)
  await expect(page.getByTestId('message-delivery').first()).toBeVisible()
  await expect(page.getByText('短信·已发送').first()).toBeVisible()
  // The popover's own list unmounts once it has faded out: only the page's list is left.
  await expect(page.locator('.el-popover').getByTestId('message-item')).toHaveCount(0)
  await shot(page, 'messages-list')

  await page.getByTestId('message-item').filter({ hasText: '待办审批' }).click()
  await expect(badge.getByText('1')).toBeVisible()

  await page.getByRole('tab', { name: '接收设置' }).click()
  await page.getByTestId('pref-deadline.reminder-sms').click()
  await page.getByTestId('pref-save').click()
  await expect(page.getByText('接收设置已保存')).toBeVisible()
  await shot(page, 'messages-preferences')
  const prefs = await api(token, '/api/messages/preferences')
  const reminder = prefs.data.find((p) => p.type === 'deadline.reminder')
  expect(reminder.muted, 'SMS muted after saving').toContain('sms')
})
