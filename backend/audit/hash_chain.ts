/*
| The audit hash chain: every row's hash covers its own content and the previous
| row's hash, so editing, deleting or reordering a stored row is detectable
| (`node ace audit:verify`).
|
|   hash = sha256(prev_hash + canonical JSON of the row's content fields)
|
| Appends are serialised so the chain never forks: the writer locks the single
| audit_chain_head row, takes id = last_id + 1 and prev_hash = last_hash, inserts,
| and moves the head, all in one transaction. On MySQL/MariaDB the lock is
| `SELECT … FOR UPDATE` (works across app nodes); SQLite has one writer per file,
| and touching the head first takes its write lock before anything is read.
| Inside one process a promise queue serialises appends as well, so they do not
| pile up on the row lock (and nested transactions in tests never interleave).
*/
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'

export const GENESIS_HASH = '0'.repeat(64)

/** The row as the caller builds it; the chain adds id, occurred_at, prev_hash and hash. */
export interface AuditRowContent {
  category: string
  userId: number | null
  username: string | null
  orgId: number | null
  orgName: string | null
  ip: string | null
  userAgent: string | null
  requestId: string | null
  action: string
  entityType: string | null
  entityId: string | null
  result: 'success' | 'failure'
  detail: string | null
  beforeJson: string | null
  afterJson: string | null
}

export interface ChainedAuditRow extends AuditRowContent {
  id: string
  occurredAt: string
  prevHash: string
  hash: string
}

/* Column ↔ field, in the canonical (sorted by column) order the hash covers. */
const CONTENT_COLUMNS = [
  ['action', 'action'],
  ['after_json', 'afterJson'],
  ['before_json', 'beforeJson'],
  ['category', 'category'],
  ['detail', 'detail'],
  ['entity_id', 'entityId'],
  ['entity_type', 'entityType'],
  ['id', 'id'],
  ['ip', 'ip'],
  ['occurred_at', 'occurredAt'],
  ['org_id', 'orgId'],
  ['org_name', 'orgName'],
  ['request_id', 'requestId'],
  ['result', 'result'],
  ['user_agent', 'userAgent'],
  ['user_id', 'userId'],
  ['username', 'username'],
] as const

/**
 * Every value as text or null, exactly as it round-trips through either database:
 * MySQL returns BIGINT as a string and DATETIME as a local Date, SQLite returns
 * numbers and the text that was written.
 */
function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value).toFormat('yyyy-MM-dd HH:mm:ss')
  return String(value)
}

/** Canonical JSON of a stored row (snake_case columns, as read back by the query builder). */
export function canonicalContentOfRow(row: Record<string, unknown>): string {
  const content: Record<string, string | null> = {}
  for (const [column] of CONTENT_COLUMNS) content[column] = canonicalValue(row[column])
  return JSON.stringify(content)
}

export function hashOf(prevHash: string, canonicalContent: string): string {
  return createHash('sha256').update(prevHash).update(canonicalContent).digest('hex')
}

/** The hash a stored row should carry, recomputed from its content and its own prev_hash. */
export function expectedHashOfRow(row: Record<string, unknown>): string {
  return hashOf(String(row.prev_hash), canonicalContentOfRow(row))
}

function toColumns(row: ChainedAuditRow): Record<string, unknown> {
  const columns: Record<string, unknown> = {}
  for (const [column, field] of CONTENT_COLUMNS) columns[column] = row[field]
  columns.prev_hash = row.prevHash
  columns.hash = row.hash
  return columns
}

const isSqlite = (trx: TransactionClientContract) =>
  ['sqlite3', 'better-sqlite3', 'libsql'].includes(trx.dialect.name)

/** Reads the chain head and holds it until the transaction ends. */
async function lockHead(trx: TransactionClientContract) {
  const head = trx.from('audit_chain_head').where('id', 1)
  if (!isSqlite(trx)) return head.forUpdate().first()
  // SQLite: write first, so this transaction holds the file's write lock before it reads.
  await trx.from('audit_chain_head').where('id', 1).update({ updated_at: dbNow() })
  return head.first()
}

async function appendLocked(trx: TransactionClientContract, content: AuditRowContent) {
  const head = await lockHead(trx)
  if (!head) throw new Error('audit_chain_head is missing: run the migrations')

  const row: ChainedAuditRow = {
    ...content,
    id: (BigInt(head.last_id) + 1n).toString(),
    // Taken under the lock, so time never runs backwards along the chain.
    occurredAt: dbNow(),
    prevHash: head.last_hash,
    hash: '',
  }
  row.hash = hashOf(row.prevHash, canonicalContentOfRow(toColumns(row)))
  await trx.table('audit_logs').insert(toColumns(row))
  await trx
    .from('audit_chain_head')
    .where('id', 1)
    .update({ last_id: row.id, last_hash: row.hash, updated_at: row.occurredAt })
  return row
}

let tail: Promise<unknown> = Promise.resolve()

/**
 * Appends one row to the chain.
 *
 * Without `trx` the append commits on its own, queued behind this process's other
 * own-transaction appends. With `trx` the row joins the caller's transaction (a
 * savepoint): it commits or rolls back with the business change, and the head
 * stays locked until then. Such appends skip the in-process queue: the caller's
 * transaction may already hold the head (an earlier append), and waiting in the
 * queue behind an append that waits for that lock would deadlock.
 */
export function appendToChain(
  content: AuditRowContent,
  trx?: TransactionClientContract
): Promise<ChainedAuditRow> {
  if (trx) return trx.transaction((savepoint) => appendLocked(savepoint, content))
  const run = () => db.transaction((own) => appendLocked(own, content))
  const next = tail.then(run, run)
  tail = next.catch(() => {})
  return next
}
