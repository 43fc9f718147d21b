/*
| 消息中心 in the browser: a branch clerk sees the 消息中心 menu (no grant
| needed), the unread count on the header's message icon, the latest messages
| in its popover, the full list with delivery outcomes, and can mute an
| optional channel. The messages and a deadline are written straight into the
| demo's SQLite file (no API creates messages: notify() is a server-side call).
*/
import Database from 'better-sqlite3'
import { BASE, OUT, ROOT, api, apiLogin, login, serverEnv } from '../harness.mjs'

function seedMessages(userId) {
  const sqlite = new Database(`${ROOT}${serverEnv.SQLITE_FILE}`)
  try {
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
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
  } finally {
    sqlite.close()
  }
}

export default async function ({ browser, step }) {
  await step(
    '消息中心: header count, popover, list and preferences for a branch clerk',
    async () => {
      const token = await apiLogin('bj_asset', 'Asset@12345')
      const me = await api(token, '/api/me')
      seedMessages(me.user.id)
      const mine = await api(token, '/api/deadlines/mine')
      if (!mine.data.some((d) => d.title.includes('诉讼时效届满')))
        throw new Error('deadline missing from /api/deadlines/mine')

      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'bj_asset', 'Asset@12345')
      const badge = page.getByTestId('message-bell-badge')
      await badge.getByText('2').waitFor({ timeout: 10000 })
      await page.getByTestId('side-menu').getByText('消息中心').waitFor({ timeout: 5000 })

      await page.getByTestId('message-bell').click()
      await page.getByTestId('message-item').first().waitFor({ timeout: 10000 })
      await page.screenshot({ path: `${OUT}/messages-bell.png` })
      await page.getByTestId('message-bell-all').click()

      await page.waitForURL(`${BASE}/messages`)
      await page.getByTestId('message-delivery').first().waitFor({ timeout: 10000 })
      await page.getByText('短信·已发送').first().waitFor({ timeout: 5000 })
      await page.waitForTimeout(600) // let the popover fade out and the tags settle
      await page.screenshot({ path: `${OUT}/messages-list.png`, fullPage: true })

      await page.getByTestId('message-item').filter({ hasText: '待办审批' }).click()
      await badge.getByText('1').waitFor({ timeout: 10000 })

      await page.getByRole('tab', { name: '接收设置' }).click()
      await page.getByTestId('pref-deadline.reminder-sms').click()
      await page.getByTestId('pref-save').click()
      await page.getByText('接收设置已保存').waitFor({ timeout: 10000 })
      await page.waitForTimeout(600)
      await page.screenshot({ path: `${OUT}/messages-preferences.png`, fullPage: true })
      const prefs = await api(token, '/api/messages/preferences')
      const reminder = prefs.data.find((p) => p.type === 'deadline.reminder')
      if (!reminder.muted.includes('sms')) throw new Error('SMS not muted after saving')
      await page.close()
    }
  )
}
