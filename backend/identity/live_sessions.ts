/*
| 在线用户: the sign-in tokens that have not expired, with their user and org.
| The access-token provider writes `expires_at` from a JS Date, which MySQL
| stores as DATETIME and SQLite (better-sqlite3) as epoch milliseconds. The
| cut-off is therefore bound as a Date too, so each driver compares it in the
| form it wrote — a text timestamp against SQLite's number matched nothing.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { LIKE, likeContains } from '#core/db/like'

export function liveSessionsQuery(
  client: QueryClientContract,
  options: { keyword?: string; now?: Date } = {}
) {
  const now = options.now ?? new Date()
  const query = client
    .from('auth_access_tokens as t')
    .join('users as u', 'u.id', 't.tokenable_id')
    .join('orgs as o', 'o.id', 'u.org_id')
    .where((q) => q.whereNull('t.expires_at').orWhere('t.expires_at', '>', now))
    .select(
      't.id',
      't.abilities',
      't.ip_address',
      't.user_agent',
      't.client_mac',
      't.created_at',
      't.last_used_at',
      'u.id as user_id',
      'u.username',
      'u.real_name',
      'o.name as org_name'
    )
    .orderBy('t.created_at', 'desc')
  const keyword = options.keyword
  if (keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['u.username', likeContains(keyword)])
        .orWhereRaw(LIKE, ['u.real_name', likeContains(keyword)])
    )
  return query
}

/** A token timestamp as the API sends it: SQLite's epoch milliseconds become a Date like MySQL's. */
export const tokenTime = (value: unknown) => (typeof value === 'number' ? new Date(value) : value)
