/*
| The tables a plugin owns, read from its own migrations: each file's `up()` is run
| dry (Lucid returns the SQL instead of executing it) and every `create table` is
| collected, minus tables a later file drops. No manifest list to keep in step
| with the migrations, and no guessing from a name prefix.
*/
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import db from '@adonisjs/lucid/services/db'
import type { LoadedPlugin } from '../types.js'

const CREATE = /create table (?:if not exists )?[`"[]?(\w+)[`"\]]?/gi
const DROP = /drop table (?:if exists )?[`"[]?(\w+)[`"\]]?/gi

/** The plugin's migration files, in the order Lucid runs them (natural sort). */
export function migrationFiles(plugin: LoadedPlugin, appRoot: string): string[] {
  const dir = join(appRoot, plugin.migrationsPath)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    .map((f) => join(dir, f))
}

/** Tables the plugin's migrations create, in creation order. */
export async function pluginTables(plugin: LoadedPlugin, appRoot: string): Promise<string[]> {
  const tables: string[] = []
  for (const file of migrationFiles(plugin, appRoot)) {
    const Schema = (await import(pathToFileURL(file).href)).default
    const queries = (await new Schema(db.connection(), file, true).execUp()) as string[]
    for (const sql of queries) {
      for (const [, name] of sql.matchAll(CREATE)) if (!tables.includes(name)) tables.push(name)
      for (const [, name] of sql.matchAll(DROP)) {
        if (tables.includes(name)) tables.splice(tables.indexOf(name), 1)
      }
    }
  }
  return tables
}
