/*
| The database access-token provider, with two changes to the stock one:
|
| - Token rows come from this node's session cache (session_cache.ts) instead
|   of a SELECT per request. The secret and `expires_at` are still checked on
|   every request, against the row held; every delete through this provider
|   (logout, invalidate, deleteAll) announces the change, so the cache drops
|   the row on every node.
| - `last_used_at` is written at most once a minute per token instead of on
|   every request. The stock provider UPDATEs the token row on each
|   authenticated request — a durable write (a redo-log flush) per page view,
|   the largest fixed cost of an authenticated request under load
|   (docs/performance.md). `last_used_at` only feeds 在线用户's "last activity",
|   shown to the minute. It is also written only for a valid, unexpired token
|   (the stock provider stamps it before checking the secret).
*/
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { AccessTokenDbColumns } from '@adonisjs/auth/types/access_tokens'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { forgetToken, sessionsChanged, tokenRow } from './session_cache.js'

/** How stale `last_used_at` may get before a request refreshes it. */
export const ACTIVITY_GRANULARITY_MS = 60_000

export class ThrottledAccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async verify(tokenValue: Secret<string>) {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null
    const db = await this.getDb()
    const row = await tokenRow(String(decoded.identifier), () =>
      db
        .query()
        .from(this.table)
        .where({ id: decoded.identifier, type: this.type })
        .limit(1)
        .first()
    )
    if (!row) return null
    const token = this.dbRowToAccessToken(row as AccessTokenDbColumns)
    if (!token.verify(decoded.secret)) return null
    // Checked against the clock on every request, whether the row was read now or a minute ago.
    if (token.isExpired()) {
      await forgetToken(String(decoded.identifier))
      return null
    }
    // SQLite stores the provider's Dates as epoch milliseconds, MySQL as DATETIME.
    const last = row.last_used_at === null ? null : new Date(row.last_used_at)
    if (!last || !(Date.now() - last.getTime() < ACTIVITY_GRANULARITY_MS)) {
      const now = new Date()
      // Stamped on the held row first, so concurrent requests of this session write it once.
      row.last_used_at = now
      await db.from(this.table).where({ id: row.id, type: row.type }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }

  async delete(user: InstanceType<TokenableModel>, identifier: string | number | BigInt) {
    const deleted = await super.delete(user, identifier)
    await sessionsChanged()
    return deleted
  }

  async deleteAll(user: InstanceType<TokenableModel>) {
    const deleted = await super.deleteAll(user)
    await sessionsChanged()
    return deleted
  }

  async invalidate(tokenValue: Secret<string>) {
    const invalidated = await super.invalidate(tokenValue)
    await sessionsChanged()
    return invalidated
  }
}
