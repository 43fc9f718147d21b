import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { verifyAuditChain } from '#core/audit/verify'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { transactionWithoutFourEyes } from '#tests/helpers/four_eyes'
import { registerTestType, submitPlan } from '#tests/helpers/workflow'

/*
| Defect 9 · denied attempts are logged: 401/403, escalation refusals, by-id 404s
| (rate-limited) and every download are 安全日志 rows — category `security` of the
| hash-chained audit log, masked, and searchable in 日志管理 · 安全日志.
*/
const securityRows = (action: string) =>
  db.from('audit_logs').where('category', 'security').where('action', action).orderBy('id')

test.group('Security · denied attempts and downloads are logged', (group) => {
  group.setup(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wf-seclog-'))
    process.env.WORKFLOW_FILES_DIR = dir
    return () => {
      delete process.env.WORKFLOW_FILES_DIR
      rmSync(dir, { recursive: true, force: true })
    }
  })
  group.each.setup(transactionWithoutFourEyes)
  group.each.setup(() => registerTestType())

  test('401, 403 and an escalation refusal are security rows, masked and in the chain', async ({
    client,
    assert,
  }) => {
    ;(await client.get('/api/me').header('x-forwarded-for', '10.66.0.9')).assertStatus(401)
    const unauth = await securityRows('security.unauthenticated').where('ip', '10.66.0.9').first()
    assert.include(unauth?.detail, 'GET /api/me')

    const clerk = await userWith({ permissions: [] })
    ;(
      await client
        .get('/api/system/users')
        .qs({ keyword: '110101199003074578' })
        .bearerToken(clerk.token)
    ).assertStatus(403)
    const forbidden = await securityRows('security.forbidden')
      .where('user_id', clerk.user.id)
      .first()
    assert.include(forbidden?.detail, 'GET /api/system/users')
    assert.notInclude(forbidden?.detail, '110101199003074578')

    const branchAdmin = await userWith({
      permissions: ['system:role:list', 'system:role:update', 'system:role:grant'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const own = Number(
      (await db.from('user_roles').where('user_id', branchAdmin.user.id).first()).role_id
    )
    ;(
      await client
        .put(`/api/system/roles/${own}/permissions`)
        .bearerToken(branchAdmin.token)
        .json({ permissions: ['system:role:list', 'system:role:grant'] })
    ).assertStatus(403)
    const escalation = await securityRows('security.escalation_refused')
      .where('user_id', branchAdmin.user.id)
      .first()
    assert.include(escalation?.detail, 'ownRole')
    // Logged once, as the refusal it was (not again as a plain 403).
    assert.lengthOf(
      await securityRows('security.forbidden').where('user_id', branchAdmin.user.id),
      0
    )

    assert.isTrue((await verifyAuditChain()).ok)
  })

  test('a by-id 404 is logged, at most N a minute per person; downloads always', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const uploaded = await client
      .post(`/api/workflow/instances/${id}/attachments`)
      .bearerToken(await tokenFor('bj_cy_am'))
      .file('file', Buffer.from('纪要'), { filename: '纪要.txt' })
    uploaded.assertStatus(201)
    const attachmentId = uploaded.body().id

    ;(
      await client
        .get(`/api/workflow/attachments/${attachmentId}`)
        .bearerToken(await tokenFor('bj_asset'))
    ).assertStatus(200)
    const download = await securityRows('security.download')
      .where('entity_type', 'wf_attachment')
      .where('entity_id', String(attachmentId))
      .first()
    assert.equal(download?.detail, '纪要.txt')

    const stranger = await userWith({ permissions: [] })
    for (let i = 0; i < 35; i++) {
      ;(
        await client.get(`/api/workflow/attachments/${attachmentId}`).bearerToken(stranger.token)
      ).assertStatus(404)
    }
    const notFound = await securityRows('security.not_found').where('user_id', stranger.user.id)
    assert.lengthOf(notFound, 30)
    assert.equal(notFound[0].entity_type, '/api/workflow/attachments/:id')
    assert.equal(notFound[0].entity_id, String(attachmentId))
  }).timeout(30000)

  test('日志管理 · 安全日志 lists the rows for a holder of its permission only', async ({
    client,
    assert,
  }) => {
    const clerk = await userWith({ permissions: [] })
    ;(await client.get('/api/system/orgs/tree').bearerToken(clerk.token)).assertStatus(403)
    const admin = await tokenFor('admin')
    const list = await client
      .get('/api/system/audit/security-logs')
      .bearerToken(admin)
      .qs({ action: 'security.forbidden', username: clerk.user.username })
    list.assertStatus(200)
    assert.isAtLeast(list.body().meta.total, 1)
    assert.equal(list.body().data[0].action, 'security.forbidden')
    ;(await client.get('/api/system/audit/security-logs').bearerToken(clerk.token)).assertStatus(
      403
    )
    // Not mixed into the operation log.
    const ops = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(admin)
      .qs({ action: 'security.forbidden' })
    assert.equal(ops.body().meta.total, 0)
  })
})
