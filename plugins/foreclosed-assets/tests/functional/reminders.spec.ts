import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { deadlineClock } from '#core/deadlines/deadline_clock'
import { raiseDueReminders } from '#core/deadlines/daily_reminders'
import { userWith } from '#tests/helpers/auth'
import { buildBook } from '#tests/fixtures/book'
import { API, ALL_CODES, chaoyangManager, distributor, receivedAsset } from '../helpers.js'

/*
| The check schedule and the reminders through the core engine: the next
| 定期检查 falls one class interval (quarterly) after acquisition and after each
| check; an overdue check and a passed 处置期限 are reminded to the manager and
| to the holders of the permission at the org whose scope covers the asset —
| never to a 仅本人 colleague or someone without the permission.
*/
const titlesOf = async (userId: number) =>
  (await db.from('messages').where('user_id', userId).orderBy('id')).map((m) => String(m.title))

test.group('foreclosed-assets: check schedule and reminders', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    return async () => {
      deadlineClock.fix(null)
      await rollback()
    }
  })

  test('quarterly checks; overdue check and disposal deadline reminded to permission + scope', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const manager = await chaoyangManager()
    const colleague = await chaoyangManager() // 仅本人, not the asset's manager
    const orgClerk = await userWith({ permissions: ALL_CODES, dataScope: 'org', orgCode: '110101' })
    const noPermission = await userWith({
      permissions: ['foreclosed-assets:lease:list'],
      dataScope: 'org',
      orgCode: '110101',
    })

    deadlineClock.fix('2026-07-01')
    const { id } = await receivedAsset({ assetClass: 'movable', acquiredOn: '2025-09-01' })
    // A movable: 1 year → 2026-09-01 (a Tuesday); checks quarterly from acquisition.
    let asset = await db.from('foreclosed_assets').where('id', id).first()
    assert.equal(String(asset.disposal_deadline).slice(0, 10), '2026-09-01')
    assert.equal(String(asset.next_check_due).slice(0, 10), '2025-12-01')
    ;(
      await client
        .post(`${API}/distribution`)
        .bearerToken(boss.token)
        .json({ assetIds: [id], managerId: manager.user.id, businessLine: 'retail' })
    ).assertStatus(200)
    const check = await client
      .post(`${API}/assets/${id}/checks`)
      .bearerToken(manager.token)
      .json({ checkedOn: '2026-06-15', condition: 'fair', occupancy: 'vacant', damage: 'minor' })
    check.assertStatus(201)
    asset = await db.from('foreclosed_assets').where('id', id).first()
    assert.equal(String(asset.next_check_due).slice(0, 10), '2026-09-15')

    // Nobody checks by 09-15: on the next working day the overdue check is reminded.
    await raiseDueReminders('2026-09-16')
    const mine = await titlesOf(manager.user.id)
    assert.isTrue(
      mine.some((t) => t.includes('定期检查')),
      mine.join('|')
    )
    assert.isTrue(
      mine.some((t) => t.includes('处置期限')),
      mine.join('|')
    )
    assert.isTrue((await titlesOf(orgClerk.user.id)).some((t) => t.includes('定期检查')))
    assert.deepEqual(await titlesOf(colleague.user.id), [])
    assert.deepEqual(await titlesOf(noPermission.user.id), [])

    // The list flags both; the dashboard counts the breach.
    deadlineClock.fix(null)
    await db.from('business_day').where('id', 1).update({ business_date: '2026-09-16' })
    const list = await client.get(`${API}/assets`).bearerToken(manager.token).qs({ overdue: true })
    assert.equal(list.body().meta.total, 1)
    assert.containsSubset(list.body().data[0], { disposalOverdue: true, checkOverdue: true })
    const widget = await client
      .get('/api/dashboard/widgets/foreclosed-assets:by-class/data')
      .bearerToken(manager.token)
    widget.assertStatus(200)
    assert.equal(widget.body().breaches, 1)
  })

  test('the class rules are configurable: a new period recomputes open assets and re-arms reminders', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const { id } = await receivedAsset({ assetClass: 'equity', acquiredOn: '2024-02-29' })
    // 2024-02-29 + 24 months = 2026-02-28, a Saturday → Monday 2026-03-02.
    assert.equal(
      String((await db.from('foreclosed_assets').where('id', id).first()).disposal_deadline).slice(
        0,
        10
      ),
      '2026-03-02'
    )
    const res = await client
      .put(`${API}/rules/equity`)
      .bearerToken(boss.token)
      .json({
        disposalMonths: 36,
        reminderOffsets: [20, 5],
        checkIntervalMonths: 6,
        basis: '行内规定：股权3年',
      })
    res.assertStatus(200)
    assert.equal(
      String((await db.from('foreclosed_assets').where('id', id).first()).disposal_deadline).slice(
        0,
        10
      ),
      '2027-03-01'
    )
    const deadline = await db
      .from('deadlines')
      .where({ kind: 'foreclosed-assets:disposal', subject_id: String(id) })
      .first()
    assert.equal(String(deadline.due_date).slice(0, 10), '2027-03-01')
    assert.exists(
      await db.from('audit_logs').where('action', 'foreclosed_asset.rule.update').first()
    )
    const bad = await client
      .put(`${API}/rules/equity`)
      .bearerToken(boss.token)
      .json({ disposalMonths: 0, reminderOffsets: [], checkIntervalMonths: 6, basis: 'x' })
    bad.assertStatus(422)
  })
})
