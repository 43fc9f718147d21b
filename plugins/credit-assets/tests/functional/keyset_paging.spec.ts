import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'

/*
| Keyset paging (issue 20) on the 风险资产台账 (ledger framework) and the 风险资产
| list: walking every page by the answers' next cursors, and back by the previous
| ones, gives exactly the rows of OFFSET paging — for four data scopes, the
| default sort and other sorts (ties in the sort key, a nullable column) — a row
| booked between two requests neither doubles nor hides a row, and a malformed,
| tampered or foreign cursor is a 422 in the caller's language.
*/
const LEDGER = 'credit-assets:risk-asset-ledger:list'
const LIST = 'credit-assets:risk-asset:list'
const PER_PAGE = 4

type Client = any
interface Endpoint {
  name: string
  url: string
  /** The row's identity in the answer. */
  id: (row: any) => string
}
const ledger: Endpoint = {
  name: 'ledger',
  url: '/api/ledgers/risk-assets/rows',
  id: (r) => String(r.loanNo__link),
}
const list: Endpoint = {
  name: 'list',
  url: '/api/credit-assets/risk-assets',
  id: (r) => String(r.loanId),
}

async function get(client: Client, endpoint: Endpoint, token: string, qs: Record<string, any>) {
  const response = await client
    .get(endpoint.url)
    .bearerToken(token)
    .qs({ perPage: PER_PAGE, ...qs })
  if (response.status() !== 200)
    throw new Error(`${endpoint.name} ${JSON.stringify(qs)}: ${JSON.stringify(response.body())}`)
  return response.body() as { data: any[]; meta: any }
}

/** Every row by page number (OFFSET). */
async function byOffset(client: Client, endpoint: Endpoint, token: string, qs: object) {
  const ids: string[] = []
  for (let page = 1; page <= 100; page++) {
    const body = await get(client, endpoint, token, { ...qs, page })
    ids.push(...body.data.map(endpoint.id))
    if (body.data.length < PER_PAGE) break
  }
  return ids
}

/** Every row by next cursors, then back by previous cursors (the pages, last to first). */
async function byCursor(
  client: Client,
  endpoint: Endpoint,
  token: string,
  qs: object,
  between: (page: number) => Promise<void> = async () => {}
) {
  const forward: string[] = []
  let body = await get(client, endpoint, token, { ...qs, page: 1 })
  let prevOfFirst = body.meta.prevCursor
  const pages = [body.data.map(endpoint.id)]
  forward.push(...pages[0])
  for (let page = 2; body.meta.nextCursor && page <= 100; page++) {
    await between(page)
    body = await get(client, endpoint, token, { ...qs, page, after: body.meta.nextCursor })
    pages.push(body.data.map(endpoint.id))
    forward.push(...pages[pages.length - 1])
  }
  const backward: string[][] = [body.data.map(endpoint.id)]
  for (let step = 0; body.meta.prevCursor && step < 100; step++) {
    body = await get(client, endpoint, token, { ...qs, before: body.meta.prevCursor })
    backward.unshift(body.data.map(endpoint.id))
  }
  return { forward, backward: backward.flat(), pages, prevOfFirst }
}

/** Forward and backward by cursor equal OFFSET paging; every page but the last is full. */
async function sameAsOffset(
  client: Client,
  assert: any,
  endpoint: Endpoint,
  token: string,
  qs: object,
  who: string
) {
  const label = `${who} ${endpoint.name} ${JSON.stringify(qs)}`
  const offset = await byOffset(client, endpoint, token, qs).catch((e) => {
    throw new Error(`${label}: ${e.message}`)
  })
  assert.isAbove(offset.length, PER_PAGE, label)
  assert.equal(new Set(offset).size, offset.length, `${label}: offset has no doubles`)
  const walk = await byCursor(client, endpoint, token, qs)
  assert.isNull(walk.prevOfFirst, `${label}: page 1 has no previous page`)
  assert.deepEqual(walk.forward, offset, `${label}: forward by cursor`)
  assert.deepEqual(walk.backward, offset, `${label}: backward by cursor`)
  for (const page of walk.pages.slice(0, -1))
    assert.lengthOf(page, PER_PAGE, `${label}: full pages`)
}

async function orgIds(codes: string[]) {
  return (await db.from('orgs').whereIn('code', codes).select('id')).map((o) => Number(o.id))
}

async function viewers() {
  const manager = await userWith({
    permissions: [LEDGER, LIST],
    dataScope: 'self',
    orgCode: '110101',
  })
  return {
    manager,
    list: [
      {
        name: 'org_and_below',
        user: await userWith({
          permissions: [LEDGER, LIST],
          dataScope: 'org_and_below',
          orgCode: '110000',
        }),
        orgs: await orgIds(['110000', '110101', '110102']),
      },
      {
        name: 'custom',
        user: await userWith({
          permissions: [LEDGER, LIST],
          dataScope: 'custom',
          customOrgCodes: ['310101'],
        }),
        orgs: await orgIds(['310101']),
      },
      { name: 'self', user: manager, orgs: null },
      { name: 'all', user: await userWith({ permissions: [LEDGER, LIST] }), orgs: null },
    ],
  }
}

/** 24 risk assets over four orgs; pairs share 移交日期, balance and 逾期天数 (ties). */
async function book(managerId: number) {
  const codes = ['110101', '110102', '310101', '440101']
  const loans = []
  for (let i = 0; i < 24; i++) {
    loans.push(
      await bookLoan({
        riskAsset: true,
        orgCode: codes[i % codes.length],
        managerId: i % 3 === 0 ? managerId : null,
        enteredOn: `2026-0${1 + Math.floor(i / 4)}-${String(10 + (i % 2)).padStart(2, '0')}`,
        balanceFen: String(100000 + Math.floor(i / 2) * 100),
        overdueDays: (i % 4) * 30,
      })
    )
  }
  // 重组日期 on some loans only: a nullable sort column.
  for (const loan of loans.filter((_, i) => i % 3 === 1))
    await db
      .from('ca_loans')
      .where('id', loan.loanId)
      .update({ restructured_on: `2026-03-0${1 + (loan.loanId % 3)}` })
  return loans
}

test.group('credit-assets: keyset paging by cursor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every scope, default sort: the cursor walk, both ways, equals OFFSET paging', async ({
    client,
    assert,
  }) => {
    const { manager, list: people } = await viewers()
    await book(manager.user.id)
    for (const viewer of people)
      for (const endpoint of [ledger, list])
        await sameAsOffset(client, assert, endpoint, viewer.user.token, {}, viewer.name)
    // The scope itself: the walk holds the scope's rows (by the loans' own org / manager).
    for (const viewer of people.filter((p) => p.orgs)) {
      const walk = await byCursor(client, ledger, viewer.user.token, {})
      const own = await db.from('ca_loans').whereIn('id', walk.forward).select('org_id')
      assert.isTrue(
        own.every((l) => viewer.orgs!.includes(Number(l.org_id))),
        viewer.name
      )
    }
    const selfWalk = await byCursor(client, list, manager.token, {})
    assert.equal(selfWalk.forward.length, 8)
  }).timeout(120_000)

  test('other sorts (ties, a nullable column): the cursor carries the sort value', async ({
    client,
    assert,
  }) => {
    const { manager, list: people } = await viewers()
    await book(manager.user.id)
    const sorts: Array<[Endpoint, object]> = [
      [ledger, { sort: 'balance', order: 'desc' }],
      [ledger, { sort: 'restructuredOn', order: 'asc' }],
      [ledger, { sort: 'restructuredOn', order: 'desc' }],
      [list, { sort: 'overdueDays', order: 'asc' }],
      [list, { sort: 'enteredOn', order: 'desc' }],
    ]
    for (const viewer of people.filter((p) => ['all', 'org_and_below'].includes(p.name)))
      for (const [endpoint, qs] of sorts)
        await sameAsOffset(client, assert, endpoint, viewer.user.token, qs, viewer.name)
  }).timeout(120_000)

  test('a row booked between two page requests: none lost, none doubled', async ({
    client,
    assert,
  }) => {
    const { manager, list: people } = await viewers()
    await book(manager.user.id)
    const all = people.find((p) => p.name === 'all')!.user
    for (const endpoint of [ledger, list]) {
      const booked: string[] = []
      const walk = await byCursor(client, endpoint, all.token, {}, async (page) => {
        if (page !== 3) return
        // One before the cursor (newest: on page 1 now) and one after it (oldest).
        for (const enteredOn of ['2026-06-30', '2025-12-01'])
          booked.push(
            String((await bookLoan({ riskAsset: true, enteredOn, orgCode: '110101' })).loanId)
          )
      })
      const now = await byOffset(client, endpoint, all.token, {})
      assert.equal(new Set(walk.forward).size, walk.forward.length, `${endpoint.name}: no doubles`)
      // The default list sorts by risk-asset id (newest last booked first): the newer rows
      // both lie before the cursor; the ledger by 移交日期: the older one is after it.
      const seenNew = booked.filter((id) => walk.forward.includes(id))
      assert.deepEqual(
        walk.forward,
        now.filter((id) => !booked.includes(id) || seenNew.includes(id)),
        `${endpoint.name}: every row once, in order`
      )
      assert.deepEqual(seenNew, endpoint === ledger ? [booked[1]] : [], endpoint.name)
      // OFFSET would have shown the last row of page 2 again on page 3 (the defect keyset avoids).
      assert.deepEqual(walk.backward, now, `${endpoint.name}: back from the end sees the new rows`)
    }
  })

  test('a malformed, tampered or foreign cursor is 422, in zh and en', async ({
    client,
    assert,
  }) => {
    const user = await userWith({ permissions: [LEDGER, LIST] })
    for (let i = 0; i < 5; i++) await bookLoan({ riskAsset: true })
    for (const endpoint of [ledger, list]) {
      const first = await get(client, endpoint, user.token, { page: 1 })
      const cursor: string = first.meta.nextCursor
      assert.isString(cursor, endpoint.name)
      const [payload, signature] = cursor.split('.')
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString())
      decoded[4] = 1 // another row key, same signature
      const tampered = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`
      const bad = [
        { after: 'garbage' },
        { after: `${payload}.` },
        { after: `${payload}.${signature}x` },
        { after: tampered },
        { before: tampered },
        { after: cursor, before: cursor },
        // Signed, but made for the default sort: refused under another.
        { after: cursor, sort: endpoint === ledger ? 'balance' : 'overdueDays' },
      ]
      for (const qs of bad) {
        const zh = await client.get(endpoint.url).bearerToken(user.token).qs(qs)
        assert.equal(zh.status(), 422, `${endpoint.name} ${JSON.stringify(qs)}`)
        assert.equal(zh.body().errors[0].rule, 'cursor')
        assert.include(zh.body().errors[0].message, '分页游标无效')
      }
      const en = await client
        .get(endpoint.url)
        .bearerToken(user.token)
        .header('accept-language', 'en')
        .qs({ after: tampered })
      assert.equal(en.status(), 422)
      assert.deepEqual(en.body().errors[0].field, 'after')
      assert.include(en.body().errors[0].message, 'paging cursor is invalid')
      // The ledger's cursor is not the list's and vice versa.
      const other = endpoint === ledger ? list : ledger
      const foreign = await client.get(other.url).bearerToken(user.token).qs({ after: cursor })
      assert.equal(foreign.status(), 422, `${endpoint.name} cursor on ${other.name}`)
    }
  })
})
