/*
| A throw-away plugin with two tables of its own (a parent and a child with a foreign
| key), written under tmp/ inside the app (so its migration resolves @adonisjs/lucid),
| for the uninstall and upgrade tests. Its migration is run directly, as
| `migration:run` would, and recorded in adonis_schema under its plugin path.
*/
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { readManifests } from '#core/plugins/discovery'
import type { LoadedPlugin } from '#core/plugins/types'

export const LEDGERBOOK = 'fixture-ledgerbook'
export const LEDGERBOOK_TABLES = ['fx_books', 'fx_book_lines']
const MIGRATION = '1_create_fx_books'

const manifest = `export default {
  id: '${LEDGERBOOK}',
  name: { zh: '测试台账簿', en: 'Fixture ledger book' },
  version: '1.0.0',
  permissions: [{ code: '${LEDGERBOOK}:book:list', name: { zh: '查看', en: 'View' } }],
  menus: [{ code: '${LEDGERBOOK}:books', type: 'page', name: { zh: '台账簿', en: 'Books' },
    page: '${LEDGERBOOK}/Books', permission: '${LEDGERBOOK}:book:list' }],
  dictionaries: [{ type: 'fx_book_status', name: { zh: '状态', en: 'Status' },
    items: [{ code: 'open', label: { zh: '开立', en: 'Open' } }] }],
  settings: [{ key: '${LEDGERBOOK}.limit', name: { zh: '上限', en: 'Limit' }, type: 'number', default: '5' }],
}
`

const migration = `import { BaseSchema } from '@adonisjs/lucid/schema'
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('fx_books', (t) => { t.increments('id'); t.string('name', 50).notNullable() })
    this.schema.createTable('fx_book_lines', (t) => {
      t.increments('id')
      t.integer('book_id').unsigned().notNullable().references('id').inTable('fx_books')
      t.decimal('amount', 18, 2).notNullable()
    })
  }
  async down() {
    this.schema.dropTable('fx_book_lines')
    this.schema.dropTable('fx_books')
  }
}
`

/** Writes the plugin under tmp/<name>/plugins, creates and fills its tables. */
export async function installLedgerbook(name: string) {
  const appRoot = app.makePath('tmp', name)
  const folder = join(appRoot, 'plugins', LEDGERBOOK)
  mkdirSync(join(folder, 'database/migrations'), { recursive: true })
  writeFileSync(join(folder, 'plugin.js'), manifest)
  const file = join(folder, 'database/migrations', `${MIGRATION}.js`)
  writeFileSync(file, migration)
  const [plugin] = (await readManifests({ appRoot, directory: 'plugins' })) as LoadedPlugin[]

  const Schema = (await import(pathToFileURL(file).href)).default
  await new Schema(db.connection(), file, false).execUp()
  await db.table('adonis_schema').insert({
    name: `plugins/${LEDGERBOOK}/database/migrations/${MIGRATION}`,
    batch: 99,
  })
  const [bookId] = await db.table('fx_books').insert({ name: "O'Brien 书" })
  await db.table('fx_book_lines').insert({ book_id: bookId, amount: '1234.56' })
  return { appRoot, plugin, cleanup: () => rmSync(appRoot, { recursive: true, force: true }) }
}
