import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { userWith } from '#tests/helpers/auth'

/*
| 记录选择器 of the core (console OrgPicker / UserPicker): the org tree and the
| people a form may pick, inside the caller's data scope; for a record, only
| holders of the permission whose own scope covers the record (the reminder
| rule, record_recipients.ts). LIKE input is literal.
*/
type Node = { id: number; children: Node[] }
const ids = (nodes: Node[]): number[] => nodes.flatMap((n) => [n.id, ...ids(n.children)])
const PERMISSION = 'credit-assets:loan:list'

test.group('core pickers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the org tree: a branch manager picks only their branch and below; all for filters', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const [branch1, branch2] = book.orgs.branches
    const mine = await client.get('/api/pickers/orgs').bearerToken(book.people.branchManager.token)
    mine.assertStatus(200)
    assert.lengthOf(mine.body(), 1)
    assert.equal(mine.body()[0].id, branch1)
    assert.sameMembers(ids(mine.body()), [branch1, ...book.orgs.subBranches.slice(0, 2)])
    assert.notInclude(ids(mine.body()), branch2)

    const all = await client
      .get('/api/pickers/orgs')
      .qs({ scope: 'all' })
      .bearerToken(book.people.branchManager.token)
    assert.includeMembers(ids(all.body()), [book.orgs.head, branch1, branch2])

    const bad = await client
      .get('/api/pickers/orgs')
      .qs({ scope: 'everything' })
      .bearerToken(book.people.branchManager.token)
    bad.assertStatus(422)
  })

  test('users: a branch user never finds another branch; keyword by name, org; LIKE escaped', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const tag = `${process.pid}_`
    const found = await client
      .get('/api/pickers/users')
      .qs({ keyword: tag, perPage: 50 })
      .bearerToken(book.people.branchManager.token)
    found.assertStatus(200)
    const values = found.body().data.map((u: { value: number }) => u.value)
    assert.includeMembers(values, [
      book.users.branchManager,
      book.users.subBranchClerk,
      book.users.accountManagerA,
    ])
    assert.notInclude(values, book.users.otherBranchManager)
    assert.notInclude(values, book.users.headOfficeRisk)
    assert.equal(found.body().total, values.length)

    // By org name: the second branch's name finds nobody for branch 1's manager.
    const byOrg = await client
      .get('/api/pickers/users')
      .qs({ keyword: '测试账本第二分行' })
      .bearerToken(book.people.branchManager.token)
    assert.equal(byOrg.body().total, 0)
    const byOrgOther = await client
      .get('/api/pickers/users')
      .qs({ keyword: '测试账本第二分行' })
      .bearerToken(book.people.otherBranchManager.token)
    assert.include(
      byOrgOther.body().data.map((u: { value: number }) => u.value),
      book.users.otherBranchManager
    )

    // '%' and '_' are literal: only the user whose name holds them.
    await db.from('users').where('id', book.users.subBranchClerk).update({ real_name: '张三%_甲' })
    const literal = await client
      .get('/api/pickers/users')
      .qs({ keyword: '%_' })
      .bearerToken(book.people.branchManager.token)
    assert.deepEqual(
      literal.body().data.map((u: { value: number; label: string }) => [u.value, u.label]),
      [[book.users.subBranchClerk, '张三%_甲']]
    )

    // Disabled users are never offered.
    await db.from('users').where('id', book.users.subBranchClerk).update({ status: 'disabled' })
    const afterDisable = await client
      .get('/api/pickers/users')
      .qs({ keyword: '张三' })
      .bearerToken(book.people.branchManager.token)
    assert.equal(afterDisable.body().total, 0)
  })

  test('users for a record: holders of the permission whose scope covers the record', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const [, branch2] = book.orgs.branches
    const sub1 = book.orgs.subBranches[0]
    // Sits in branch 1 and sees it all, but does not hold the permission.
    const noGrant = await userWith({
      permissions: ['system:message:mine'],
      dataScope: 'all',
      orgCode: '000000',
    })
    await db.from('users').where('id', noGrant.user.id).update({ org_id: book.orgs.branches[0] })
    const pick = (token: string, extra: Record<string, unknown> = {}) =>
      client
        .get('/api/pickers/users')
        .qs({
          keyword: `${process.pid}_`,
          perPage: 50,
          permission: PERMISSION,
          recordOrgId: sub1,
          recordOwnerId: book.users.accountManagerA,
          ...extra,
        })
        .bearerToken(token)

    const eligible = await pick(book.people.branchManager.token)
    eligible.assertStatus(200)
    const values = eligible.body().data.map((u: { value: number }) => u.value)
    assert.includeMembers(values, [
      book.users.headOfficeRisk,
      book.users.branchManager,
      book.users.subBranchClerk,
      book.users.accountManagerA,
    ])
    // 仅本人 of another manager's record, the other branch, and no grant: not offered.
    assert.notInclude(values, book.users.accountManagerB)
    assert.notInclude(values, book.users.otherBranchManager)
    assert.notInclude(values, noGrant.user.id)

    // Paged: page 2 of size 1 is the second eligible person.
    const second = await pick(book.people.branchManager.token, { perPage: 1, page: 2 })
    assert.equal(second.body().total, eligible.body().total)
    assert.deepEqual(second.body().data, [eligible.body().data[1]])

    // A caller who cannot open the record learns nothing about it: 404.
    const outside = await pick(book.people.otherBranchManager.token)
    outside.assertStatus(404)
    // A record of branch 2 is fine for branch 2's manager.
    const own = await pick(book.people.otherBranchManager.token, {
      recordOrgId: branch2,
      recordOwnerId: undefined,
    })
    own.assertStatus(200)
    assert.include(
      own.body().data.map((u: { value: number }) => u.value),
      book.users.otherBranchManager
    )
  })

  test('bad input is 422 with the field; signed-out is 401', async ({ client, assert }) => {
    const book = await buildBook()
    const bad = await client
      .get('/api/pickers/users')
      .qs({ ids: '1,x', perPage: 51, permission: 'DROP TABLE', recordOwnerId: 3 })
      .header('Accept-Language', 'zh-CN')
      .bearerToken(book.people.branchManager.token)
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: { field: string }) => e.field),
      ['ids', 'perPage', 'permission', 'recordOrgId']
    )
    const anonymous = await client.get('/api/pickers/users')
    anonymous.assertStatus(401)
  })
})
