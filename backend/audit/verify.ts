/*
| 审计链校验: walks audit_logs in id order, in batches (memory stays flat on
| millions of rows), and stops at the first broken link:
|
|   gap            an id is missing (ids are assigned gap-free under the chain lock,
|                  so a gap is a deleted row)
|   prev_mismatch  a row's prev_hash is not the previous row's hash (a row was
|                  re-hashed after an edit, or rows were swapped)
|   hash_mismatch  a row's content no longer gives its stored hash (edited)
|   head_mismatch  the last row is not the one audit_chain_head recorded (rows
|                  were deleted from the end), or a row lies beyond the head
|                  (inserted around the chain)
|   archive_mismatch  an archive file of rows past the retention period is
|                  missing, altered, or holds fewer rows than recorded
|
| Archived rows (log_archives) are walked first, then the live rows, as one chain.
|
| Used by `node ace audit:verify` and called directly by the tests.
*/
import db from '@adonisjs/lucid/services/db'
import { GENESIS_HASH, expectedHashOfRow } from './hash_chain.js'
import { archivedAuditRows } from '#core/log_archive/archived_audit_rows'

export type BreakReason =
  'gap' | 'prev_mismatch' | 'hash_mismatch' | 'head_mismatch' | 'archive_mismatch'

export type VerifyReport =
  | {
      ok: true
      count: number
      /** Of count, the rows read from archive files. */ archived: number
      lastId: string
    }
  | {
      ok: false
      /** Rows checked and found sound before the break. */
      count: number
      brokenId: string
      reason: BreakReason
      message: string
    }

export async function verifyAuditChain(
  options: { batchSize?: number } = {}
): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 1000
  let expectedId = 1n
  let prevHash = GENESIS_HASH
  let count = 0
  // The head is read first: rows appended while the walk runs lie beyond it and are left for the next run.
  const head = await db.from('audit_chain_head').where('id', 1).first()
  if (!head) return broken(0, 1n, 'head_mismatch', 'audit_chain_head is missing')
  const headId = BigInt(head.last_id)

  /** One link of the chain, archived or live: null while it holds. */
  const check = (row: Record<string, any>): VerifyReport | null => {
    const id = BigInt(row.id)
    if (id !== expectedId) {
      const missing = id - expectedId === 1n ? `${expectedId}` : `${expectedId}–${id - 1n}`
      return broken(count, id, 'gap', `row ${missing} is missing before row ${id}`)
    }
    if (row.prev_hash !== prevHash) {
      return broken(
        count,
        id,
        'prev_mismatch',
        `row ${id}'s prev_hash does not match the hash of row ${id - 1n}`
      )
    }
    if (expectedHashOfRow(row) !== row.hash) {
      return broken(count, id, 'hash_mismatch', `row ${id}'s content does not match its hash`)
    }
    prevHash = row.hash
    expectedId = id + 1n
    count++
    return null
  }

  // Rows moved to archive files after the retention period come first (backend/log_archive).
  for await (const item of archivedAuditRows()) {
    if ('broken' in item)
      return broken(count, BigInt(item.broken.id), 'archive_mismatch', item.broken.message)
    const failure = check(item.row)
    if (failure) return failure
  }
  const archived = count

  for (;;) {
    const rows = await db
      .from('audit_logs')
      .where('id', '>=', expectedId.toString())
      .where('id', '<=', headId.toString())
      .orderBy('id', 'asc')
      .limit(batchSize)
    for (const row of rows) {
      const failure = check(row)
      if (failure) return failure
    }
    if (rows.length < batchSize) break
  }

  const lastId = expectedId - 1n
  if (lastId !== headId) {
    return broken(
      count,
      headId,
      'head_mismatch',
      `the chain ends at row ${lastId}, but its head records row ${headId}: rows were removed from the end`
    )
  }
  if (head.last_hash !== prevHash) {
    return broken(
      count,
      headId,
      'head_mismatch',
      `row ${headId}'s hash is not the one its head records`
    )
  }
  // Rows past the head: appended while we walked (the head has moved since), or written around the chain.
  const beyond = await db
    .from('audit_logs')
    .where('id', '>', headId.toString())
    .min('id as id')
    .first()
  if (beyond?.id !== null && beyond?.id !== undefined) {
    const now = await db.from('audit_chain_head').where('id', 1).first()
    if (BigInt(beyond.id) > BigInt(now?.last_id ?? 0)) {
      return broken(
        count,
        BigInt(beyond.id),
        'head_mismatch',
        `row ${beyond.id} lies beyond the chain head (row ${now?.last_id ?? '?'}): it was written around the chain`
      )
    }
  }
  return { ok: true, count, archived, lastId: lastId.toString() }
}

function broken(count: number, id: bigint, reason: BreakReason, message: string): VerifyReport {
  return { ok: false, count, brokenId: id.toString(), reason, message }
}
