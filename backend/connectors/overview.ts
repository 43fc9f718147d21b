/*
| What 服务管理 lists: each registered system with its stored switches, its
| breaker (this node's live state when it has called the system, else the last
| state any node recorded), the last call and the last 24 hours' call counts,
| and its outbox backlog.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { connectorRegistry } from './registry.js'
import { allInterfaceRows, allSystemRows, syncConnectors } from './connector_store.js'
import { breakerState, hasBreaker } from './breakers.js'
import { dbTimeMs } from './times.js'

/** 正常 / 熔断 / 停用 as the console shows them; `down` = the last probe or call failed. */
export type SystemHealth = 'up' | 'down' | 'unknown' | 'open' | 'disabled'

export async function connectorOverview(locale: string) {
  await syncConnectors()
  const [rows, ifaceRows] = await Promise.all([allSystemRows(), allInterfaceRows()])
  const since = dbTimeMs(DateTime.now().minus({ hours: 24 }))
  const stats = await db
    .from('connector_calls')
    .where('started_at', '>=', since)
    .groupBy('system_code')
    .select('system_code')
    .count('* as total')
    .select(db.raw("sum(case when status = 'failure' then 1 else 0 end) as failures"))
    .select(db.raw('avg(duration_ms) as avg_ms'))
  const lastIds = await db
    .from('connector_calls')
    .groupBy('system_code')
    .select('system_code')
    .max('id as id')
  const lastCalls = lastIds.length
    ? await db.from('connector_calls').whereIn(
        'id',
        lastIds.map((r: any) => r.id)
      )
    : []
  const backlog = await db
    .from('outbox_messages')
    .whereIn('status', ['pending', 'dead'])
    .groupBy('system_code', 'status')
    .select('system_code', 'status')
    .count('* as total')

  const zh = locale !== 'en'
  return connectorRegistry.all().map((definition) => {
    const row = rows.find((r) => r.code === definition.code)
    const enabled = row?.enabled ?? true
    const breaker = hasBreaker(definition.code)
      ? breakerState(definition.code)
      : ((row?.breakerState ?? 'closed') as string)
    const stat = stats.find((s: any) => s.system_code === definition.code)
    const last = lastCalls.find((c: any) => c.system_code === definition.code)
    const health: SystemHealth = !enabled
      ? 'disabled'
      : breaker === 'open' || breaker === 'isolated'
        ? 'open'
        : ((row?.status ?? 'unknown') as SystemHealth)
    const count = (status: string) =>
      Number(
        backlog.find((b: any) => b.system_code === definition.code && b.status === status)?.total ??
          0
      )
    return {
      code: definition.code,
      name: zh ? definition.name.zh : definition.name.en,
      owner: definition.owner,
      enabled,
      baseUrl: row?.baseUrl ?? null,
      health,
      status: row?.status ?? 'unknown',
      breakerState: breaker,
      lastCheckedAt: row?.lastCheckedAt ?? null,
      lastError: row?.lastError ?? null,
      lastCall: last
        ? {
            at: last.started_at,
            status: last.status,
            httpStatus: last.http_status,
            errorKind: last.error_kind,
            durationMs: last.duration_ms,
          }
        : null,
      stats: {
        calls24h: Number(stat?.total ?? 0),
        failures24h: Number(stat?.failures ?? 0),
        avgMs24h:
          stat?.avg_ms === null || stat?.avg_ms === undefined
            ? null
            : Math.round(Number(stat.avg_ms)),
      },
      outbox: { pending: count('pending'), dead: count('dead') },
      interfaces: definition.interfaces.map((i) => ({
        code: i.code,
        name: zh ? i.name.zh : i.name.en,
        direction: i.direction,
        method: i.method,
        path: i.path,
        moneyChanging: Boolean(i.moneyChanging),
        timeoutMs: i.timeoutMs ?? 5_000,
        retries: i.retries ?? 2,
        enabled:
          ifaceRows.find((r) => r.systemCode === definition.code && r.code === i.code)?.enabled ??
          true,
      })),
    }
  })
}
