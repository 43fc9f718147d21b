/*
| A read that meets a dead pooled connection is asked again on a fresh
| connection (at once, then once more a second later), instead of answering 500. When a Galera node dies under HAProxy
| (or a DBA kills a session) the mysql2 pool still holds sockets to it; the pool
| only learns a socket is dead when the next statement fails on it with
| "Connection lost" (PROTOCOL_CONNECTION_LOST, ECONNRESET, ER_CONNECTION_KILLED).
|
| What is retried, and why it is safe:
| - a statement outside a transaction that only reads (SELECT, SHOW, WITH …):
|   running it again changes nothing;
| - a managed transaction (`db.transaction(async (trx) => …)`) whose connection
|   was lost before it sent any write: the server rolled it back and nothing of
|   it was applied, so the callback runs again from the start (the deadlock
|   retry's rule, deadlock_retry.ts).
| Never retried: an autocommit write, or a transaction that had written (its
| COMMIT may have been applied before the answer was lost).
|
| Two knex internals are patched (Client.query, which every statement passes,
| and Client.acquireConnection), pinned to knex 3 —
| backend/db/tests/functional/connection_retry.spec.ts kills real connections to prove it.
*/
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const LOST_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ER_CONNECTION_KILLED', // MariaDB 1927: KILL <id>
  'ER_SERVER_SHUTDOWN', // 1053
])
const LOST_TEXT = /Connection lost|closed state|Connection was killed|server has gone away/i

/** The connection died under the statement (it never reached a decision we could see). */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown }
  if (!e) return false
  if (typeof e.code === 'string' && LOST_CODES.has(e.code)) return true
  if (e.errno === 1927 || e.errno === 1053 || e.errno === 2006 || e.errno === 2013) return true
  return typeof e.message === 'string' && LOST_TEXT.test(e.message)
}

// Statements that change nothing: reads, and a transaction's own bookkeeping.
const NEUTRAL =
  /^\s*(\(?\s*select|show|with|explain|describe|desc|begin|start transaction|savepoint|release savepoint|rollback|set\s+(session\s+)?transaction)\b/i

export function isReadOnlyStatement(sql: unknown): boolean {
  if (typeof sql !== 'string') return false
  return (
    NEUTRAL.test(sql) &&
    !/\b(for update|lock in share mode|into\s+(outfile|dumpfile|@))\b/i.test(sql)
  )
}

/** Counts retries since start (read by the tests). */
export const connectionRetries = { reads: 0, transactions: 0, connects: 0 }

/*
| A new connection through HAProxy to a node that just died is accepted by the proxy
| and closed at once, until its health check marks the node down (~1–2 s). Opening
| a connection sends nothing, so it is always safe to try again: a few times, with
| back-off, about 3.5 s in all — longer than the proxy takes to move to another node.
*/
const CONNECT_DELAYS_MS = [200, 400, 800, 2000]
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ER_CON_COUNT_ERROR'])
/** A read is asked again at once, then once more after the proxy had time to notice. */
const READ_RETRY_PAUSES_MS = [0, 1000]

/** Marks the error: did its transaction write anything before the connection was lost? */
const WROTE = Symbol('ram.connectionWrote')
export function wroteBeforeLoss(error: unknown): boolean | undefined {
  return (error as any)?.[WROTE]
}

let installed = false

export function installConnectionRetry() {
  if (installed) return
  installed = true
  // Every statement passes here, on the connection it was given (by knex's runner, by Lucid's
  // query runner, or by a transaction's BEGIN/COMMIT).
  const Client = require('knex/lib/client.js')
  const acquire = Client.prototype.acquireConnection
  Client.prototype.acquireConnection = async function retryingAcquire(this: any) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await acquire.call(this)
      } catch (error: any) {
        const retryable = isConnectionLost(error) || CONNECT_CODES.has(error?.code)
        if (!retryable || attempt >= CONNECT_DELAYS_MS.length) throw error
        connectionRetries.connects++
        await sleep(CONNECT_DELAYS_MS[attempt])
      }
    }
  }

  const query = Client.prototype.query
  Client.prototype.query = async function retryingQuery(
    this: any,
    connection: any,
    queryParam: any
  ) {
    const sql = typeof queryParam === 'string' ? queryParam : queryParam?.sql
    const inTransaction = this.transacting === true
    // Per connection: has the current transaction sent a write? (BEGIN starts afresh.)
    if (connection && inTransaction) {
      if (/^\s*(begin|start transaction)\b/i.test(String(sql))) connection.__ramWrote = false
      else if (!isReadOnlyStatement(sql)) connection.__ramWrote = true
    }
    try {
      return await query.call(this, connection, queryParam)
    } catch (error: any) {
      if (!error || typeof error !== 'object' || !isConnectionLost(error)) throw error
      // Closed now, so the pool's check refuses it instead of lending it again.
      try {
        connection?.destroy?.()
      } catch {}
      // Inside a transaction the statement cannot be repeated alone: the transaction retries whole.
      if (inTransaction) {
        error[WROTE] = connection?.__ramWrote !== false
        throw error
      }
      if (!isReadOnlyStatement(sql)) throw error
      return readAgain(this, queryParam, error)
    }
  }

  /* On a fresh connection; a second time (after a pause) if the node died under the first retry too. */
  async function readAgain(client: any, queryParam: any, first: unknown) {
    let failure = first
    for (const pause of READ_RETRY_PAUSES_MS) {
      await sleep(pause)
      connectionRetries.reads++
      const fresh = await client.acquireConnection()
      try {
        return await query.call(
          client,
          fresh,
          typeof queryParam === 'string' ? queryParam : { ...queryParam }
        )
      } catch (error) {
        if (!isConnectionLost(error)) throw error
        failure = error
        try {
          fresh?.destroy?.()
        } catch {}
      } finally {
        await client.releaseConnection(fresh)
      }
    }
    throw failure
  }
}
