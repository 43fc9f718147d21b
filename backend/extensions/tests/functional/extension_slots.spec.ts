import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { PluginManifest } from '#core/plugins/define_plugin'
import { enabledPlugins } from '#core/plugins/registry'
import { indexExtensions } from '#core/extensions/extension_registry'
import { extendLedger } from '#core/extensions/extension_sql'
import { extensionValues } from '#core/extensions/extensions'
import { catalogueOf } from '#core/query/catalogue'
import { compileQuery } from '#core/query/compile_query'
import { runQueryPage } from '#core/query/run_query'
import { listLedgerRows } from '#core/ledgers/ledger_rows'
import { ledgerRegistry } from '#core/ledgers/registry'
import { UserAccess } from '#core/identity/user_access'
import User from '#core/identity/user'
import { tokenFor, userWith } from '#tests/helpers/auth'
import fixtureBank from '../../../../tests/plugins/fixture-bank/plugin.js'
import { bookLoan } from '../../../../plugins/credit-assets/fixtures/book_fixture.js'

/*
| Extension slots (issue 11 §4). The kernel's test plugin adds 行内评级 and
| 行内授信额度 to credit-assets' loans from its own table, without a line of
| credit-assets changed: the fields come back in the loan's detail values, in
| 综合查询 and as risk-asset ledger columns.
*/
const TABLE = 'fx_loan_extras'
/** The kernel's test plugin (tests/plugins/fixture-bank, loaded by the e2e server too), a fresh copy to change. */
const testPlugin = (change: (m: PluginManifest) => void = () => {}) => {
  const manifest = structuredClone(fixtureBank) as PluginManifest
  change(manifest)
  return manifest
}
const enabled = async () => (await enabledPlugins()).map((p) => p.manifest)

/** A temporary table does not end the test's global transaction (a CREATE TABLE would). */
async function extrasFor(loanId: number, rating: string, lineFen: string) {
  await db.rawQuery(
    `CREATE TEMPORARY TABLE IF NOT EXISTS ${TABLE} (id BIGINT PRIMARY KEY, bank_rating VARCHAR(20), line_fen BIGINT)`
  )
  await db.table(TABLE).insert({ id: loanId, bank_rating: rating, line_fen: lineFen })
}

test.group('Extension slots: manifest checks', () => {
  test('disposal fills 客户视图 through customer-view:customer-panels', async ({ assert }) => {
    const index = indexExtensions(await enabled())
    assert.equal(index.slotPoints.get('customer-view:customer-panels')?.props[0], 'customerId')
    const slot = index.slots.find((s) => s.slot === 'customer-view:customer-panels')
    assert.deepInclude(slot, {
      pluginId: 'disposal',
      component: 'disposal/slots/CustomerPlansPanel',
    })
  })

  test('a contribution to an enabled plugin that offers no such point stops boot', async ({
    assert,
  }) => {
    const manifests = await enabled()
    const bad = testPlugin((m) => {
      m.slots = [
        {
          slot: 'customer-view:nowhere',
          id: 'x',
          title: { zh: '甲', en: 'A' },
          component: 'fixture-bank/X',
        },
      ]
    })
    assert.throws(
      () => indexExtensions([...manifests, bad]),
      /no enabled plugin offers "customer-view:nowhere"/
    )
    const foreign = testPlugin((m) => {
      m.slots = [
        {
          slot: 'customer-view:customer-panels',
          id: 'x',
          title: { zh: '甲', en: 'A' },
          component: 'disposal/X',
        },
      ]
    })
    assert.throws(
      () => indexExtensions([...manifests, foreign]),
      /component must be "fixture-bank\//
    )
    const clash = testPlugin((m) => {
      m.extensionFields![0].fields[1].key = 'bankRating'
    })
    assert.throws(() => indexExtensions([...manifests, clash]), /"bankRating" is bad or taken/)
    const undeclared = testPlugin((m) => {
      m.extensionFields![0].permission = 'fixture-bank:secret'
    })
    assert.throws(
      () => indexExtensions([...manifests, undeclared]),
      /"fixture-bank:secret" is not declared/
    )
  })

  test('a contribution to a plugin that is not enabled is dormant', async ({ assert }) => {
    const others = (await enabled()).filter((m) => m.id !== 'customer-view')
    const index = indexExtensions(others)
    assert.isUndefined(index.slots.find((s) => s.slot === 'customer-view:customer-panels'))
  })

  test('an extension field that collides with a dataset field is refused', async ({ assert }) => {
    const manifests = await enabled()
    const clash = testPlugin((m) => {
      m.extensionFields![0].fields[0].key = 'loanNo'
    })
    assert.throws(() => catalogueOf([...manifests, clash]), /field "loanNo" twice/)
  })
})

test.group("Extension slots: API and the test plugin's loan fields", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/extensions lists the slots the caller may see', async ({ client, assert }) => {
    const planReader = await userWith({
      permissions: ['customer-view:customer:list', 'disposal:plan:list'],
    })
    const seen = await client.get('/api/extensions').bearerToken(planReader.token)
    seen.assertStatus(200)
    assert.deepInclude(seen.body().slots, {
      slot: 'customer-view:customer-panels',
      plugin: 'disposal',
      id: 'customer-plans',
      title: { zh: '处置预案', en: 'Disposal plans' },
      component: 'disposal/slots/CustomerPlansPanel',
      order: 10,
    })
    assert.deepInclude(seen.body().eventKinds, {
      kind: 'disposal',
      label: { zh: '处置', en: 'Disposal' },
    })
    const viewerOnly = await userWith({ permissions: ['customer-view:customer:list'] })
    const hidden = await client.get('/api/extensions').bearerToken(viewerOnly.token)
    assert.deepEqual(hidden.body().slots, [])
    const anonymous = await client.get('/api/extensions')
    anonymous.assertStatus(401)
    assert.isString(await tokenFor('admin'))
  })

  test('the loan field shows in the detail values, 综合查询 and the ledger', async ({ assert }) => {
    const loan = await bookLoan({ riskAsset: true, customerName: `EXT${process.pid}甲公司` })
    const other = await bookLoan({ riskAsset: true, customerName: `EXT${process.pid}乙公司` })
    await extrasFor(loan.loanId, 'A+', '123456789')
    const manifests = [...(await enabled()), testPlugin()]
    const index = indexExtensions(manifests)
    const admin = await UserAccess.load(await User.findByOrFail('username', 'admin'))

    // Detail (the loan drawer's 扩展信息): money as yuan text; a loan without a row has nulls.
    const values = await extensionValues(index, 'credit-assets:loan', loan.loanId, admin)
    assert.deepEqual(
      values.map((v) => [v.plugin, v.key, v.value]),
      [
        ['fixture-bank', 'bankRating', 'A+'],
        ['fixture-bank', 'bankLine', '1234567.89'],
      ]
    )
    const empty = await extensionValues(index, 'credit-assets:loan', other.loanId, admin)
    assert.deepEqual(
      empty.map((v) => v.value),
      [null, null]
    )

    // 综合查询: pick, filter and read the field like credit-assets' own.
    const catalogue = catalogueOf(manifests, index)
    const compiled = await compileQuery(
      admin,
      {
        dataset: 'credit-assets:risk-assets',
        fields: ['loanNo', 'bankRating', 'bankLine'],
        where: {
          logic: 'and',
          items: [
            { field: 'customerName', op: 'like', value: `EXT${process.pid}` },
            { field: 'bankRating', op: 'eq', value: 'A+' },
          ],
        },
      } as any,
      catalogue
    )
    const page = await runQueryPage(compiled, 1, 20)
    assert.lengthOf(page.data, 1)
    assert.includeMembers(Object.values(page.data[0]).map(String), [
      loan.loanNo,
      'A+',
      '1234567.89',
    ])

    // Ledger: the risk-asset ledger gains the columns (its own definition untouched).
    const ledger = (await ledgerRegistry.find('risk-assets'))!
    assert.notInclude(
      ledger.columns.map((c) => c.key),
      'bankRating'
    )
    const extended = { ...extendLedger(ledger, index), pluginId: ledger.pluginId }
    const rows = await listLedgerRows(
      extended,
      { filters: { keyword: loan.loanNo }, columns: ['loanNo', 'bankRating', 'bankLine'] },
      admin
    )
    assert.lengthOf(rows.data, 1)
    assert.include(rows.data[0], { loanNo: loan.loanNo, bankRating: 'A+', bankLine: '1234567.89' })
  })
})
