import { test } from '@japa/runner'
import {
  heldCodes,
  missingCodes,
  orgsOutside,
  reachFor,
  roleExcess,
  scopeWithin,
  type Granter,
  type GranterRole,
} from '#core/identity/grant_guard'

/*
| The comparisons behind 授权防越权, without a database. A granter is a list of
| roles, each with its codes and the orgs its scope reaches (ids 1 = 总行,
| 4 = 北京分行, 9/10 = its sub-branches, 5 = 上海分行).
*/
const role = (
  dataScope: GranterRole['dataScope'],
  codes: string[],
  visibleOrgIds: number[] = []
): GranterRole => ({
  id: Math.floor(Math.random() * 1e6),
  code: 'r',
  dataScope,
  visibleOrgIds,
  permissions: new Set(codes),
})
const granter = (...roles: GranterRole[]): Granter => ({ superAdmin: false, roles })
const superAdmin: Granter = { superAdmin: true, roles: [] }

test.group('grant guard · codes', () => {
  test('missing codes are the requested ones not held, sorted and unique', ({ assert }) => {
    const held = new Set(['a:b:list', 'a:b:create'])
    assert.deepEqual(missingCodes(held, ['a:b:list', 'z:z:delete', 'c:c:list', 'z:z:delete']), [
      'c:c:list',
      'z:z:delete',
    ])
    assert.deepEqual(missingCodes(held, []), [])
  })

  test("'*' holds every code", ({ assert }) => {
    assert.deepEqual(missingCodes(new Set(['*']), ['anything:at:all']), [])
    assert.deepEqual([...heldCodes(superAdmin)], ['*'])
  })

  test('held codes are the union of the roles', ({ assert }) => {
    const g = granter(role('org', ['a:x:list']), role('self', ['b:y:list']))
    assert.sameMembers([...heldCodes(g)], ['a:x:list', 'b:y:list'])
  })
})

test.group('grant guard · scope ladder', () => {
  const branch = { rank: 3, orgIds: new Set([4, 9, 10]) }

  test('all > org_and_below > org > self', ({ assert }) => {
    const spec = (dataScope: any) => ({ dataScope, orgIds: [] })
    assert.isFalse(scopeWithin(spec('all'), branch))
    assert.isTrue(scopeWithin(spec('org_and_below'), branch))
    assert.isTrue(scopeWithin(spec('org'), branch))
    assert.isTrue(scopeWithin(spec('self'), branch))
    const ownOrg = { rank: 2, orgIds: new Set([4]) }
    assert.isFalse(scopeWithin(spec('org_and_below'), ownOrg))
    assert.isTrue(scopeWithin(spec('org'), ownOrg))
    const selfOnly = { rank: 1, orgIds: new Set<number>() }
    assert.isFalse(scopeWithin(spec('org'), selfOnly))
    assert.isTrue(scopeWithin(spec('self'), selfOnly))
    assert.isFalse(scopeWithin(spec('self'), { rank: 0, orgIds: new Set() }))
  })

  test('a custom list must lie inside the orgs the granter sees', ({ assert }) => {
    assert.isTrue(scopeWithin({ dataScope: 'custom', orgIds: [9, 10] }, branch))
    assert.isFalse(scopeWithin({ dataScope: 'custom', orgIds: [9, 5] }, branch))
    assert.deepEqual(orgsOutside({ dataScope: 'custom', orgIds: [5, 9, 1, 5] }, branch), [1, 5])
    // An empty custom list shows nothing; anyone may give it.
    assert.isTrue(scopeWithin({ dataScope: 'custom', orgIds: [] }, { rank: 0, orgIds: new Set() }))
    // "all" sees every org, listed or not.
    assert.isTrue(scopeWithin({ dataScope: 'custom', orgIds: [5] }, { rank: 4, orgIds: new Set() }))
  })

  test('a custom-scope granter may hand out self or custom inside their list, never org-relative scopes', ({
    assert,
  }) => {
    const g = granter(role('custom', ['a:x:list'], [9]))
    const reach = reachFor(g, 'a:x:list')
    assert.equal(reach.rank, 1)
    assert.isTrue(scopeWithin({ dataScope: 'self', orgIds: [] }, reach))
    assert.isTrue(scopeWithin({ dataScope: 'custom', orgIds: [9] }, reach))
    assert.isFalse(scopeWithin({ dataScope: 'org', orgIds: [] }, reach))
  })
})

test.group('grant guard · reach per code', () => {
  test('the reach for a code is the union of the roles holding it', ({ assert }) => {
    const g = granter(
      role('org_and_below', ['loan:note:list'], [4, 9, 10]),
      role('self', ['loan:note:create'])
    )
    assert.equal(reachFor(g, 'loan:note:list').rank, 3)
    assert.equal(reachFor(g, 'loan:note:create').rank, 1)
    assert.equal(reachFor(g, 'not:held:code').rank, 0)
    assert.equal(reachFor(g).rank, 3)
    assert.equal(reachFor(superAdmin, 'x').rank, 4)
  })
})

test.group('grant guard · role excess', () => {
  const branchAdmin = granter(
    role('org_and_below', ['system:user:list', 'system:user:create'], [4, 9, 10]),
    role('self', ['loan:note:list'])
  )

  test('a role within the granter passes', ({ assert }) => {
    assert.isNull(
      roleExcess(branchAdmin, {
        code: 'teller',
        permissions: ['system:user:list'],
        dataScope: 'org',
        orgIds: [],
      })
    )
    assert.isNull(
      roleExcess(branchAdmin, {
        code: 'empty',
        permissions: [],
        dataScope: 'org_and_below',
        orgIds: [],
      })
    )
  })

  test('codes the granter lacks are named', ({ assert }) => {
    const excess = roleExcess(branchAdmin, {
      code: 'r',
      permissions: ['system:user:list', 'system:menu:update'],
      dataScope: 'self',
      orgIds: [],
    })
    assert.deepEqual(excess?.missingCodes, ['system:menu:update'])
    assert.isFalse(excess?.scopeTooWide)
  })

  test('the scope is judged per code: branch-wide for one code, self for another', ({ assert }) => {
    const excess = roleExcess(branchAdmin, {
      code: 'r',
      permissions: ['system:user:list', 'loan:note:list'],
      dataScope: 'org_and_below',
      orgIds: [],
    })
    assert.deepEqual(excess?.missingCodes, [])
    assert.deepEqual(excess?.scopeTooWideFor, ['loan:note:list'])
  })

  test('a role without codes still may not carry a wider scope', ({ assert }) => {
    const excess = roleExcess(branchAdmin, {
      code: 'r',
      permissions: [],
      dataScope: 'all',
      orgIds: [],
    })
    assert.isTrue(excess?.scopeTooWide)
  })

  test('custom orgs outside the granter are listed', ({ assert }) => {
    const excess = roleExcess(branchAdmin, {
      code: 'r',
      permissions: ['system:user:list'],
      dataScope: 'custom',
      orgIds: [9, 5],
    })
    assert.deepEqual(excess?.orgsOutside, [5])
  })

  test("the built-in administrator role carries '*', which only the super administrator holds", ({
    assert,
  }) => {
    const excess = roleExcess(branchAdmin, {
      code: 'admin',
      permissions: [],
      dataScope: 'all',
      orgIds: [],
    })
    assert.deepEqual(excess?.missingCodes, ['*'])
    assert.isNull(
      roleExcess(superAdmin, { code: 'admin', permissions: [], dataScope: 'all', orgIds: [] })
    )
  })
})
