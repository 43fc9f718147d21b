import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { settings } from '#core/settings/settings'
import { settingsCache } from '#core/settings/settings_cache'
import nightlySync from '#core/directory_sync/nightly_job'
import { pointSystemsAt, startTestSimulator, type Simulator } from '../../simulator/harness.js'

/*
| 目录同步 from 授权及流程管理, over the real connector against the simulator's
| directory desk: the difference is shown before it applies; applying keeps the
| local-only fields (roles, data scope); a user removed there is disabled here
| and their sessions end; every change is audited; a directory that moved since
| the review is not applied; the nightly job only computes unless told.
*/
const ROOT = '000000'

test.group('目录同步 (授权及流程管理)', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await pointSystemsAt(sim)
    sim.directory.reset()
    return rollback
  })

  async function admin() {
    return userWith({ permissions: ['system:directory-sync:list', 'system:directory-sync:apply'] })
  }

  function directory(users: Array<Record<string, unknown>>, extraOrg = true) {
    sim.directory.set({
      orgs: extraOrg
        ? [
            {
              code: 'DS-NEW',
              name: '同步新支行',
              shortName: '新支行',
              parentCode: ROOT,
              sort: 5,
              status: 'active',
            },
          ]
        : [],
      departments: extraOrg
        ? [{ orgCode: 'DS-NEW', code: 'D1', name: '风险部', sort: 1, status: 'active' }]
        : [],
      users: users as any,
    })
  }

  test('the difference is shown, then applied with local roles kept and every change audited', async ({
    client,
    assert,
  }) => {
    const { token, user: actor } = await admin()
    const local = await userWith({ permissions: ['recoveries:transaction:list'], dataScope: 'org' })
    const roleBefore = await db.from('user_roles').where('user_id', local.user.id).select('role_id')
    directory([
      {
        username: local.user.username,
        realName: '改名后的用户',
        orgCode: 'DS-NEW',
        departmentCode: 'D1',
        phone: '13900000000',
        email: null,
        status: 'active',
      },
      {
        username: 'ds_new_clerk',
        realName: '新来的客户经理',
        orgCode: 'DS-NEW',
        departmentCode: 'D1',
        phone: null,
        email: 'new@bank.test',
        status: 'active',
      },
      {
        username: 'ds_orphan',
        realName: '无机构',
        orgCode: 'NOPE',
        departmentCode: null,
        phone: null,
        email: null,
        status: 'active',
      },
    ])

    const computed = await client.post('/api/system/directory-sync/runs').bearerToken(token)
    computed.assertStatus(200)
    const run = computed.body()
    assert.equal(run.status, 'computed')
    assert.deepEqual(run.diff.counts.org, { create: 1, update: 0, remove: 0 })
    assert.deepEqual(run.diff.counts.department, { create: 1, update: 0, remove: 0 })
    assert.deepEqual(run.diff.counts.user, { create: 1, update: 1, remove: 0 })
    assert.deepEqual(run.diff.problems, [{ kind: 'user', key: 'ds_orphan', reason: 'unknownOrg' }])
    const change = run.diff.changes.find((c: any) => c.key === local.user.username)
    assert.deepEqual(change.fields.realName, [local.user.realName, '改名后的用户'])
    assert.isTrue(change.claim)
    assert.isNull(
      await db.from('orgs').where('code', 'DS-NEW').first(),
      'nothing applied before review'
    )

    const applied = await client
      .post(`/api/system/directory-sync/runs/${run.id}/apply`)
      .bearerToken(token)
    applied.assertStatus(200)
    assert.equal(applied.body().applied, 4)
    const org = await db.from('orgs').where('code', 'DS-NEW').first()
    assert.equal(org.managed_by, 'directory')
    const me = await db.from('users').where('id', local.user.id).first()
    assert.equal(me.real_name, '改名后的用户')
    assert.equal(Number(me.org_id), Number(org.id))
    assert.equal(me.managed_by, 'directory')
    assert.deepEqual(
      await db.from('user_roles').where('user_id', local.user.id).select('role_id'),
      roleBefore,
      'roles are local'
    )
    const clerk = await db.from('users').where('username', 'ds_new_clerk').first()
    assert.equal(clerk.status, 'active')
    assert.isTrue(Boolean(clerk.must_change_password))
    assert.lengthOf(
      await db.from('user_roles').where('user_id', clerk.id),
      0,
      'no roles until granted here'
    )
    const audits = await db
      .from('audit_logs')
      .where('action', 'like', 'directory.%')
      .where('user_id', actor.id)
    assert.includeMembers(
      audits.map((a) => a.action),
      [
        'directory.org.create',
        'directory.department.create',
        'directory.user.create',
        'directory.user.update',
        'directory.sync.apply',
      ]
    )

    // A second session: the same request again within 2 s would meet the repeat-submit guard.
    const other = await admin()
    const again = await client
      .post(`/api/system/directory-sync/runs/${run.id}/apply`)
      .bearerToken(other.token)
    again.assertStatus(409)
    assert.equal(again.body().code, 'NOT_APPLICABLE')
    const second = (
      await client.post('/api/system/directory-sync/runs').bearerToken(other.token)
    ).body()
    assert.equal(second.changes, 0, 'a second comparison finds nothing to do')
  })

  test('a user removed there is disabled here and their sessions end', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const leaver = await userWith({ permissions: ['system:directory-sync:list'] })
    const entry = {
      username: leaver.user.username,
      realName: leaver.user.realName,
      orgCode: ROOT,
      departmentCode: null,
      phone: null,
      email: null,
      status: 'active',
    }
    directory([entry], false)
    const first = (await client.post('/api/system/directory-sync/runs').bearerToken(token)).body()
    ;(
      await client.post(`/api/system/directory-sync/runs/${first.id}/apply`).bearerToken(token)
    ).assertStatus(200)
    ;(await client.get('/api/system/directory-sync/runs').bearerToken(leaver.token)).assertStatus(
      200
    )

    directory([], false)
    const other = await admin()
    const run = (
      await client.post('/api/system/directory-sync/runs').bearerToken(other.token)
    ).body()
    assert.deepEqual(
      run.diff.changes.map((c: any) => [c.kind, c.action, c.key]),
      [['user', 'remove', leaver.user.username]]
    )
    const applied = await client
      .post(`/api/system/directory-sync/runs/${run.id}/apply`)
      .bearerToken(token)
    applied.assertStatus(200)
    assert.equal(applied.body().sessionsEnded, 1)
    assert.equal((await db.from('users').where('id', leaver.user.id).first()).status, 'disabled')
    ;(await client.get('/api/system/directory-sync/runs').bearerToken(leaver.token)).assertStatus(
      401
    )
    assert.isNotNull(
      await db
        .from('audit_logs')
        .where('action', 'directory.user.remove')
        .where('entity_id', String(leaver.user.id))
        .first()
    )
    assert.isNotNull(
      await db.from('users').where('username', 'admin').where('status', 'active').first(),
      'local accounts are never removed'
    )
  })

  test('a directory that moved since the review is not applied; the nightly job only computes', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    directory([])
    const run = (await client.post('/api/system/directory-sync/runs').bearerToken(token)).body()
    directory([
      {
        username: 'ds_late',
        realName: '后来的',
        orgCode: ROOT,
        departmentCode: null,
        phone: null,
        email: null,
        status: 'active',
      },
    ])
    const stale = await client
      .post(`/api/system/directory-sync/runs/${run.id}/apply`)
      .bearerToken(token)
    stale.assertStatus(409)
    assert.equal(stale.body().code, 'STALE')
    assert.isNull(await db.from('orgs').where('code', 'DS-NEW').first())

    const reader = await userWith({ permissions: ['system:directory-sync:list'] })
    ;(
      await client
        .post(`/api/system/directory-sync/runs/${stale.body().run.id}/apply`)
        .bearerToken(reader.token)
    ).assertStatus(403)

    assert.isFalse(await settings.boolean('system.directorySync.nightlyApply'))
    const report: any = await nightlySync({ jobId: 't', payload: {}, progress: async () => {} })
    assert.isFalse(report.applied)
    assert.isAbove(report.changes, 0)
    assert.isNull(await db.from('users').where('username', 'ds_late').first())
    await db
      .from('settings')
      .where('key', 'system.directorySync.nightlyApply')
      .update({ value: 'true' })
    settingsCache.invalidate()
    const appliedReport: any = await nightlySync({
      jobId: 't',
      payload: {},
      progress: async () => {},
    })
    assert.isTrue(appliedReport.applied)
    assert.isNotNull(await db.from('users').where('username', 'ds_late').first())
    await db
      .from('settings')
      .where('key', 'system.directorySync.nightlyApply')
      .update({ value: null })
    settingsCache.invalidate()
  })

  test('the simulator serves the default directory: this bank plus one new sub-branch', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const run = (await client.post('/api/system/directory-sync/runs').bearerToken(token)).body()
    assert.equal(run.status, 'computed')
    assert.isTrue(
      run.diff.changes.some(
        (c: any) => c.kind === 'org' && c.action === 'create' && c.key === 'DIR-SIM-01'
      )
    )
    assert.isFalse(
      run.diff.changes.some((c: any) => c.key === 'admin'),
      'local-only accounts are not in the directory'
    )
    assert.isFalse(run.diff.changes.some((c: any) => c.action === 'remove'))
  })
})
