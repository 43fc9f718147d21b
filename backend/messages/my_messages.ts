/*
| 我的消息: a user's own in-app messages. Being the addressee is the only gate:
| another user's message does not exist for the caller (404), whatever their
| permissions. Each message carries the outcome of its other channels.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow, fromDb } from '#core/db/db_time'
import { messageTypes } from './message_types.js'

export interface MyMessageFilters {
  page?: number
  perPage?: number
  unread?: boolean
  type?: string
}

const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

export async function listMyMessages(userId: number, filters: MyMessageFilters) {
  const query = db
    .from('messages')
    .where('user_id', userId)
    .select('id', 'type', 'title', 'body', 'link', 'read_at', 'created_at')
    .orderBy('id', 'desc')
  if (filters.unread) query.whereNull('read_at')
  if (filters.type) query.where('type', filters.type)
  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  const rows = result.all()
  const deliveries = rows.length
    ? await db
        .from('message_deliveries')
        .whereIn(
          'message_id',
          rows.map((r) => r.id)
        )
        .select('message_id', 'channel', 'status', 'detail', 'sent_at')
    : []
  const names = new Map((await messageTypes.all()).map((t) => [t.type, t.name]))
  return {
    data: rows.map((row) => ({
      id: Number(row.id),
      type: row.type,
      typeName: names.get(row.type) ?? { zh: row.type, en: row.type },
      title: row.title,
      body: row.body,
      link: row.link,
      read: row.read_at !== null,
      readAt: iso(row.read_at),
      createdAt: iso(row.created_at),
      deliveries: deliveries
        .filter((d) => Number(d.message_id) === Number(row.id))
        .map((d) => ({
          channel: d.channel,
          status: d.status,
          detail: d.detail,
          sentAt: iso(d.sent_at),
        })),
    })),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

export async function unreadMessageCount(userId: number): Promise<number> {
  const row = await db
    .from('messages')
    .where('user_id', userId)
    .whereNull('read_at')
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/** Marks one of the user's messages read; false when it is not theirs (→ 404). */
export async function markMessageRead(userId: number, id: number): Promise<boolean> {
  const row = await db.from('messages').where({ id, user_id: userId }).select('read_at').first()
  if (!row) return false
  if (row.read_at === null)
    await db.from('messages').where({ id, user_id: userId }).update({ read_at: dbNow() })
  return true
}

export async function markAllMessagesRead(userId: number): Promise<number> {
  const updated = await db
    .from('messages')
    .where('user_id', userId)
    .whereNull('read_at')
    .update({ read_at: dbNow() })
  return Number(Array.isArray(updated) ? updated[0] : updated)
}
