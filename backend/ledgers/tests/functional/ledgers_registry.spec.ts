import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { validateLedgers } from '#core/ledgers/registry'
import { ledgerMenuRow } from '#core/ledgers/ledger_menus'
import { fenToYuan } from '#core/ledgers/ledger_query'
import { Money } from '#core/money/money'
import fc from 'fast-check'
import { jobRuns } from '#core/queue/job_runs'
import type { LedgerDefinition, PluginManifest } from '#core/plugins/types'
import { userWith } from '#tests/helpers/auth'

/*
| 台账 framework, core side: manifest checks, the synced menu entry, unknown
| ledgers, and the owner-only download of any export job.
*/
const ledger = (extra: Partial<LedgerDefinition> = {}): LedgerDefinition => ({
  id: 'demo-ledger',
  name: { zh: '演示台账', en: 'Demo ledger' },
  permission: 'demo:ledger:list',
  menu: { parent: 'demo:root' },
  query: ({ db: client }) => client.from('orgs as o'),
  rowKey: 'o.id',
  scope: { orgColumn: 'o.id' },
  columns: [{ key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text', sql: 'o.name' }],
  ...extra,
})
const manifest = (ledgers: LedgerDefinition[]): PluginManifest => ({
  id: 'demo',
  name: { zh: '演示', en: 'Demo' },
  version: '0.1.0',
  permissions: [{ code: 'demo:ledger:list', name: { zh: '看', en: 'View' } }],
  ledgers,
})

test.group('ledgers: registry and menus', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a ledger definition is checked when the registry loads', ({ assert }) => {
    assert.doesNotThrow(() => validateLedgers(manifest([ledger()])))
    const fails = (extra: Partial<LedgerDefinition>, message: RegExp) =>
      assert.throws(() => validateLedgers(manifest([ledger(extra)])), message)
    fails({ permission: 'demo:other:list' }, /not declared in the manifest/)
    fails({ exportPermission: 'demo:ledger:export' }, /not declared in the manifest/)
    fails({ id: 'Bad Id' }, /lower-case/)
    fails({ defaultSort: { key: 'nope', order: 'asc' } }, /defaultSort "nope" is not a column/)
    fails(
      { columns: [{ key: 'a-b', label: { zh: 'x', en: 'x' }, type: 'text', sql: 'o.x' }] },
      /camelCase/
    )
    fails(
      { filters: [{ key: 'page', label: { zh: 'x', en: 'x' }, type: 'eq', sql: 'o.x' }] },
      /filter key "page" is not allowed/
    )
    fails(
      { columns: [{ key: 'k', label: { zh: 'x', en: 'x' }, type: 'dict', sql: 'o.k' }] },
      /needs dict/
    )
    const linked = (link: any) => ({
      columns: [{ key: 'k', label: { zh: 'x', en: 'x' }, type: 'text' as const, sql: 'o.k', link }],
    })
    assert.doesNotThrow(() =>
      validateLedgers(manifest([ledger(linked({ sql: 'o.id', path: '/p/x/Y', param: 'id' }))]))
    )
    assert.doesNotThrow(() => validateLedgers(manifest([ledger(linked({ sql: 'o.link' }))])))
    fails(linked({ sql: 'o.id', path: 'https://x.example/', param: 'id' }), /console path/)
    fails(linked({ sql: 'o.id', path: '/p/x/Y' }), /link.param is required/)
  })

  test('each ledger gets a page menu under its parent, synced with its plugin', async ({
    assert,
  }) => {
    assert.containsSubset(ledgerMenuRow('demo', ledger(), 0), {
      code: 'demo:ledger:demo-ledger',
      parent_code: 'demo:root',
      page_key: 'ledgers/LedgerPage',
      path: '/ledgers/demo-ledger',
      permission: 'demo:ledger:list',
    })
    const synced = await db.from('menus').where('code', 'credit-assets:ledger:risk-assets').first()
    assert.containsSubset(synced, {
      parent_code: 'credit-assets:ledgers',
      source: 'credit-assets',
      path: '/ledgers/risk-assets',
    })
  })

  test('an unknown ledger is a 404; an export file goes only to the user who started the job', async ({
    client,
  }) => {
    const user = await userWith({ permissions: [] })
    ;(await client.get('/api/ledgers/no-such-ledger/rows').bearerToken(user.token)).assertStatus(
      404
    )

    const other = await userWith({ permissions: [] })
    const jobId = await jobRuns.create('system:ledger-export', null, other.user.id)
    await jobRuns.completed(jobId, { token: 'a'.repeat(64), fileName: 'x.xlsx', rows: 0 })
    const url = `/api/exports/${jobId}/download`
    ;(await client.get(url).qs({ token: 'a'.repeat(64) })).assertStatus(401)
    ;(
      await client
        .get(url)
        .bearerToken(user.token)
        .qs({ token: 'a'.repeat(64) })
    ).assertStatus(404)
    ;(await client.get(url).bearerToken(other.token).qs({ token: 'x' })).assertStatus(422)
    // The owner with the right token, but the file is gone (expired): still a 404.
    ;(
      await client
        .get(url)
        .bearerToken(other.token)
        .qs({ token: 'a'.repeat(64) })
    ).assertStatus(404)
  })

  test('money cells: the fast fen → yuan text equals Money for every integer', ({ assert }) => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }), (fen) => {
        assert.equal(fenToYuan(fen.toString()), Money.fromFen(fen.toString()).toYuan())
      }),
      { numRuns: 2000 }
    )
    assert.equal(fenToYuan('5'), '0.05')
    assert.equal(fenToYuan('-120'), '-1.20')
  })
})
