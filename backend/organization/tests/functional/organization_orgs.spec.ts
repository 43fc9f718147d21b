import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor, userWith } from '#tests/helpers/auth'
import { audit, type AuditEntry } from '#core/audit/audit'

/*
| 机构管理: CRUD within the data scope, moving a subtree, delete refusals.
| Demo tree: 000000 总行 → 110000 北京分行 (110101, 110102), 310000 上海分行 (…), 440100 广州分行 (…).
*/
const pathOf = async (code: string) => (await db.from('orgs').where('code', code).first()).path

/** Captures audit.record calls made while `work` runs. */
async function audited(work: () => Promise<unknown>) {
  const entries: AuditEntry[] = []
  const original = audit.record
  audit.record = async (_ctx, entry) => {
    entries.push(entry)
  }
  try {
    await work()
  } finally {
    audit.record = original
  }
  return entries
}

test.group('机构管理 · CRUD', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create under a parent computes level and path; show, update, delete', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const beijing = await orgId('110000')
    let created: any
    const entries = await audited(async () => {
      created = await client.post('/api/system/orgs').bearerToken(admin).json({
        code: '110103',
        name: '北京东城支行',
        shortName: '东城',
        parentId: beijing,
        sort: 3,
      })
    })
    created.assertStatus(201)
    const id = created.body().id
    assert.equal(created.body().level, 3)
    assert.equal(created.body().path, `${await pathOf('110000')}${id}/`)
    assert.equal(entries[0].action, 'org.create')
    assert.equal((entries[0].after as any).code, '110103')

    const shown = await client.get(`/api/system/orgs/${id}`).bearerToken(admin)
    shown.assertStatus(200)
    assert.equal(shown.body().shortName, '东城')

    const updated = await client
      .put(`/api/system/orgs/${id}`)
      .bearerToken(admin)
      .json({ name: '北京东城支行营业部', status: 'disabled', sort: 9 })
    updated.assertStatus(200)
    assert.equal(updated.body().name, '北京东城支行营业部')
    assert.equal(updated.body().status, 'disabled')

    const tree = (await client.get('/api/system/orgs/tree').bearerToken(admin)).body()
    const bj = tree[0].children.find((o: any) => o.code === '110000')
    assert.include(
      bj.children.map((o: any) => o.code),
      '110103'
    )

    const removed = await client.delete(`/api/system/orgs/${id}`).bearerToken(admin)
    removed.assertStatus(204)
    assert.isNull(await db.from('orgs').where('id', id).first())
  })

  test('a duplicate org code is a 422 on code', async ({ client, assert }) => {
    const response = await client
      .post('/api/system/orgs')
      .bearerToken(await tokenFor('admin'))
      .json({ code: '110000', name: '重复', parentId: await orgId('000000') })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'code')
    assert.equal(response.body().errors[0].rule, 'unique')
  })

  test('moving an org recomputes the path and level of its whole subtree', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    // 北京朝阳支行 gets a child, then the branch moves under 上海分行.
    const child = await client
      .post('/api/system/orgs')
      .bearerToken(admin)
      .json({ code: '11010101', name: '朝阳望京网点', parentId: await orgId('110101') })
    child.assertStatus(201)
    assert.equal(child.body().level, 4)

    const chaoyang = await orgId('110101')
    const moved = await client
      .put(`/api/system/orgs/${chaoyang}`)
      .bearerToken(admin)
      .json({ parentId: await orgId('310000') })
    moved.assertStatus(200)

    const shanghaiPath = await pathOf('310000')
    assert.equal(await pathOf('110101'), `${shanghaiPath}${chaoyang}/`)
    assert.equal(await pathOf('11010101'), `${shanghaiPath}${chaoyang}/${child.body().id}/`)
    const rows = await db.from('orgs').whereIn('code', ['110101', '11010101']).orderBy('code')
    assert.deepEqual(
      rows.map((r) => [r.code, Number(r.level), Number(r.parent_id)]),
      [
        ['110101', 3, await orgId('310000')],
        ['11010101', 4, chaoyang],
      ]
    )
    // The old branch keeps only its other sub-branch.
    assert.deepEqual(
      (await db.from('orgs').where('path', 'like', `${await pathOf('110000')}%`))
        .map((r) => r.code)
        .sort(),
      ['110000', '110102']
    )

    // Moving to the top makes it a level-1 root with a one-step path.
    const toRoot = await client
      .put(`/api/system/orgs/${chaoyang}`)
      .bearerToken(admin)
      .json({ parentId: null })
    toRoot.assertStatus(200)
    assert.equal(await pathOf('110101'), `/${chaoyang}/`)
    assert.equal(await pathOf('11010101'), `/${chaoyang}/${child.body().id}/`)
    assert.equal(Number((await db.from('orgs').where('code', '11010101').first()).level), 2)
  })

  test('an org cannot move under itself or its own descendant', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const beijing = await orgId('110000')
    for (const target of ['110000', '110101']) {
      const response = await client
        .put(`/api/system/orgs/${beijing}`)
        .bearerToken(admin)
        .json({ parentId: await orgId(target) })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'parentId')
    }
    assert.equal(await pathOf('110101'), `${await pathOf('110000')}${await orgId('110101')}/`)
  })

  test('delete is refused while the org has children, users or departments', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const withChildren = await client
      .delete(`/api/system/orgs/${await orgId('110000')}`)
      .bearerToken(admin)
    withChildren.assertStatus(422)
    assert.include(withChildren.body().message, '下级机构')

    // 北京朝阳支行 has the demo user bj_cy_am.
    const withUsers = await client
      .delete(`/api/system/orgs/${await orgId('110101')}`)
      .bearerToken(admin)
      .header('accept-language', 'en')
    withUsers.assertStatus(422)
    assert.include(withUsers.body().message, 'users')

    const haidian = await orgId('110102')
    await db.table('departments').insert({
      org_id: haidian,
      code: 'OPS',
      name: '运营部',
      sort: 1,
      status: 'active',
      created_at: '2024-01-01 00:00:00',
      updated_at: '2024-01-01 00:00:00',
    })
    const withDepartments = await client.delete(`/api/system/orgs/${haidian}`).bearerToken(admin)
    withDepartments.assertStatus(422)
    assert.include(withDepartments.body().message, '部门')
    assert.exists(await db.from('orgs').where('id', haidian).first())
  })
})

test.group('机构管理 · data scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const branchAdmin = () =>
    userWith({
      permissions: [
        'system:org:list',
        'system:org:create',
        'system:org:update',
        'system:org:delete',
      ],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })

  test('an org outside the scope is 404 for show, update and delete', async ({ client }) => {
    const { token } = await branchAdmin()
    const shanghai = await orgId('310000')
    ;(await client.get(`/api/system/orgs/${shanghai}`).bearerToken(token)).assertStatus(404)
    ;(
      await client.put(`/api/system/orgs/${shanghai}`).bearerToken(token).json({ name: 'x' })
    ).assertStatus(404)
    ;(await client.delete(`/api/system/orgs/${shanghai}`).bearerToken(token)).assertStatus(404)
    // The head office above the branch is outside too.
    ;(
      await client.get(`/api/system/orgs/${await orgId('000000')}`).bearerToken(token)
    ).assertStatus(404)
    // A missing id answers the same.
    ;(await client.get('/api/system/orgs/987654').bearerToken(token)).assertStatus(404)
  })

  test('inside the scope: show, create a sub-branch, edit it', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    ;(
      await client.get(`/api/system/orgs/${await orgId('110101')}`).bearerToken(token)
    ).assertStatus(200)
    const created = await client
      .post('/api/system/orgs')
      .bearerToken(token)
      .json({ code: '110199', name: '北京新支行', parentId: await orgId('110000') })
    created.assertStatus(201)
    const edited = await client
      .put(`/api/system/orgs/${created.body().id}`)
      .bearerToken(token)
      .json({ parentId: await orgId('110101') })
    edited.assertStatus(200)
    assert.equal(edited.body().level, 4)
  })

  test('creating or moving an org out of the scope is refused', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const underShanghai = await client
      .post('/api/system/orgs')
      .bearerToken(token)
      .json({ code: '310199', name: '上海新支行', parentId: await orgId('310000') })
    underShanghai.assertStatus(403)
    assert.equal(underShanghai.body().rule, 'orgOutside')

    const root = await client
      .post('/api/system/orgs')
      .bearerToken(token)
      .json({ code: '999999', name: '另一家银行' })
    root.assertStatus(403)
    assert.isNull(await db.from('orgs').where('code', '999999').first())

    const away = await client
      .put(`/api/system/orgs/${await orgId('110101')}`)
      .bearerToken(token)
      .json({ parentId: await orgId('310000') })
    away.assertStatus(403)
    assert.equal(await pathOf('110101'), `${await pathOf('110000')}${await orgId('110101')}/`)
  })

  test('with "own org" scope a new child would fall outside, so it is not created', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({
      permissions: ['system:org:create'],
      dataScope: 'org',
      orgCode: '110000',
    })
    const response = await client
      .post('/api/system/orgs')
      .bearerToken(token)
      .json({ code: '110198', name: '北京另一支行', parentId: await orgId('110000') })
    response.assertStatus(403)
    assert.isNull(await db.from('orgs').where('code', '110198').first())
  })
})
