/*
| Saved views of a ledger (我的视图), private to their user: a name and the
| columns, filters, sort and page size to open the ledger with. A view names
| only keys of the definition; when a plugin drops a column later, the stale
| key is ignored on read (the view still opens).
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import type { RegisteredLedger } from './registry.js'

export interface ViewConfig {
  columns?: string[]
  filters?: Record<string, string | number>
  sort?: string
  order?: 'asc' | 'desc'
  perPage?: number
}

/** Keeps only what the ledger declares: never trust a stored or sent key. */
export function cleanConfig(ledger: RegisteredLedger, config: ViewConfig): ViewConfig {
  const keys = new Set(ledger.columns.map((c) => c.key))
  const sortable = new Set(ledger.columns.filter((c) => c.sortable).map((c) => c.key))
  const filterNames = new Set(
    (ledger.filters ?? []).flatMap((f) =>
      f.type.endsWith('Range') ? [`${f.key}From`, `${f.key}To`] : [f.key]
    )
  )
  const filters: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(config.filters ?? {}))
    if (filterNames.has(name) && ['string', 'number'].includes(typeof value)) filters[name] = value
  return {
    columns: (config.columns ?? []).filter((k) => keys.has(k)),
    filters,
    sort: config.sort && sortable.has(config.sort) ? config.sort : undefined,
    order: config.order === 'asc' || config.order === 'desc' ? config.order : undefined,
    perPage: config.perPage,
  }
}

const toView = (ledger: RegisteredLedger, row: any) => ({
  id: row.id,
  name: row.name,
  isDefault: Boolean(Number(row.is_default)),
  config: cleanConfig(ledger, JSON.parse(row.config)),
})

export const savedViews = {
  async list(ledger: RegisteredLedger, userId: number) {
    const rows = await db
      .from('ledger_views')
      .where({ user_id: userId, ledger_id: ledger.id })
      .orderBy('name')
    return rows.map((row) => toView(ledger, row))
  },

  /** Saves under a name (replacing the user's view of that name); returns its id. */
  async save(
    ledger: RegisteredLedger,
    userId: number,
    input: { name: string; config: ViewConfig; isDefault?: boolean }
  ) {
    const config = JSON.stringify(cleanConfig(ledger, input.config))
    return db.transaction(async (trx) => {
      if (input.isDefault)
        await trx
          .from('ledger_views')
          .where({ user_id: userId, ledger_id: ledger.id })
          .update({ is_default: false })
      const existing = await trx
        .from('ledger_views')
        .where({ user_id: userId, ledger_id: ledger.id, name: input.name })
        .first()
      if (existing) {
        await trx
          .from('ledger_views')
          .where('id', existing.id)
          .update({ config, is_default: Boolean(input.isDefault), updated_at: dbNow() })
        return existing.id as number
      }
      const [id] = await trx.table('ledger_views').insert({
        user_id: userId,
        ledger_id: ledger.id,
        name: input.name,
        config,
        is_default: Boolean(input.isDefault),
        created_at: dbNow(),
        updated_at: dbNow(),
      })
      return Number(id)
    })
  },

  /** Deletes the user's own view; false when it is not theirs (or gone). */
  async remove(ledger: RegisteredLedger, userId: number, id: number) {
    const deleted = await db
      .from('ledger_views')
      .where({ id, user_id: userId, ledger_id: ledger.id })
      .delete()
    return Number(Array.isArray(deleted) ? deleted[0] : deleted) > 0
  },
}
