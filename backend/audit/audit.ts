/*
| 审计日志: the one API every module calls to record an auditable action — every
| create/update/delete and every permission-relevant action (login, logout, kick,
| grant, parameter change, export).
|
| Who, org, IP, user agent and request id come from the HttpContext. Before and
| after values are masked (masking.ts) before they are stored, then the row is
| appended to the hash chain (hash_chain.ts).
|
| Trade-off, on purpose: a failure to write the audit row is logged (level error,
| with the entry minus its values) and swallowed, so an audit outage never blocks
| collections or a login. The price is that such an action has no audit row; the
| error log is the trace, and operations must alert on "audit write failed". A
| module that must not proceed unaudited calls `audit.append` (which throws).
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { maskRecord, maskText } from './masking.js'
import { appendToChain, type AuditRowContent, type ChainedAuditRow } from './hash_chain.js'
import { categoryOf } from './categories.js'

export interface AuditEntry {
  /** Dotted action name: `auth.login`, `auth.logout`, `session.kick`, `role.grant`, `setting.update`, `user.create`, … */
  action: string
  /** What was acted on, e.g. `user`, `role`, `setting`; and its id or key. */
  entityType?: string
  entityId?: string | number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  result?: 'success' | 'failure'
  /** Extra context (reason, target username, …). */
  detail?: string | null
  /**
   * When there is no signed-in user (a login, a failed login): who tried. If the
   * name is a user's, the row carries that user's id and org, so a branch
   * auditor's data scope covers attempts on their staff's accounts.
   */
  actorUsername?: string | null
  /**
   * The caller's transaction, to write the row in it (it then commits or rolls
   * back with the change). Pass it when recording from inside a transaction: on
   * SQLite the pool has one connection, and a second transaction would wait for
   * the first one forever.
   */
  trx?: TransactionClientContract
}

/** 参数 that switches masking of customer names (declared in system/parts/audit.ts). */
export const MASK_NAMES_SETTING = 'system.audit.maskNames'

/* Column widths of audit_logs; longer values are cut (by character, not by byte) rather than failing the write. */
const clip = (value: string | null | undefined, max: number) => {
  if (value === null || value === undefined || value === '') return null
  const chars = Array.from(String(value))
  return chars.length > max ? chars.slice(0, max).join('') : chars.join('')
}

/*
| Reads go through the caller's transaction when there is one: on SQLite a read on
| the pool would wait for the connection that transaction holds. (So the
| parameter is read here rather than through settings.ts, which uses the pool.)
*/
async function maskNamesEnabled(client: QueryClientContract): Promise<boolean> {
  const row = await client
    .from('settings')
    .where('key', MASK_NAMES_SETTING)
    .where('active', true)
    .first()
  // Not synced yet (first boot, a migration-only run): mask, the safe side.
  if (!row) return true
  return (row.value ?? row.default_value) === 'true'
}

interface Actor {
  userId: number | null
  username: string | null
  orgId: number | null
}

async function actorOf(
  client: QueryClientContract,
  ctx: HttpContext | null,
  entry: AuditEntry
): Promise<Actor> {
  // Only a user the auth middleware already authenticated; never authenticate here.
  const user = ctx?.auth?.user as { id: number; username: string; orgId: number } | undefined
  if (user) return { userId: user.id, username: user.username, orgId: user.orgId }
  const username = clip(entry.actorUsername, 64)
  if (!username) return { userId: null, username: null, orgId: null }
  const known = await client
    .from('users')
    .where('username', username)
    .select('id', 'org_id')
    .first()
  return { userId: known?.id ?? null, username, orgId: known?.org_id ?? null }
}

async function orgNameOf(client: QueryClientContract, orgId: number | null) {
  if (orgId === null) return null
  const org = await client.from('orgs').where('id', orgId).select('name').first()
  return (org?.name as string | undefined) ?? null
}

/** Builds the row content: actor, request facts, masked values. */
export async function buildRow(
  ctx: HttpContext | null,
  entry: AuditEntry
): Promise<AuditRowContent> {
  const client: QueryClientContract = entry.trx ?? db.connection()
  const actor = await actorOf(client, ctx, entry)
  const maskNames = await maskNamesEnabled(client)
  const before = maskRecord(entry.before, { maskNames })
  const after = maskRecord(entry.after, { maskNames })
  return {
    category: categoryOf(entry.action),
    userId: actor.userId,
    username: actor.username,
    orgId: actor.orgId,
    orgName: clip(await orgNameOf(client, actor.orgId), 100),
    ip: clip(ctx?.request.ip(), 64),
    userAgent: clip(ctx?.request.header('user-agent'), 500),
    requestId: clip(ctx?.request.id(), 64),
    action: clip(entry.action, 64) ?? 'unknown',
    entityType: clip(entry.entityType, 64),
    entityId: clip(
      entry.entityId === null || entry.entityId === undefined ? null : String(entry.entityId),
      64
    ),
    result: entry.result === 'failure' ? 'failure' : 'success',
    detail: maskText(entry.detail ?? null),
    beforeJson: before ? JSON.stringify(before) : null,
    afterJson: after ? JSON.stringify(after) : null,
  }
}

export const audit = {
  /**
   * Records an action. Pass the HttpContext when there is one (who, org, IP come
   * from it). Never throws into the business action: a failure is logged.
   */
  async record(ctx: HttpContext | null, entry: AuditEntry): Promise<void> {
    try {
      await this.append(ctx, entry)
    } catch (error) {
      logger.error(
        {
          err: error,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
        },
        'audit write failed'
      )
    }
  },

  /** Like `record`, but a failure throws: for the caller that must not proceed unaudited. */
  async append(ctx: HttpContext | null, entry: AuditEntry): Promise<ChainedAuditRow> {
    return appendToChain(await buildRow(ctx, entry), entry.trx)
  },
}
