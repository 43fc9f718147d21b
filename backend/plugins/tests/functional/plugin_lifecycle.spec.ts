import { test } from '@japa/runner'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { coreManifest } from '#core/system/manifest'
import { enabledPlugins, installedPlugins } from '#core/plugins/registry'
import { syncManifests } from '#core/plugins/sync'
import { uninstallPlugin, PluginLifecycleError } from '#core/plugins/lifecycle/uninstall'
import { verifyAuditChain } from '#core/audit/verify'
import { dbNow } from '#core/db/db_time'
import { installLedgerbook, LEDGERBOOK, LEDGERBOOK_TABLES } from '#tests/helpers/lifecycle_plugin'

const hasTable = (t: string) => db.connection().getWriteClient().schema.hasTable(t)
const count = async (table: string, column: string, value: string) =>
  Number((await db.from(table).where(column, value).count('* as n'))[0].n)

/*
| No global transaction: dropping tables commits on MariaDB. The uninstall itself
| removes everything the test plugin added; the tmp folder is removed at the end.
*/
test.group('Plugin uninstall', () => {
  test('dumps and drops its tables, removes its registrations, leaves core and others intact', async ({
    assert,
    cleanup,
  }) => {
    const { appRoot, plugin, cleanup: remove } = await installLedgerbook(`lifecycle-${Date.now()}`)
    cleanup(remove)
    const others = (await enabledPlugins()).map((p) => p.manifest)
    await syncManifests([coreManifest, ...others, plugin.manifest])
    const role = await db.from('roles').orderBy('id').firstOrFail()
    await db
      .table('role_permissions')
      .insert({ role_id: role.id, permission: `${LEDGERBOOK}:book:list` })
    await db.table('deadlines').insert({
      source: LEDGERBOOK,
      kind: 'review',
      subject_type: 'book',
      subject_id: '1',
      title: '复核',
      due_date: '2027-01-15',
      rule: '测试',
      offsets: '[1]',
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    const corePermissions = await count('permissions', 'source', 'system')
    const disposalMenus = await count('menus', 'source', 'disposal')

    const enabled = (await enabledPlugins()).map((p) => p.id)
    const report = await uninstallPlugin(LEDGERBOOK, {
      installed: [...(await installedPlugins()), plugin],
      enabled,
      appRoot,
      dumpDir: join(appRoot, 'dumps'),
    })

    for (const table of LEDGERBOOK_TABLES) assert.isFalse(await hasTable(table), table)
    assert.deepEqual(report.tables, { fx_books: 1, fx_book_lines: 1 })
    assert.isTrue(existsSync(report.dumpFile))
    const dump = readFileSync(report.dumpFile, 'utf8')
    assert.match(dump, /CREATE TABLE `fx_book_lines`/)
    assert.include(dump, "insert into `fx_books` (`id`, `name`) values (1, 'O\\'Brien 书');")
    assert.match(dump, /insert into `fx_book_lines` .*'1234\.56'/)

    // Beside it, the same rows as a workbook: one sheet per table, column names first.
    assert.equal(report.xlsxFile, report.dumpFile.replace(/\.sql$/, '.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(report.xlsxFile)
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['fx_books', 'fx_book_lines']
    )
    const values = (sheet: string) =>
      workbook
        .getWorksheet(sheet)!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1))
    assert.deepEqual(values('fx_books'), [
      ['id', 'name'],
      [1, "O'Brien 书"],
    ])
    assert.deepEqual(values('fx_book_lines'), [
      ['id', 'book_id', 'amount'],
      [1, 1, '1234.56'],
    ])

    for (const [table, column] of [
      ['permissions', 'source'],
      ['menus', 'source'],
      ['dict_types', 'source'],
      ['settings', 'source'],
      ['deadlines', 'source'],
      ['installed_plugins', 'id'],
    ])
      assert.equal(await count(table, column, LEDGERBOOK), 0, table)
    assert.equal(await count('role_permissions', 'permission', `${LEDGERBOOK}:book:list`), 0)
    assert.equal(await count('dict_items', 'type_code', 'fx_book_status'), 0)
    assert.equal(
      await count(
        'adonis_schema',
        'name',
        `plugins/${LEDGERBOOK}/database/migrations/1_create_fx_books`
      ),
      0
    )

    // Core and the other plugins are untouched, and the audit chain still verifies.
    assert.equal(await count('permissions', 'source', 'system'), corePermissions)
    assert.equal(await count('menus', 'source', 'disposal'), disposalMenus)
    assert.isTrue(await hasTable('ca_loans'))
    const audited = await db
      .from('audit_logs')
      .where({ action: 'plugin.uninstall', entity_id: LEDGERBOOK })
      .first()
    assert.exists(audited)
    assert.include((await verifyAuditChain()) as object, { ok: true })
  })

  test('refuses while an enabled plugin depends on it, and changes nothing', async ({ assert }) => {
    const installed = await installedPlugins()
    const enabled = (await enabledPlugins()).map((p) => p.id)
    const error = await uninstallPlugin('credit-assets', {
      installed,
      enabled,
      appRoot: app.makePath(),
      dumpDir: app.makePath('tmp', 'never-written'),
    }).catch((e) => e)
    assert.instanceOf(error, PluginLifecycleError)
    assert.include(error.message, '"disposal"')
    assert.isFalse(existsSync(app.makePath('tmp', 'never-written')))
    assert.isTrue(await hasTable('ca_loans'))
    assert.equal(await count('installed_plugins', 'id', 'credit-assets'), 1)

    // The command answers the same refusal with exit code 1, even with --force.
    const ace = await app.container.make('ace')
    const command = await ace.exec('plugins:uninstall', ['credit-assets', '--force'])
    assert.equal(command.exitCode, 1)
    assert.isTrue(await hasTable('ca_loans'))
  })
})
