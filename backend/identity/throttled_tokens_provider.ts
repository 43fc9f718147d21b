/*
| The database access-token provider, but writing `last_used_at` at most once a
| minute per token instead of on every request. The stock provider UPDATEs the
| token row on each authenticated request — a durable write (a redo-log flush)
| per page view, the largest fixed cost of an authenticated request under load
| (docs/performance.md). `last_used_at` only feeds 在线用户's "last activity",
| shown to the minute. It is also written only for a valid, unexpired token
| (the stock provider stamps it before checking the secret).
*/
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'

/** How stale `last_used_at` may get before a request refreshes it. */
export const ACTIVITY_GRANULARITY_MS = 60_000

export class ThrottledAccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async verify(tokenValue: Secret<string>) {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null
    const db = await this.getDb()
    const row = await db
      .query()
      .from(this.table)
      .where({ id: decoded.identifier, type: this.type })
      .limit(1)
      .first()
    if (!row) return null
    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null
    // SQLite stores the provider's Dates as epoch milliseconds, MySQL as DATETIME.
    const last = row.last_used_at === null ? null : new Date(row.last_used_at)
    if (!last || !(Date.now() - last.getTime() < ACTIVITY_GRANULARITY_MS)) {
      const now = new Date()
      await db.from(this.table).where({ id: row.id, type: row.type }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
