import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor, userWith } from '#tests/helpers/auth'

/*
| 部门管理 (scoped through the department's org) and 岗位管理 (bank-wide).
| Demo departments RISK, ASSET, CREDIT belong to the head office (000000).
*/
const deptId = async (code: string) =>
  Number((await db.from('departments').where('code', code).first()).id)

test.group('部门管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create, list by org, show, update, delete', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const beijing = await orgId('110000')
    const created = await client
      .post('/api/system/departments')
      .bearerToken(admin)
      .json({ orgId: beijing, code: 'RISK', name: '北京分行风险部', sort: 1 })
    created.assertStatus(201)
    assert.equal(created.body().orgName, '北京分行')

    const byOrg = await client
      .get('/api/system/departments')
      .qs({ orgId: beijing })
      .bearerToken(admin)
    assert.deepEqual(
      byOrg.body().data.map((d: any) => d.name),
      ['北京分行风险部']
    )
    const all = await client.get('/api/system/departments').bearerToken(admin)
    assert.equal(all.body().meta.total, 4)

    const id = created.body().id
    ;(await client.get(`/api/system/departments/${id}`).bearerToken(admin)).assertStatus(200)
    const updated = await client
      .put(`/api/system/departments/${id}`)
      .bearerToken(admin)
      .json({ name: '风险合规部', status: 'disabled' })
    assert.equal(updated.body().name, '风险合规部')
    assert.equal(updated.body().status, 'disabled')
    ;(await client.delete(`/api/system/departments/${id}`).bearerToken(admin)).assertStatus(204)
    assert.isNull(await db.from('departments').where('id', id).first())
  })

  test('a code is unique within its org; a department with staff is not deleted', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const duplicate = await client
      .post('/api/system/departments')
      .bearerToken(admin)
      .json({ orgId: await orgId('000000'), code: 'RISK', name: '又一个风险部' })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().errors[0].field, 'code')

    // admin, ops, hq_risk and auditor sit in 风险管理部.
    const withStaff = await client
      .delete(`/api/system/departments/${await deptId('RISK')}`)
      .bearerToken(admin)
    withStaff.assertStatus(422)
    assert.include(withStaff.body().message, '4')
  })

  test("another org's department is 404 by id; creating one there is refused", async ({
    client,
    assert,
  }) => {
    const branch = await userWith({
      permissions: [
        'system:dept:list',
        'system:dept:create',
        'system:dept:update',
        'system:dept:delete',
      ],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const headOffice = await deptId('ASSET')
    ;(
      await client.get(`/api/system/departments/${headOffice}`).bearerToken(branch.token)
    ).assertStatus(404)
    ;(
      await client
        .put(`/api/system/departments/${headOffice}`)
        .bearerToken(branch.token)
        .json({ name: 'x' })
    ).assertStatus(404)
    ;(
      await client.delete(`/api/system/departments/${headOffice}`).bearerToken(branch.token)
    ).assertStatus(404)

    const list = await client.get('/api/system/departments').bearerToken(branch.token)
    assert.equal(list.body().meta.total, 0)

    const outside = await client
      .post('/api/system/departments')
      .bearerToken(branch.token)
      .json({ orgId: await orgId('000000'), code: 'OPS', name: '运营部' })
    outside.assertStatus(403)
    const inside = await client
      .post('/api/system/departments')
      .bearerToken(branch.token)
      .json({ orgId: await orgId('110101'), code: 'OPS', name: '运营部' })
    inside.assertStatus(201)
    const tree = await client.get('/api/system/departments/org-tree').bearerToken(branch.token)
    assert.deepEqual(
      tree.body().map((o: any) => o.code),
      ['110000']
    )
  })
})

test.group('岗位管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create, list, show, update, delete; codes are unique', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const created = await client
      .post('/api/system/posts')
      .bearerToken(admin)
      .json({ code: 'AM', name: '客户经理', sort: 1 })
    created.assertStatus(201)
    const id = created.body().id

    const duplicate = await client
      .post('/api/system/posts')
      .bearerToken(admin)
      .json({ code: 'AM', name: '另一个' })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().errors[0].field, 'code')

    const list = await client.get('/api/system/posts').qs({ keyword: '客户' }).bearerToken(admin)
    assert.deepEqual(
      list.body().data.map((p: any) => [p.code, p.userCount]),
      [['AM', 0]]
    )
    const updated = await client
      .put(`/api/system/posts/${id}`)
      .bearerToken(admin)
      .json({ name: '客户经理（对公）' })
    assert.equal(updated.body().name, '客户经理（对公）')
    ;(await client.get(`/api/system/posts/${id}`).bearerToken(admin)).assertStatus(200)
    ;(await client.delete(`/api/system/posts/${id}`).bearerToken(admin)).assertStatus(204)
    ;(await client.get(`/api/system/posts/${id}`).bearerToken(admin)).assertStatus(404)
  })

  test('a post held by staff is not deleted', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const id = (
      await client
        .post('/api/system/posts')
        .bearerToken(admin)
        .json({ code: 'RM', name: '风险经理' })
    ).body().id
    const holder = await db.from('users').where('username', 'hq_risk').first()
    await db.table('user_posts').insert({ user_id: holder.id, post_id: id })
    const response = await client.delete(`/api/system/posts/${id}`).bearerToken(admin)
    response.assertStatus(422)
    assert.exists(await db.from('posts').where('id', id).first())
  })
})
