/*
| 消息设置: what each user muted. Only a type's OPTIONAL channels can be muted;
| everything else (and in-app always) is delivered whatever the preference.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { RuleError } from '#core/plugins/rule_error'
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
 * optional for its type is refused, as is a type nobody sends (422 on that entry's field).
 */
export async function savePreferences(
  userId: number,
  muted: Array<{ type: string; channels: MutableChannel[] }>
) {
  const known = new Set((await messageTypes.all()).map((t) => t.type))
  const unknown = muted.findIndex((m) => !known.has(m.type))
  if (unknown >= 0)
    throw RuleError.field(`muted.${unknown}.type`, 'messages.unknownType', 'messages.unknownType')
  const wanted: Array<{ type: string; channel: string }> = []
  for (const [index, entry] of muted.entries()) {
    const definition = await messageTypes.get(entry.type)
    for (const channel of new Set(entry.channels)) {
      if (!definition.optional?.includes(channel))
        throw new PreferenceError(entry.type, channel, index)
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

/** A mandatory channel in the mutes: a 422 on that entry's channels. */
export class PreferenceError extends RuleError {
  constructor(
    readonly type: string,
    readonly channel: string,
    index: number
  ) {
    super(422, 'validation.failed', {
      problems: [
        { field: `muted.${index}.channels`, rule: 'messages.cannotMute', key: 'messages.cannotMute' },
      ],
    })
  }
}
