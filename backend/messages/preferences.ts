/*
| 消息设置: what each user muted. Only a type's OPTIONAL channels can be muted;
| everything else (and in-app always) is delivered whatever the preference.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/support/db_time'
import { messageTypes, type MutableChannel } from './message_types.js'

/** userId → muted channels, for one message type. */
export async function mutedChannels(
  userIds: number[],
  type: string,
  client?: QueryClientContract
): Promise<Map<number, Set<string>>> {
  const rows = await (client ?? db)
    .from('message_mutes')
    .whereIn('user_id', userIds)
    .where('type', type)
    .select('user_id', 'channel')
  const byUser = new Map<number, Set<string>>()
  for (const row of rows) {
    const set = byUser.get(Number(row.user_id)) ?? new Set<string>()
    set.add(row.channel)
    byUser.set(Number(row.user_id), set)
  }
  return byUser
}

export interface PreferenceRow {
  type: string
  name: { zh: string; en: string }
  channels: string[]
  optional: string[]
  muted: string[]
}

/** Every message type with its channels and what this user muted. */
export async function preferencesOf(userId: number): Promise<PreferenceRow[]> {
  const rows = await db.from('message_mutes').where('user_id', userId).select('type', 'channel')
  return (await messageTypes.all()).map((definition) => ({
    type: definition.type,
    name: definition.name,
    channels: definition.channels,
    optional: definition.optional ?? [],
    muted: rows.filter((r) => r.type === definition.type).map((r) => r.channel),
  }))
}

/**
 * Replaces the user's mutes with `muted` (type → channels). A channel that is not
 * optional for its type is refused: callers validate first, this is the last guard.
 */
export async function savePreferences(
  userId: number,
  muted: Array<{ type: string; channels: MutableChannel[] }>
) {
  const wanted: Array<{ type: string; channel: string }> = []
  for (const entry of muted) {
    const definition = await messageTypes.get(entry.type)
    for (const channel of new Set(entry.channels)) {
      if (!definition.optional?.includes(channel)) throw new PreferenceError(entry.type, channel)
      wanted.push({ type: entry.type, channel })
    }
  }
  await db.transaction(async (trx) => {
    await trx.from('message_mutes').where('user_id', userId).delete()
    if (wanted.length)
      await trx
        .table('message_mutes')
        .multiInsert(wanted.map((w) => ({ user_id: userId, ...w, created_at: dbNow() })))
  })
}

export class PreferenceError extends Error {
  constructor(
    readonly type: string,
    readonly channel: string
  ) {
    super(`Channel "${channel}" of message type "${type}" cannot be muted`)
  }
}
