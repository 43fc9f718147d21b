import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { fourEyes } from '#core/four_eyes/four_eyes'
import { userWith } from '#tests/helpers/auth'

/*
| A change kind and a route that submits it, declared here the way an area
| (roles, parameters) declares its own.
*/
fourEyes.register<{ name: string }>('test.bankName', {
  name: { zh: '修改银行名称', en: 'Change the bank name' },
  async apply(trx, payload) {
    if (payload.name === 'refuse') throw new Error('refused by apply')
    await trx.from('settings').where('key', 'system.bank.name').update({ value: payload.name })
  },
})

const setKinds = (kinds: string[]) =>
  db
    .from('settings')
    .where('key', 'system.fourEyes.kinds')
    .update({ value: JSON.stringify(kinds) })
const bankName = async () =>
  (await db.from('settings').where('key', 'system.bank.name').first()).value

test.group('Four-eyes (maker-checker)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /** What an area's controller does: submit the change as the signed-in maker. */
  const propose = (maker: { user: { id: number; orgId: number } }, name: string) =>
    fourEyes.submit(
      null,
      'test.bankName',
      { name },
      `银行名称改为 ${name}`,
      maker.user
    ) as Promise<any>

  const checker = () => userWith({ permissions: ['system:change:list', 'system:change:approve'] })

  test('a listed kind waits for a second administrator, then applies', async ({
    client,
    assert,
  }) => {
    await setKinds(['test.bankName'])
    const maker = await checker()
    const submitted = await propose(maker, '复核银行')
    assert.isFalse(submitted.applied)
    assert.notEqual(await bankName(), '复核银行')

    const id = submitted.changeId
    const own = await client
      .post(`/api/system/changes/${id}/approve`)
      .bearerToken(maker.token)
      .json({})
    own.assertStatus(403)
    assert.equal(own.body().code, 'OWN_CHANGE')

    const second = await checker()
    const list = await client
      .get('/api/system/changes')
      .bearerToken(second.token)
      .qs({ status: 'pending' })
    assert.equal(list.body().data[0].summary, '银行名称改为 复核银行')
    ;(
      await client
        .post(`/api/system/changes/${id}/approve`)
        .bearerToken(second.token)
        .json({ comment: '同意' })
    ).assertStatus(204)
    assert.equal(await bankName(), '复核银行')
    ;(
      await client.post(`/api/system/changes/${id}/approve`).bearerToken(second.token).json({})
    ).assertStatus(409)
  })

  test('an unlisted kind applies at once', async ({ assert }) => {
    await setKinds([])
    const maker = await checker()
    assert.isTrue((await propose(maker, '直接生效')).applied)
    assert.equal(await bankName(), '直接生效')
  })

  test('a rejected or withdrawn change never applies; a failing apply rolls the approval back', async ({
    client,
    assert,
  }) => {
    await setKinds(['test.bankName'])
    const maker = await checker()
    const second = await checker()
    const before = await bankName()

    const rejected = (await propose(maker, '被拒绝')).changeId
    ;(
      await client
        .post(`/api/system/changes/${rejected}/reject`)
        .bearerToken(second.token)
        .json({ comment: '不同意' })
    ).assertStatus(204)

    const withdrawn = (await propose(maker, '撤回')).changeId
    ;(
      await client
        .post(`/api/system/changes/${withdrawn}/withdraw`)
        .bearerToken(second.token)
        .json({})
    ).assertStatus(403)
    ;(
      await client
        .post(`/api/system/changes/${withdrawn}/withdraw`)
        .bearerToken(maker.token)
        .json({})
    ).assertStatus(204)
    assert.equal(await bankName(), before)

    const failing = (await propose(maker, 'refuse')).changeId
    const refused = await client
      .post(`/api/system/changes/${failing}/approve`)
      .bearerToken(second.token)
      .json({})
    refused.assertStatus(422)
    assert.equal(refused.body().code, 'APPLY_FAILED')
    const row = await db.from('pending_changes').where('id', failing).first()
    assert.equal(row.status, 'pending')
  })

  test('deciding needs the approve permission; the queue needs the list permission', async ({
    client,
  }) => {
    const nobody = await userWith({ permissions: [] })
    ;(await client.get('/api/system/changes').bearerToken(nobody.token)).assertStatus(403)
    ;(
      await client.post('/api/system/changes/1/approve').bearerToken(nobody.token).json({})
    ).assertStatus(403)
  })
})

test.group('Four-eyes on role grants', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('by default a grant waits for a second administrator, who applies it', async ({
    client,
    assert,
  }) => {
    const role = await db.from('roles').where('code', 'auditor').first()
    const before = (await db.from('role_permissions').where('role_id', role.id)).length

    const maker = await client
      .post('/api/auth/login')
      .json({ username: 'admin', password: 'Admin@12345' })
    const proposed = await client
      .put(`/api/system/roles/${role.id}/permissions`)
      .bearerToken(maker.body().token)
      .json({ permissions: ['system:user:list'] })
    proposed.assertStatus(202)
    assert.isTrue(proposed.body().pending)
    assert.equal((await db.from('role_permissions').where('role_id', role.id)).length, before)

    const checker = await client
      .post('/api/auth/login')
      .json({ username: 'ops', password: 'Ops@123456' })
    ;(
      await client
        .post(`/api/system/changes/${proposed.body().changeId}/approve`)
        .bearerToken(checker.body().token)
        .json({})
    ).assertStatus(204)
    const after = (await db.from('role_permissions').where('role_id', role.id)).map(
      (r) => r.permission
    )
    assert.deepEqual(after, ['system:user:list'])
  })
})

test.group('Four-eyes cannot be switched off by one administrator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the list of kinds is installed frozen, so changing it first needs an approved unfreeze', async ({
    client,
    assert,
  }) => {
    const maker = await client
      .post('/api/auth/login')
      .json({ username: 'admin', password: 'Admin@12345' })
    const edit = await client
      .put('/api/system/settings/system.fourEyes.kinds')
      .bearerToken(maker.body().token)
      .json({ value: '[]' })
    edit.assertStatus(409)
    const row = await db.from('settings').where('key', 'system.fourEyes.kinds').first()
    assert.isTrue(Boolean(row.frozen))
    assert.include(row.value ?? row.default_value, 'role.grant')
  })
})
