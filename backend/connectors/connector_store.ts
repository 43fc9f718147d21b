/*
| The stored side of the registry: one connector_systems row per defined system
| and one connector_interfaces row per interface, created on first sight with
| the defaults (enabled, the definition's default base URL) and never
| overwritten afterwards — administrators own these rows. Idempotent, like the
| menu sync; run at boot and before the console lists systems.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { connectorRegistry } from './registry.js'

export interface SystemRow {
  code: string
  enabled: boolean
  baseUrl: string | null
  status: string
  breakerState: string
  lastCheckedAt: unknown
  lastError: string | null
}

const toSystem = (row: any): SystemRow => ({
  code: row.code,
  enabled: Boolean(row.enabled),
  baseUrl: row.base_url ?? null,
  status: row.status,
  breakerState: row.breaker_state,
  lastCheckedAt: row.last_checked_at ?? null,
  lastError: row.last_error ?? null,
})

export async function syncConnectors() {
  const definitions = connectorRegistry.all()
  if (!definitions.length) return { systems: 0, interfaces: 0 }
  const now = dbNow()
  const existing = new Set(
    (await db.from('connector_systems').select('code')).map((r: any) => r.code as string)
  )
  const missing = definitions.filter((d) => !existing.has(d.code))
  if (missing.length)
    await db.table('connector_systems').multiInsert(
      missing.map((d) => ({
        code: d.code,
        enabled: true,
        base_url: d.defaultBaseUrl ?? null,
        status: 'unknown',
        breaker_state: 'closed',
        created_at: now,
        updated_at: now,
      }))
    )
  const known = new Set(
    (await db.from('connector_interfaces').select('system_code', 'code')).map(
      (r: any) => `${r.system_code}.${r.code}`
    )
  )
  const rows = definitions.flatMap((d) =>
    d.interfaces
      .filter((i) => !known.has(`${d.code}.${i.code}`))
      .map((i) => ({
        system_code: d.code,
        code: i.code,
        enabled: true,
        created_at: now,
        updated_at: now,
      }))
  )
  if (rows.length) await db.table('connector_interfaces').multiInsert(rows)
  return { systems: missing.length, interfaces: rows.length }
}

export async function findSystemRow(code: string): Promise<SystemRow | null> {
  let row = await db.from('connector_systems').where('code', code).first()
  if (!row && connectorRegistry.has(code)) {
    // Defined after the boot sync (a test, a late registration): create it now.
    await syncConnectors()
    row = await db.from('connector_systems').where('code', code).first()
  }
  return row ? toSystem(row) : null
}

export async function interfaceEnabled(systemCode: string, code: string): Promise<boolean> {
  const row = await db
    .from('connector_interfaces')
    .where('system_code', systemCode)
    .where('code', code)
    .first()
  // No row yet means not synced yet: the default is enabled.
  return row ? Boolean(row.enabled) : true
}

export async function allSystemRows(): Promise<SystemRow[]> {
  return (await db.from('connector_systems').select('*')).map(toSystem)
}

export async function allInterfaceRows(): Promise<
  Array<{ systemCode: string; code: string; enabled: boolean }>
> {
  return (await db.from('connector_interfaces').select('*')).map((r: any) => ({
    systemCode: r.system_code,
    code: r.code,
    enabled: Boolean(r.enabled),
  }))
}

export async function setSystemHealth(
  code: string,
  fields: { status?: string; breakerState?: string; lastError?: string | null; checked?: boolean }
) {
  const update: Record<string, unknown> = { updated_at: dbNow() }
  if (fields.status !== undefined) update.status = fields.status
  if (fields.breakerState !== undefined) update.breaker_state = fields.breakerState
  if (fields.lastError !== undefined) update.last_error = fields.lastError?.slice(0, 1000) ?? null
  if (fields.checked) update.last_checked_at = dbNow()
  await db.from('connector_systems').where('code', code).update(update)
}
